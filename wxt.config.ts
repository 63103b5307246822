import { defineConfig } from 'wxt';

/** The Amazon Pay API hosts; the only origins the background may call. */
const apiHosts = ['https://pay-api.amazon.com/*', 'https://pay-api.amazon.eu/*', 'https://pay-api.amazon.jp/*'];

export default defineConfig({
  srcDir: '.',
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'downloads', 'alarms'],
    // Asked for only when a merchant turns on auto-archive, to report its runs.
    optional_permissions: ['notifications'],
    host_permissions: apiHosts,
    browser_specific_settings: {
      gecko: {
        id: 'report-courier@report-courier.invalid',
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
});

import { defineConfig } from 'wxt';
import { inlineStyles, noPreloadsIn } from './scripts/build/first-paint-page';
import { SELLER_CENTRAL_REGIONS } from './utils/sellercentral/pages';

/** The Amazon Pay API hosts; the only origins the background may call. */
const apiHosts = ['https://pay-api.amazon.com/*', 'https://pay-api.amazon.eu/*', 'https://pay-api.amazon.jp/*'];
const sellerCentralPages = Object.keys(SELLER_CENTRAL_REGIONS).map((host) => `https://${host}/*`);
/** The pages that must paint at once (scripts/build/first-paint-page.ts). */
const POPUP_PAGE = 'entrypoints/popup/index.html';
const OPTIONS_PAGE = 'entrypoints/options/index.html';

export default defineConfig({
  srcDir: '.',
  modules: ['@wxt-dev/webextension-polyfill'],
  // Every browser we support preloads modules itself; Vite's polyfill for older ones would be one script more.
  // The popup and the options page paint at once: their styles are written into the page, and their first module
  // is small and starts every other load. The popup preloads no module; the options page only that module's few.
  vite: () => ({
    build: { modulePreload: { polyfill: false, resolveDependencies: noPreloadsIn([POPUP_PAGE]) } },
    plugins: [inlineStyles([POPUP_PAGE, OPTIONS_PAGE])],
  }),
  manifestVersion: 3,
  zip: {
    // Firefox's sources zip is for reviewers rebuilding the add-on: sources, lockfile and config, without the
    // tests (they hold test-only keys), benchmarks, screenshots and local run output.
    excludeSources: [
      'tests/**',
      'bench/**',
      'bench-results.json',
      'demo-output/**',
      'test-artifacts/**',
      'docs/**/*.png',
      'vitest.config.ts',
    ],
  },
  hooks: {
    // Gecko settings are Firefox's alone; Chrome lists the key as unrecognized.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser !== 'firefox') delete manifest.browser_specific_settings;
    },
  },
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // unlimitedStorage: the key store may hold a merchant's only copy of a private key; the browser must not evict it.
    permissions: ['storage', 'unlimitedStorage', 'downloads', 'alarms'],
    // Asked for only when a merchant turns on auto-archive, to report its runs.
    optional_permissions: ['notifications'],
    // Asked for one observed origin at a time (never the pattern), when a merchant lets settlements be read as they
    // download: the hosts of Amazon's pre-signed document URLs.
    optional_host_permissions: ['https://*.amazonaws.com/*'],
    host_permissions: apiHosts,
    // The Seller Central panel's settings link: a page that only opens the options page, so Seller Central can
    // reach (and frame) nothing but that; the options page itself stays out of reach of web pages.
    web_accessible_resources: [{ resources: ['open-settings.html'], matches: sellerCentralPages }],
    browser_specific_settings: {
      gecko: {
        id: 'report-courier@report-courier.invalid',
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
});

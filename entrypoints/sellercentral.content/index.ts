import '@/components/styles.css';
import '@/components/panel/panel.css';
import { SELLER_CENTRAL_REGIONS } from '@/utils/sellercentral/pages';
import { startPanel } from './lifecycle';

export default defineContentScript({
  matches: Object.keys(SELLER_CENTRAL_REGIONS).map((host) => `https://${host}/*`),
  cssInjectionMode: 'ui',
  // WXT's postMessage announcement would tell every page script that the extension is here.
  noScriptStartedPostMessage: true,
  main: (ctx) => startPanel(ctx),
});

import { browser } from 'wxt/browser';

/**
 * The Seller Central panel's settings link lands here. This page is web-accessible on Seller Central, the options
 * page is not, so Seller Central can never frame our settings. Framed, this page does nothing; visited, it opens
 * the options page and closes its own tab.
 */
if (window.top === window) {
  void browser.runtime.openOptionsPage().finally(() => window.close());
}

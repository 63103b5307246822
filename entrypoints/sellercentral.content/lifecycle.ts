import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { mountPanel } from '@/components/panel/SellerCentralPanel';
import { sendMessage } from '@/utils/messaging/client';
import { orderIdsOnPage } from '@/utils/sellercentral/order-ids';
import { isAmazonPayPage, sellerCentralRegion } from '@/utils/sellercentral/pages';
import { quietWhenInvalid } from './quiet';

/** Events that would otherwise bubble out of the shadow root into Seller Central's own listeners (shortcuts, menus). */
const ISOLATED_EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'click',
  'dblclick',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'focusin',
  'focusout',
  'input',
  'change',
  'submit',
];
/** How often an idle panel checks that its extension is still there (after an update the old script must go quiet). */
const ALIVE_CHECK_MS = 1000;

/**
 * Shows the launcher on Amazon Pay pages of Seller Central, follows in-page navigation, and removes everything
 * once the extension is updated or removed. Nothing is exposed to page scripts: a closed shadow root, no window
 * message listeners, no attributes that do anything.
 */
export async function startPanel(ctx: ContentScriptContext): Promise<void> {
  const region = sellerCentralRegion(location.href);
  if (!region || ctx.isInvalid) return;

  const load = () => quietWhenInvalid(ctx, () => sendMessage('listReports', { mode: 'cached' }));
  const findOrderIds = () => orderIdsOnPage(document, location.href);
  const lookupOrder = (orderReferenceId: string) =>
    quietWhenInvalid(ctx, () => sendMessage('lookupOrder', { orderReferenceId }));
  const ui = await createShadowRootUi(ctx, {
    // A built-in element: a page can pre-define any custom element name and, with attachInternals(), read even a
    // closed shadow root; a plain div is never upgraded by page code.
    name: 'div',
    position: 'inline',
    mode: 'closed',
    isolateEvents: ISOLATED_EVENTS,
    onMount: (container) =>
      mountPanel(container, {
        region,
        settingsUrl: browser.runtime.getURL('/open-settings.html'),
        load,
        findOrderIds,
        lookupOrder,
      }),
    // Once the extension is gone, unmounting would close the progress port, which throws; the host goes anyway.
    onRemove: (unmount) => {
      if (!ctx.isInvalid) unmount?.();
    },
  });

  // Reading isInvalid is what notices a vanished extension; WXT then runs onInvalidated, which removes the UI.
  const stillAlive = () => !ctx.isInvalid;
  for (const type of ['pointerdown', 'keydown']) {
    ui.shadow.addEventListener(
      type,
      (event) => {
        if (!stillAlive()) event.stopImmediatePropagation();
      },
      { capture: true, signal: ctx.signal },
    );
  }
  const alive = setInterval(() => {
    if (!stillAlive()) clearInterval(alive);
  }, ALIVE_CHECK_MS);

  const sync = () => {
    if (!stillAlive()) return;
    // The live address, not the event's: a page script can dispatch a look-alike event, but not move location.
    const wanted = isAmazonPayPage(location.href);
    if (wanted && !ui.mounted) ui.mount();
    else if (!wanted && ui.mounted) ui.remove();
  };
  // The Navigation API reports a pushState before the address changes; look once it has.
  ctx.addEventListener(window, 'wxt:locationchange', () => ctx.setTimeout(sync, 0));
  sync();
}

/**
 * Time to a view's first painted report row, observed from outside the product: a script injected before the
 * page's own code runs watches the DOM and notes when a row has been through a frame. The product places no mark
 * of its own, so nothing it does can make the figure look better than what the browser shows. Two moments: the
 * first row on screen (the popup's kept screen, utils/views/first-paint.ts, when there is one) and the first row
 * of the live view, read from the report cache.
 */
import type { Page } from 'playwright-core';

const ANY_ROW = 'li.report';
const LIVE_ROW = '#app li.report';

/**
 * Source text, not a function: a transpiled function can carry helpers (esbuild's `__name`) the page lacks.
 * The row is in the DOM when the observer fires; the next animation frame renders it, and a message posted from
 * that frame's callback is handled once the frame's style, layout and paint work is done.
 */
const OBSERVER = `(() => {
  const painted = (name) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { window[name] = performance.now(); };
    channel.port2.postMessage(null);
  });
  let seen = false;
  const observer = new MutationObserver(() => {
    if (!seen && document.querySelector(${JSON.stringify(ANY_ROW)})) { seen = true; painted('firstRowPaintedAt'); }
    if (!document.querySelector(${JSON.stringify(LIVE_ROW)})) return;
    observer.disconnect();
    painted('liveRowPaintedAt');
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

/** Call before the page navigates to the view. */
export async function watchFirstRow(page: Page): Promise<void> {
  await page.addInitScript({ content: OBSERVER });
}

/** Milliseconds from navigation start to the first row on screen, and to the live view's first row; waits for both. */
export async function rowsPaintedAt(page: Page, timeoutMs = 30_000): Promise<{ first: number; live: number }> {
  const painted = await page.waitForFunction(
    () => {
      const times = window as { firstRowPaintedAt?: number; liveRowPaintedAt?: number };
      return times.firstRowPaintedAt && times.liveRowPaintedAt
        ? { first: times.firstRowPaintedAt, live: times.liveRowPaintedAt }
        : undefined;
    },
    undefined,
    { timeout: timeoutMs },
  );
  return (await painted.jsonValue()) as { first: number; live: number };
}

/** The popup's live view is on screen and its kept screen gone: rows and text are the live ones from here on. */
export async function waitForLivePopup(page: Page, timeoutMs = 30_000): Promise<void> {
  await page.waitForFunction(
    () => !document.getElementById('first-paint')?.childElementCount && document.querySelector('#app main'),
    undefined,
    { timeout: timeoutMs },
  );
}

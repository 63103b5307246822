/**
 * Time to a view's first painted report row, observed from outside the product: a script injected before the
 * page's own code runs watches the DOM and notes when the first row has been through a frame. The product places
 * no mark of its own, so nothing it does can make the figure look better than what the browser shows.
 */
import type { Page } from 'playwright-core';

const ROW = 'li.report';

/**
 * Source text, not a function: a transpiled function can carry helpers (esbuild's `__name`) the page lacks.
 * The row is in the DOM when the observer fires; the next animation frame renders it, and a message posted from
 * that frame's callback is handled once the frame's style, layout and paint work is done.
 */
const OBSERVER = `(() => {
  const observer = new MutationObserver(() => {
    if (!document.querySelector(${JSON.stringify(ROW)})) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { window.firstRowPaintedAt = performance.now(); };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

/** Call before the page navigates to the view. */
export async function watchFirstRow(page: Page): Promise<void> {
  await page.addInitScript({ content: OBSERVER });
}

/** Milliseconds from navigation start to the first row on screen; waits for it. */
export async function firstRowPaintedAt(page: Page, timeoutMs = 30_000): Promise<number> {
  const painted = await page.waitForFunction(
    () => (window as { firstRowPaintedAt?: number }).firstRowPaintedAt,
    undefined,
    { timeout: timeoutMs },
  );
  return (await painted.jsonValue()) as number;
}

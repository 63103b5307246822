/**
 * Time to a view's first painted row, observed from outside the product: a script injected before the page's own
 * code runs watches the DOM and notes when a row has been through a frame. The product places no mark of its own,
 * so nothing it does can make the figure look better than what the browser shows. Two moments: the first row on
 * screen (the view's kept screen, utils/views/first-paint.ts, when there is one) and the first row of the live view
 * (the popup's read from the report cache, the Settlements list's from the ledger).
 */
import type { Page } from 'playwright-core';

/** CSS selectors of a view's rows: any row on screen, and a row of the live view (the same when left out). */
export interface RowSelectors {
  first: string;
  live?: string;
}

/** The popup's report rows: its kept screen's or its live view's, and the live view's alone. */
export const POPUP_ROWS: RowSelectors = { first: 'li.report', live: '#app li.report' };
/** The options page's Settlements list: its kept screen's or its live view's rows, and the live view's alone. */
export const SETTLEMENT_ROWS: RowSelectors = {
  first: 'table.ledger-list tbody tr',
  live: '#app table.ledger-list tbody tr',
};

/**
 * The observer as source text, not a function: a transpiled function can carry helpers (esbuild's `__name`) the page lacks.
 * The row is in the DOM when the observer fires; the next animation frame renders it, and a message posted from
 * that frame's callback is handled once the frame's style, layout and paint work is done.
 */
const observerSource = ({ first, live = first }: RowSelectors) => `(() => {
  const painted = (name) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { window[name] = performance.now(); };
    channel.port2.postMessage(null);
  });
  let seen = false;
  const observer = new MutationObserver(() => {
    if (!seen && document.querySelector(${JSON.stringify(first)})) { seen = true; painted('firstRowPaintedAt'); }
    if (!document.querySelector(${JSON.stringify(live)})) return;
    observer.disconnect();
    painted('liveRowPaintedAt');
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

/** Call before the page navigates to the view. */
export async function watchFirstRow(page: Page, rows: RowSelectors = POPUP_ROWS): Promise<void> {
  await page.addInitScript({ content: observerSource(rows) });
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

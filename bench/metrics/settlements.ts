/**
 * settlements.first_paint_ms: the options page's Settlements list with 365 settlements, opened straight at
 * options.html#settlements, as seen from outside: a script injected before the page loads notes when the list's
 * first row has been through a frame (tests/e2e/support/first-row). That row is the kept list's
 * (utils/views/first-paint.ts); the live list's first row, read from the ledger, is the second figure. Each open waits
 * for all 365 live rows, so no open competes with the previous one's rendering, and alternates with one of a static
 * copy of the page holding the same kept list and no script (bench/lib/static-page.ts): the floor under the first.
 */
import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../../tests/e2e/harness';
import { rowsPaintedAt, SETTLEMENT_ROWS, watchFirstRow } from '../../tests/e2e/support/first-row';
import type { LedgerBench } from '../lib/ledger-page';
import { withLedgerPage } from '../lib/ledger-session';
import { alternateOpens, firstRowMetrics } from '../lib/first-row-metrics';
import type { Metric } from '../lib/metric';
import { writeStaticCopy } from '../lib/static-page';

const LIST_SETTLEMENTS = 365;
const LIST_OPENS = 10;

declare const ledgerBench: LedgerBench;

async function firstPaintMetrics(session: ExtensionSession, page: Page): Promise<Metric[]> {
  await page.evaluate((count) => ledgerBench.fillList(count), LIST_SETTLEMENTS);
  const paint = async () => {
    const options = await session.context.newPage();
    await watchFirstRow(options, SETTLEMENT_ROWS);
    await options.goto(`chrome-extension://${session.extensionId}/options.html#settlements`);
    const painted = await rowsPaintedAt(options);
    await options
      .locator(SETTLEMENT_ROWS.live!)
      .nth(LIST_SETTLEMENTS - 1)
      .waitFor();
    // The charts come last: the page has settled, and its work does not run into the next open's.
    await options.locator('#app .ledger-charts figure').first().waitFor();
    await options.close();
    return painted;
  };
  // The first open warms the page's code cache and keeps the list for the next one.
  await paint();
  const staticPage = await writeStaticCopy(session, page, 'options.html', 'settlements-first-paint');
  const paintStatic = async () => {
    const options = await session.context.newPage();
    await watchFirstRow(options, { first: SETTLEMENT_ROWS.first });
    await options.goto(`chrome-extension://${session.extensionId}/${staticPage}#settlements`);
    const { first } = await rowsPaintedAt(options);
    await options.close();
    return first;
  };
  const { times, floor } = await alternateOpens(LIST_OPENS, paint, paintStatic);
  return firstRowMetrics(
    {
      first: 'settlements.first_paint_ms',
      live: 'settlements.first_live_row_ms',
      overStatic: 'settlements.first_paint_over_static_page',
    },
    times,
    floor,
  );
}

export async function settlementsMetrics(): Promise<Metric[]> {
  return withLedgerPage((page, session) => firstPaintMetrics(session, page));
}

/**
 * settlements.first_paint_ms: the options page's Settlements list with 365 settlements, opened straight at
 * options.html#settlements, as seen from outside: a script injected before the page loads notes when the list's
 * first row has been through a frame (tests/e2e/support/first-row). Each open waits for all 365 rows, so no open
 * competes with the previous one's rendering.
 */
import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../../tests/e2e/harness';
import { rowsPaintedAt, SETTLEMENT_ROWS, watchFirstRow } from '../../tests/e2e/support/first-row';
import type { LedgerBench } from '../lib/ledger-page';
import { withLedgerPage } from '../lib/ledger-session';
import { measured, type Metric } from '../lib/metric';

const LIST_SETTLEMENTS = 365;
const LIST_OPENS = 10;

declare const ledgerBench: LedgerBench;

async function firstPaintMetric(session: ExtensionSession, page: Page): Promise<Metric> {
  await page.evaluate((count) => ledgerBench.fillList(count), LIST_SETTLEMENTS);
  const paint = async () => {
    const options = await session.context.newPage();
    await watchFirstRow(options, SETTLEMENT_ROWS);
    await options.goto(`chrome-extension://${session.extensionId}/options.html#settlements`);
    const { first } = await rowsPaintedAt(options);
    await options
      .locator(SETTLEMENT_ROWS.first)
      .nth(LIST_SETTLEMENTS - 1)
      .waitFor();
    await options.close();
    return first;
  };
  // The first open warms the page's code cache.
  await paint();
  const times: number[] = [];
  for (let i = 0; i < LIST_OPENS; i++) times.push(await paint());
  return { ...measured('settlements.first_paint_ms', 'ms', times, 1), target: '≤ 100' };
}

export async function settlementsMetrics(): Promise<Metric[]> {
  return [await withLedgerPage((page, session) => firstPaintMetric(session, page))];
}

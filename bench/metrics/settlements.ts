/**
 * settlements.first_paint_ms: the options page's Settlements list with 365 settlements: its paint mark, set when
 * the list first paints with settlements in it (25 in the first frame; the bench waits for all 365 to be there).
 */
import type { Page } from 'playwright-core';
import type { LedgerBench } from '../lib/ledger-page';
import { withLedgerPage } from '../lib/ledger-session';
import { measured, type Metric } from '../lib/metric';

const LIST_SETTLEMENTS = 365;
const LIST_OPENS = 10;

declare const ledgerBench: LedgerBench;

async function firstPaintMetric(open: (file: string) => Promise<Page>, page: Page): Promise<Metric> {
  await page.evaluate((count) => ledgerBench.fillList(count), LIST_SETTLEMENTS);
  const paint = async () => {
    const options = await open('options.html#settlements');
    await options
      .locator('table.ledger-list tbody tr')
      .nth(LIST_SETTLEMENTS - 1)
      .waitFor();
    const mark = await options.evaluate(
      () => performance.getEntriesByName('report-courier:settlements-painted')[0]?.startTime,
    );
    await options.close();
    if (mark === undefined) throw new Error('the options page set no report-courier:settlements-painted mark');
    return mark;
  };
  await paint();
  const times: number[] = [];
  for (let i = 0; i < LIST_OPENS; i++) times.push(await paint());
  return { ...measured('settlements.first_paint_ms', 'ms', times, 1), target: '≤ 100' };
}

export async function settlementsMetrics(): Promise<Metric[]> {
  return [await withLedgerPage((page, session) => firstPaintMetric((file) => session.openPage(file), page))];
}

/**
 * The popup's first report row painted from a warm cache, over several opens, as seen from outside: a script
 * injected before the popup loads notes when the first row has been through a frame (tests/e2e/support/first-row).
 * The first row is the kept screen's (utils/views/first-paint.ts); the live view's first row, read from the report
 * cache, is the second figure. Each open alternates with one of a static copy of the popup holding the same screen
 * and no script (bench/lib/static-page.ts): the floor this browser and machine put under the first figure.
 */
import { POPUP_ROWS, rowsPaintedAt, watchFirstRow } from '../../tests/e2e/support/first-row';
import { alternateOpens, firstRowMetrics } from '../lib/first-row-metrics';
import type { Metric } from '../lib/metric';
import { withBenchStack } from '../lib/stack';
import { writeStaticCopy } from '../lib/static-page';

const OPENS = 15;

export async function popupMetrics(): Promise<Metric[]> {
  return withBenchStack({}, 'Bench Popup', async ({ stack }) => {
    const { context, extensionId } = stack.browser;
    const listings = () => stack.emulator.admin.stats().requests.byRoute.getReports ?? 0;
    const open = async () => {
      const listedBefore = listings();
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 400, height: 600 });
      await watchFirstRow(popup);
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      const paintedAt = await rowsPaintedAt(popup);
      // The popup's refresh through the background finishes before the next open, so no open competes with it.
      while (listings() === listedBefore) await new Promise((resolve) => setTimeout(resolve, 20));
      await popup.locator('section.panel[aria-busy="false"]').waitFor();
      await popup.close();
      return paintedAt;
    };
    // The listing made while adding the account filled the cache; one open more warms the page's code cache.
    await open();
    const reader = await stack.browser.openPage('manifest.json');
    const staticPage = await writeStaticCopy(stack.browser, reader, 'popup.html', 'popup-first-paint');
    await reader.close();
    const openStatic = async () => {
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 400, height: 600 });
      await watchFirstRow(popup, { first: POPUP_ROWS.first });
      await popup.goto(`chrome-extension://${extensionId}/${staticPage}`);
      const { first } = await rowsPaintedAt(popup);
      await popup.close();
      return first;
    };
    const { times, floor } = await alternateOpens(OPENS, open, openStatic);
    return firstRowMetrics(
      { first: 'popup.first_row_ms', live: 'popup.first_live_row_ms', overStatic: 'popup.first_row_over_static_page' },
      times,
      floor,
    );
  });
}

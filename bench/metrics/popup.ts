/** The popup's first rendered report row with a warm cache: the `report-courier:first-row` mark, over several opens. */
import { measured, type Metric } from '../lib/metric';
import { withBenchStack } from '../lib/stack';

const OPENS = 15;

export async function popupMetrics(): Promise<Metric[]> {
  return withBenchStack({}, 'Bench Popup', async ({ stack }) => {
    const { context, extensionId } = stack.browser;
    const open = async () => {
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      await popup.locator('li.report').first().waitFor();
      const mark = await popup.evaluate(() => performance.getEntriesByName('report-courier:first-row')[0]?.startTime);
      await popup.close();
      if (mark === undefined) throw new Error('the popup set no report-courier:first-row mark');
      return mark;
    };
    // The listing made while adding the account filled the cache; one open more warms the page's code cache.
    await open();
    const times: number[] = [];
    for (let i = 0; i < OPENS; i++) times.push(await open());
    return [measured('popup.first_row_ms', 'ms', times, 1)];
  });
}

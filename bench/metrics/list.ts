/**
 * Listing 90 days of every report type (≥ 500 reports) with the product's own `listReports` (pageSize 100):
 * Get Reports calls made against the fewest pages that can hold the reports, and the time the listing takes.
 */
import { measured, type Metric } from '../lib/metric';
import { withBenchStack } from '../lib/stack';

const LISTINGS = 5;
const PAGE_SIZE = 100;

export async function listMetrics(): Promise<Metric[]> {
  return withBenchStack({ extraReports: 500 }, 'Bench List', async ({ stack, driver }) => {
    const calls = () => stack.emulator.admin.stats().requests.byRoute.getReports ?? 0;
    const ratios: number[] = [];
    const times: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < LISTINGS; i++) {
      const before = calls();
      const started = performance.now();
      const listing = await driver.send<{ reports: unknown[]; refreshError?: unknown }>('listReports', {
        accountId: driver.accountId,
        mode: 'fresh',
      });
      times.push(performance.now() - started);
      if (listing.refreshError) throw new Error(`listing failed: ${JSON.stringify(listing.refreshError)}`);
      counts.push(listing.reports.length);
      ratios.push((calls() - before) / Math.ceil(listing.reports.length / PAGE_SIZE));
    }
    if (Math.min(...counts) < 500)
      throw new Error(`only ${Math.min(...counts)} reports listed; the metric needs 500 or more`);
    return [
      measured('list.calls_over_min', 'ratio', ratios),
      measured('list.fresh_ms', 'ms', times, 1),
      measured('list.reports', 'reports', counts, 0),
    ];
  });
}

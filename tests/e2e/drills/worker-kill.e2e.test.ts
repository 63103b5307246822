import { describe, expect, it } from 'vitest';
import { auditArchive, documentRetries, printSummary, summarise } from '../support/audit';
import { startBulk, waitForBatch } from '../support/driver';
import { drillStack } from '../support/drill';
import { workerControl } from '../support/worker';
import { classifyKills, killRepeatedly } from './kills';
import { size } from './mode';

const REPORTS = size(40, 300);
const KILLS = size(3, 12);
// A slower Get Report Document keeps URL requests in flight long enough for kills to land inside them; the rate
// limit stretches the bulk so that every kill finds work in flight (the pipeline alone would finish 40 in 2 s).
const drill = drillStack({
  label: 'Kill Drill',
  reports: REPORTS,
  emulator: { extraReports: REPORTS, faults: { latencyMs: { getReportDocument: 60 } } },
  afterSetUp: (stack) => stack.emulator.admin.setFaults({ rateLimit: { requestsPerSecond: size(8, 15), burst: 4 } }),
});

describe('drill: the service worker is killed during a bulk download', () => {
  it(`downloads all ${REPORTS} reports exactly once, byte for byte, across ${KILLS} kills`, async () => {
    const { stack, driver, reports } = drill;
    const control = await workerControl(stack.browser);
    const batchId = await startBulk(driver, reports);
    let settled = false;
    const documentIds = reports.map((r) => r.reportDocumentId!);
    const killing = killRepeatedly(control, stack.emulator, { count: KILLS, documentIds, running: () => !settled });
    // The options page's poll is what wakes a killed worker, as it would for a user watching the progress.
    const final = await waitForBatch(driver.send, batchId, size(90_000, 400_000)).finally(() => {
      settled = true;
    });
    const kills = await killing;

    const audit = auditArchive(stack.browser.downloadDir, stack.emulator, reports);
    const windows = classifyKills(stack.emulator, kills);
    const styles = Object.fromEntries(
      ['held-url', 'random', 'after-url'].map((style) => [style, kills.filter((k) => k.style === style).length]),
    );
    const summary = summarise('worker-kill', REPORTS, audit, documentRetries(stack.emulator, reports), {
      kills: kills.length,
      styles,
      ...windows,
    });
    printSummary(summary);

    expect(kills.length).toBeGreaterThanOrEqual(KILLS);
    // A held URL never reaches a live worker, so each such kill must show as a dropped URL.
    expect(windows.urlDropped).toBeGreaterThanOrEqual(Math.max(1, kills.filter((k) => k.style === 'held-url').length));
    expect(final.batch.counts).toMatchObject({ done: REPORTS, failed: 0, cancelled: 0 });
    expect(audit).toEqual({ lost: [], duplicates: [], mismatched: [], strays: [] });
    expect(await control.running()).toBe(true);
  });
});

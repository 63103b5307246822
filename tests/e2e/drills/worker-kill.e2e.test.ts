import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditArchive, documentRetries, printSummary, summarise } from '../support/audit';
import { completedReports, driveAccount, startBulk, waitForBatch, type Driver, type ReportRow } from '../support/driver';
import { startStack, type Stack } from '../support/stack';
import { workerControl } from '../support/worker';
import { classifyKills, killRepeatedly } from './kills';
import { size } from './mode';

const REPORTS = size(40, 300);
/** Kills aimed for, and the fewest that pass (the batch may finish before the last ones). */
const KILLS = size(4, 14);
const MIN_KILLS = size(3, 10);
let stack: Stack;
let driver: Driver;
let reports: ReportRow[];

beforeAll(async () => {
  // A slower Get Report Document keeps URL requests in flight long enough for kills to land inside them.
  stack = await startStack({ extraReports: REPORTS, faults: { latencyMs: { getReportDocument: 60 } } });
  driver = await driveAccount(stack, 'Kill Drill');
  reports = await completedReports(driver, REPORTS);
});

afterAll(async () => {
  await stack?.close();
});

describe('drill: the service worker is killed during a bulk download', () => {
  it(`downloads all ${REPORTS} reports exactly once, byte for byte, across ${MIN_KILLS}+ kills`, async () => {
    const control = await workerControl(stack.browser);
    const batchId = await startBulk(driver, reports);
    let settled = false;
    const killing = killRepeatedly(control, stack.emulator, { count: KILLS, gapMs: size([300, 800], [200, 800]), running: () => !settled });
    // The options page's poll is what wakes a killed worker, as it would for a user watching the progress.
    const final = await waitForBatch(driver.send, batchId, size(90_000, 400_000)).finally(() => {
      settled = true;
    });
    const kills = await killing;

    const audit = auditArchive(stack.browser.downloadDir, stack.emulator, reports);
    const windows = classifyKills(stack.emulator, kills);
    const summary = summarise('worker-kill', REPORTS, audit, documentRetries(stack.emulator, reports), { kills: kills.length, ...windows });
    printSummary(summary);

    expect(kills.length).toBeGreaterThanOrEqual(MIN_KILLS);
    expect(windows.urlDropped + windows.downloadInFlight).toBeGreaterThanOrEqual(size(1, 3));
    expect(final.batch.counts).toMatchObject({ done: REPORTS, failed: 0, cancelled: 0 });
    expect(audit).toEqual({ lost: [], duplicates: [], mismatched: [], strays: [] });
    expect(await control.running()).toBe(true);
  });
});

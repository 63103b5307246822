import { describe, expect, it } from 'vitest';
import { auditArchive, documentRetries, outcomes, printSummary, summarise } from '../support/audit';
import { downloadsOf, messenger, startBulk, waitForBatch, type Send } from '../support/driver';
import { drillStack } from '../support/drill';
import { size, sleep } from './mode';

const REPORTS = size(40, 300);
const RESTARTS = size(1, 3);
const drill = drillStack({
  label: 'Restart Drill',
  reports: REPORTS,
  emulator: { extraReports: REPORTS, faults: { latencyMs: { getReportDocument: 60 } } },
});

async function doneCount(send: Send, batchId: string): Promise<number> {
  return (await downloadsOf(send, batchId)).batch?.counts.done ?? 0;
}

describe('drill: Chromium is closed in the middle of a bulk download', () => {
  it(`resumes after ${RESTARTS} relaunch(es) with the same profile and downloads every report once`, async () => {
    const { stack, driver, reports } = drill;
    const batchId = await startBulk(driver, reports);
    let send = driver.send;
    const atClose: number[] = [];
    for (let restart = 1; restart <= RESTARTS; restart++) {
      const target = Math.floor((REPORTS * restart) / (RESTARTS + 1));
      while ((await doneCount(send, batchId)) < target) await sleep(100);
      atClose.push(await doneCount(send, batchId));
      const session = await stack.relaunchBrowser();
      // Opening the options page is what a user would do; its poll shows the batch where it was left.
      send = messenger(await session.openPage('options.html'));
      expect(await doneCount(send, batchId)).toBeGreaterThanOrEqual(atClose.at(-1)!);
    }
    const final = await waitForBatch(send, batchId, size(90_000, 400_000));

    const audit = auditArchive(stack.browser.downloadDir, stack.emulator, reports);
    printSummary(
      summarise('browser-restart', REPORTS, audit, documentRetries(stack.emulator, reports), {
        restarts: RESTARTS,
        doneAtClose: atClose,
        notDone: outcomes(final.jobs),
      }),
    );
    expect(atClose.every((done) => done < REPORTS)).toBe(true);
    expect(final.batch.counts).toMatchObject({ done: REPORTS, failed: 0, cancelled: 0 });
    expect(audit).toEqual({ lost: [], duplicates: [], mismatched: [], strays: [] });
  });
});

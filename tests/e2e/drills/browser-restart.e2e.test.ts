import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_HOSTS } from '../../emulator/index';
import { launchExtension, type ExtensionSession } from '../harness';
import { auditArchive, documentRetries, outcomes, printSummary, summarise } from '../support/audit';
import {
  completedReports,
  downloadsOf,
  driveAccount,
  messenger,
  startBulk,
  waitForBatch,
  type ReportRow,
  type Send,
} from '../support/driver';
import { startStack, type Stack } from '../support/stack';
import { size, sleep } from './mode';

const REPORTS = size(40, 300);
const RESTARTS = size(1, 3);
let stack: Stack;
let session: ExtensionSession;
let reports: ReportRow[];
let send: Send;
let accountId: string;

beforeAll(async () => {
  stack = await startStack({ extraReports: REPORTS, faults: { latencyMs: { getReportDocument: 60 } } });
  session = stack.browser;
  const driver = await driveAccount(stack, 'Restart Drill');
  send = driver.send;
  accountId = driver.accountId;
  reports = await completedReports(driver, REPORTS);
});

afterAll(async () => {
  await session?.close();
  await stack?.emulator.close();
});

async function doneCount(batchId: string): Promise<number> {
  return (await downloadsOf(send, batchId)).batch?.counts.done ?? 0;
}

describe('drill: Chromium is closed in the middle of a bulk download', () => {
  it(`resumes after ${RESTARTS} relaunch(es) with the same profile and downloads every report once`, async () => {
    const batchId = await startBulk({ send, accountId }, reports);
    const atClose: number[] = [];
    for (let restart = 1; restart <= RESTARTS; restart++) {
      const target = Math.floor((REPORTS * restart) / (RESTARTS + 1));
      while ((await doneCount(batchId)) < target) await sleep(100);
      atClose.push(await doneCount(batchId));
      await session.close();
      session = await launchExtension({
        port: stack.emulator.port,
        extraHosts: DOCUMENT_HOSTS,
        userDataDir: session.userDataDir,
      });
      // Opening the options page is what a user would do; its poll shows the batch where it was left.
      send = messenger(await session.openPage('options.html'));
      expect(await doneCount(batchId)).toBeGreaterThanOrEqual(atClose.at(-1)!);
    }
    const final = await waitForBatch(send, batchId, size(90_000, 400_000));

    const audit = auditArchive(session.downloadDir, stack.emulator, reports);
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

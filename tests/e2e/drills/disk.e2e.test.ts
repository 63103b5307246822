import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditArchive, documentRetries, printSummary, summarise } from '../support/audit';
import { startBulk, waitForBatch } from '../support/driver';
import { drillStack } from '../support/drill';
import { filesUnder } from '../support/stack';
import { size } from './mode';

const REPORTS = size(8, 30);
const LABEL = 'Disk Drill';
const drill = drillStack({ label: LABEL, reports: REPORTS });

describe('drill: the download folder cannot be written', () => {
  it('stops the batch with "Cannot write to the download folder", marks nothing done, and Retry failed finishes it once fixed', async () => {
    const { stack, driver, reports } = drill;
    // The tests run as root, which ignores file modes: a plain file where the account's folder must go blocks it for anyone.
    const blocker = path.join(stack.browser.downloadDir, 'AmazonPay', LABEL);
    fs.mkdirSync(path.dirname(blocker), { recursive: true });
    fs.writeFileSync(blocker, 'not a folder');

    const batchId = await startBulk(driver, reports);
    const stopped = await waitForBatch(driver.send, batchId, 60_000);
    const failed = stopped.jobs.filter((j) => j.state === 'failed');
    printSummary(
      summarise(
        'disk',
        REPORTS,
        auditArchive(stack.browser.downloadDir, stack.emulator, reports),
        documentRetries(stack.emulator, reports),
        {
          phase: 'blocked',
          stoppedReason: stopped.batch.stoppedReason,
          failed: failed.length,
          queued: stopped.batch.counts.queued,
        },
      ),
    );
    expect(stopped.batch.paused).toBe(true);
    expect(stopped.batch.stoppedReason).toMatch(/^Cannot write to the download folder/);
    expect(stopped.batch.counts.done).toBe(0);
    expect(failed.length).toBeGreaterThan(0);
    for (const job of failed) expect(job.error?.code).toBe('DOWNLOAD_FOLDER_REFUSED');
    // The stop leaves the rest waiting; how many had already tried depends on timing, so only none is lost.
    expect(failed.length + (stopped.batch.counts.queued ?? 0)).toBe(REPORTS);
    expect(filesUnder(stack.browser.downloadDir)).toEqual([path.join('AmazonPay', LABEL)]);

    fs.rmSync(blocker);
    await driver.send('retryFailed', { batchId });
    const final = await waitForBatch(driver.send, batchId, 60_000);
    const audit = auditArchive(stack.browser.downloadDir, stack.emulator, reports);
    printSummary(
      summarise('disk', REPORTS, audit, documentRetries(stack.emulator, reports), { phase: 'after Retry failed' }),
    );
    expect(final.batch.counts.done).toBe(REPORTS);
    expect(audit).toEqual({ lost: [], duplicates: [], mismatched: [], strays: [] });
  });
});

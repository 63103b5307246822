import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ledgerFileKeys, messenger, startBulk, waitForBatch, type ReportRow } from '../../tests/e2e/support/driver';
import { SETTLEMENT } from '../../tests/emulator/index';
import { DemoStepError, expectFile, waitUntil } from './checks';

type ListedReport = ReportRow & { startTime: string; endTime: string };

/** One demo account's settlements as the extension downloaded them (paths inside the download folder). */
export interface CapturedAccount {
  label: string;
  accountId: string;
  files: string[];
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/**
 * Downloads each account's settlement reports that overlap `period` through the extension's bulk download, as the options page
 * starts one, and waits until capture at download has read each downloaded file into the ledger (the same bytes:
 * the ledger keys files by SHA-256). Stops the demo when a download fails or a settlement is not captured.
 */
export async function downloadSettlements(
  options: Page,
  labels: string[],
  downloadDir: string,
  period: { from: Date; to: Date },
): Promise<CapturedAccount[]> {
  const send = messenger(options);
  const { accounts } = await send<{ accounts: { id: string; label: string }[] }>('listAccounts', {});
  const captured: CapturedAccount[] = [];
  for (const label of labels) {
    const accountId = accounts.find((a) => a.label === label)?.id;
    if (!accountId) throw new DemoStepError(`The account "${label}" is not in the extension.`);
    const listing = await send<{ reports: ListedReport[]; refreshError?: unknown }>('listReports', {
      accountId,
      mode: 'fresh',
    });
    if (listing.refreshError)
      throw new DemoStepError(`Listing the reports of "${label}" failed: ${JSON.stringify(listing.refreshError)}`);
    const settlements = listing.reports.filter(
      (r) =>
        r.reportType === SETTLEMENT &&
        r.processingStatus === 'COMPLETED' &&
        r.reportDocumentId &&
        Date.parse(r.endTime) >= period.from.getTime() &&
        Date.parse(r.startTime) < period.to.getTime(),
    );
    if (settlements.length === 0)
      throw new DemoStepError(
        `"${label}" lists no completed settlement report between ${period.from.toISOString()} and ${period.to.toISOString()}.`,
      );
    const batchId = await startBulk({ send, accountId }, settlements);
    const { batch, jobs } = await waitForBatch(send, batchId, 60_000);
    const done = jobs.filter((j) => j.state === 'done' && j.filename);
    if (batch.counts.done !== settlements.length || done.length !== settlements.length)
      throw new DemoStepError(
        `Downloading the settlements of "${label}": ${batch.counts.done ?? 0} of ${settlements.length} done (${JSON.stringify(batch.counts)}).`,
      );
    const files = done.map((j) => path.relative(downloadDir, path.resolve(downloadDir, j.filename!)));
    for (const file of files) expectFile(path.join(downloadDir, file), `Downloading the settlements of "${label}"`);
    captured.push({ label, accountId, files });
  }

  const expected = new Set(captured.flatMap((a) => a.files.map((f) => sha256(path.join(downloadDir, f)))));
  let held = 0;
  await waitUntil(
    async () => {
      const keys = new Set(await ledgerFileKeys(options));
      held = [...expected].filter((k) => keys.has(k)).length;
      return held === expected.size ? true : undefined;
    },
    120_000,
    () =>
      `Capture at download read ${held} of ${expected.size} downloaded settlements into the ledger. ` +
      'Is the document host granted (the demo adds it to the manifest of its copy of the extension)?',
  );
  return captured;
}

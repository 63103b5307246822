/** Capture at download in Chromium: the merchant grants the one document origin seen, and a settlement downloaded
 * afterwards is in the ledger, byte for byte the emulator's file (issue 16 §1). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  completedReports,
  driveAccount,
  ledgerFileKeys,
  startBulk,
  waitForBatch,
  type Driver,
  type ReportRow,
} from './support/driver';
import { profileGranting } from './support/granted-profile';
import { startStack, type Stack } from './support/stack';

const SETTLEMENT = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_';
const NA_DOCUMENTS = 'https://tortuga-prod-na.s3-external-1.amazonaws.com';
let stack: Stack;
let driver: Driver;
let settlements: ReportRow[];

beforeAll(async () => {
  stack = await startStack();
  driver = await driveAccount(stack, 'Capture NA', 'na');
  settlements = (await completedReports(driver)).filter((r) => r.reportType === SETTLEMENT);
});

afterAll(async () => {
  await stack?.close();
});

/** What the ledger holds, read from the options page. */
const ledgerFiles = (d: Driver = driver) => ledgerFileKeys(d.page);

async function download(report: ReportRow): Promise<void> {
  const batchId = await startBulk(driver, [report]);
  const final = await waitForBatch(driver.send, batchId, 60_000);
  expect(final.batch.counts.done).toBe(1);
}

describe('capture at download', () => {
  it('offers to read settlements from exactly the document origin it has seen, once it has seen one', async () => {
    expect(settlements.length).toBeGreaterThanOrEqual(1);
    await driver.page.goto(driver.page.url().replace(/#.*$/, '') + '#settlements');
    const section = driver.page.getByRole('region', { name: 'Read settlements as they download' });
    await section.getByText(/Download a settlement report once/).waitFor();
    await download(settlements[0]!);
    await driver.page.reload();
    await section
      .getByText('Settlements downloaded from tortuga-prod-na.s3-external-1.amazonaws.com are saved as files only.')
      .waitFor();
    await section.getByRole('button', { name: 'Read them too' }).waitFor();
    // Not granted: downloaded, and nothing read.
    expect(await ledgerFiles()).toEqual([]);
  });
});

describe('capture at download, with the origin granted', () => {
  let granted: Stack;
  let grantedDriver: Driver;
  beforeAll(async () => {
    granted = await startStack({}, { userDataDir: profileGranting([NA_DOCUMENTS]) });
    grantedDriver = await driveAccount(granted, 'Capture NA', 'na');
  });
  afterAll(async () => {
    await granted?.close();
  });

  it('reads each settlement it downloads into the ledger, the same bytes as the file', async () => {
    const [report] = (await completedReports(grantedDriver)).filter((r) => r.reportType === SETTLEMENT);
    const batchId = await startBulk(grantedDriver, [report!]);
    expect((await waitForBatch(grantedDriver.send, batchId, 60_000)).batch.counts.done).toBe(1);
    const expected = granted.emulator.admin.document(report!.reportDocumentId!)!.sha256;
    await expect.poll(() => ledgerFiles(grantedDriver), { timeout: 30_000 }).toEqual([expected]);
    // The options page says so, and the document was fetched a second time, beside the download.
    await grantedDriver.page.goto(grantedDriver.page.url().replace(/#.*$/, '') + '#settlements');
    await grantedDriver.page
      .getByText(
        'Settlements downloaded from tortuga-prod-na.s3-external-1.amazonaws.com are also read into this list, in this browser.',
      )
      .waitFor();
    const served = granted.emulator.admin
      .stats()
      .documents[report!.reportDocumentId!]!.urls.flatMap((u) => u.downloads.filter((d) => d.completed));
    expect(served).toHaveLength(2);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { downloadedReportIds, searchHistory } from '@/utils/downloads/history';
import { createRig, freshIndexedDb, reports, type Rig } from './harness';

beforeEach(freshIndexedDb);

async function archive(rig: Rig, accountId: string, ids: ReturnType<typeof reports>, label: string) {
  await rig.pipeline.enqueue(accountId, ids, { accountLabel: label });
  await rig.drain();
}

describe('download history', () => {
  it('records one entry per downloaded report, per account, written with the job’s done', async () => {
    const rig = createRig();
    await archive(rig, 'acct-1', reports(2), 'Shop One');
    rig.clock.time += 60_000;
    await archive(
      rig,
      'acct-2',
      [{ ...reports(1)[0]!, reportType: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_' }],
      'Shop Two',
    );

    const ofFirst = await searchHistory(rig.db, { accountId: 'acct-1' });
    expect(ofFirst.find((entry) => entry.reportId === 'R001')).toEqual({
      accountId: 'acct-1',
      reportId: 'R001',
      reportType: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_',
      filename: 'AmazonPay/Shop One/Settlement/2026-11-01_2026-11-02_R001.csv',
      finalPath: '/home/merchant/Downloads/AmazonPay/Shop One/Settlement/2026-11-01_2026-11-02_R001.csv',
      bytes: 2048,
      downloadedAt: rig.clock.time - 60_000,
    });
    expect(ofFirst.map((entry) => entry.reportId).sort()).toEqual(['R001', 'R002']);
    expect(await downloadedReportIds(rig.db, 'acct-1')).toEqual(new Set(['R001', 'R002']));
    expect(await downloadedReportIds(rig.db, 'acct-2')).toEqual(new Set(['R001']));
  });

  it('searches by account, type, text and time, newest first', async () => {
    const rig = createRig();
    await archive(rig, 'acct-1', reports(2), 'Shop One');
    const later = (rig.clock.time += 60_000);
    await archive(
      rig,
      'acct-2',
      [{ ...reports(1)[0]!, reportType: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_' }],
      'Shop Two',
    );

    const ids = (entries: { accountId: string; reportId: string }[]) =>
      entries.map((e) => `${e.accountId}/${e.reportId}`);
    expect(ids(await searchHistory(rig.db))).toEqual(['acct-2/R001', 'acct-1/R001', 'acct-1/R002']);
    expect(ids(await searchHistory(rig.db, { accountId: 'acct-1' })).sort()).toEqual(['acct-1/R001', 'acct-1/R002']);
    expect(ids(await searchHistory(rig.db, { reportType: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_' }))).toEqual([
      'acct-2/R001',
    ]);
    expect(ids(await searchHistory(rig.db, { text: 'shop two' }))).toEqual(['acct-2/R001']);
    expect(ids(await searchHistory(rig.db, { text: 'r002' }))).toEqual(['acct-1/R002']);
    expect(ids(await searchHistory(rig.db, { from: later }))).toEqual(['acct-2/R001']);
    expect(ids(await searchHistory(rig.db, { to: later - 1 })).sort()).toEqual(['acct-1/R001', 'acct-1/R002']);
  });
});

/** Removing an account leaves nothing of it to sign with or to follow, and says whether its history is kept (issue 13 §4). */
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getAccount, listAccounts, rememberSellerId, saveAccount } from '@/utils/accounts/store';
import { readCachedReports, writeCachedReports } from '@/utils/amazon-pay/report-cache';
import { ALARM_PREFIX, defaultSettings, enabledAccounts, writeState } from '@/utils/archive/auto-archive';
import { addOnDemand, hasPendingOnDemand, listOnDemand } from '@/utils/archive/on-demand';
import { accountHandlers } from '@/utils/background/handlers/accounts';
import { syncAutoArchiveAlarm } from '@/utils/background/handlers/auto-archive';
import type { Services } from '@/utils/background/services';
import { browserAlarms } from '@/utils/browser-api';
import { candidateKeyId, stageCandidateKey } from '@/utils/keys/candidate-key';
import { loadKeyRecord, saveKey } from '@/utils/keys/keystore';
import { openLedgerDb, request, ROW_PAGES, TERMS } from '@/utils/ledger/db';
import { pageRows, type RowPage } from '@/utils/ledger/row-pages';
import type { TermRecord } from '@/utils/ledger/terms';
import { importSettlementFile } from '@/utils/ledger/import';
import { listFiles, listSettlements } from '@/utils/ledger/queries';
import { settlementSeries } from '../../emulator/settlement-file';
import { createRig, freshIndexedDb, reports } from '../downloads/harness';
import { liveAccount, otherKey } from '../client/emulator-setup';

const ID = 'acc-removed';

beforeEach(async () => {
  fakeBrowser.reset();
  freshIndexedDb();
});

describe('removing an account', () => {
  it('removes its key, requested reports, auto-archive state and alarm and report list, and keeps its history', async () => {
    const rig = createRig();
    await saveAccount({ ...liveAccount, id: ID });
    await saveKey(ID, await otherKey(), { publicKeyFingerprint: 'k' });
    await stageCandidateKey(ID, await otherKey(), 'c');
    await addOnDemand({
      accountId: ID,
      reportId: 'R-pending',
      reportType: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_',
      startTime: '2026-11-01T00:00:00.000Z',
      endTime: '2026-11-02T00:00:00.000Z',
      requestedAt: new Date().toISOString(),
      status: 'IN_PROGRESS',
    });
    await writeState(ID, { settings: { ...defaultSettings('live'), enabled: true } });
    await syncAutoArchiveAlarm(browserAlarms(), ID, true, 6);
    await writeCachedReports(ID, []);
    await rig.pipeline.enqueue(ID, reports(1), { accountLabel: 'Shop' });
    await rig.runAll();

    const ledger = await openLedgerDb();
    const services = {
      pipeline: rig.pipeline,
      db: rig.db,
      ledger: async () => ledger,
      alarms: browserAlarms(),
    } as unknown as Services;
    const result = await accountHandlers(services).removeAccount({ accountId: ID }, {
      kind: 'extension-page',
    } as never);

    expect(result).toEqual({ keyDeleted: true, historyKept: 1, settlementsDropped: 0, settlementsKept: 0 });
    expect(await getAccount(ID)).toBeUndefined();
    expect(await loadKeyRecord(ID)).toBeUndefined();
    expect(await loadKeyRecord(candidateKeyId(ID))).toBeUndefined();
    expect(await listOnDemand(ID)).toEqual([]);
    expect(await hasPendingOnDemand()).toBe(false);
    expect(await enabledAccounts()).not.toContain(ID);
    expect(await browser.alarms.get(`${ALARM_PREFIX}${ID}`)).toBeUndefined();
    expect(await readCachedReports(ID)).toBeUndefined();
  });
});

describe("removing an account and the ledger's settlements", () => {
  const [a1, a2] = settlementSeries(2, { seed: 'seller-a', activityRows: 4 });
  const [b1] = settlementSeries(1, { seed: 'seller-b', activityRows: 4 });
  const caller = { kind: 'extension-page' } as never;

  /** Account `a` owns seller A; `b` and `b2` share seller B; the ledger holds two of A's settlements and one of B's. */
  async function setUp() {
    const ledger = await openLedgerDb();
    for (const [file, name] of [
      [a1!, 'a1.csv'],
      [a2!, 'a2.csv'],
      [b1!, 'b1.csv'],
    ] as const) {
      expect((await importSettlementFile(ledger, new Uint8Array(file.bytes), name)).status).toBe('imported');
    }
    for (const [id, seller] of [
      ['a', a1!.sellerId],
      ['b', b1!.sellerId],
      ['b2', b1!.sellerId],
    ]) {
      await saveAccount({ ...liveAccount, id: id! });
      await rememberSellerId(id!, seller!);
    }
    const rig = createRig();
    const handlers = accountHandlers({
      pipeline: rig.pipeline,
      db: rig.db,
      ledger: async () => ledger,
      alarms: browserAlarms(),
    } as unknown as Services);
    return { ledger, handlers };
  }
  const sellers = async (ledger: IDBDatabase) => (await listSettlements(ledger)).map((s) => s.summary.sellerId).sort();
  const rowCount = async (ledger: IDBDatabase) =>
    (await request<RowPage[]>(ledger.transaction(ROW_PAGES).objectStore(ROW_PAGES).getAll())).reduce(
      (count, page) => count + pageRows(page).length,
      0,
    );
  const indexedSettlements = async (ledger: IDBDatabase) => [
    ...new Set(
      (await request<TermRecord[]>(ledger.transaction(TERMS).objectStore(TERMS).getAll())).map((t) => t.settlementId),
    ),
  ];

  it("counts the settlements of the account's seller ids, own and shared", async () => {
    const { handlers } = await setUp();
    expect(await handlers.accountSettlements({ accountId: 'a' }, caller)).toEqual({ own: 2, shared: 0 });
    expect(await handlers.accountSettlements({ accountId: 'b' }, caller)).toEqual({ own: 0, shared: 1 });
  });

  it('drops its own settlements with their rows and file records when asked, and nobody else’s', async () => {
    const { ledger, handlers } = await setUp();
    const bRows = b1!.rows.length;
    const result = await handlers.removeAccount({ accountId: 'a', dropSettlements: true }, caller);
    expect(result).toMatchObject({ settlementsDropped: 2, settlementsKept: 0 });
    expect(await sellers(ledger)).toEqual([b1!.sellerId]);
    expect(await rowCount(ledger)).toBe(bRows);
    expect(await indexedSettlements(ledger)).toEqual([b1!.rows[0]!.settlementId]);
    expect((await listFiles(ledger)).map((f) => f.name)).toEqual(['b1.csv']);
    // The file can be imported again later: its record went with its settlement.
    expect((await importSettlementFile(ledger, new Uint8Array(a1!.bytes), 'a1.csv')).status).toBe('imported');
  });

  it('keeps them unless asked, and says how many stay', async () => {
    const { ledger, handlers } = await setUp();
    const result = await handlers.removeAccount({ accountId: 'a' }, caller);
    expect(result).toMatchObject({ settlementsDropped: 0, settlementsKept: 2 });
    expect(await sellers(ledger)).toEqual([a1!.sellerId, a1!.sellerId, b1!.sellerId].sort());
  });

  it('never drops settlements of a seller id another account shares', async () => {
    const { ledger, handlers } = await setUp();
    const result = await handlers.removeAccount({ accountId: 'b', dropSettlements: true }, caller);
    expect(result).toMatchObject({ settlementsDropped: 0, settlementsKept: 1 });
    expect(await sellers(ledger)).toContain(b1!.sellerId);
    expect((await listAccounts()).map((a) => a.id)).not.toContain('b');
  });

  it('removes nothing when dropping the settlements fails', async () => {
    const { ledger, handlers } = await setUp();
    ledger.close();
    await expect(handlers.removeAccount({ accountId: 'a', dropSettlements: true }, caller)).rejects.toThrow();
    expect(await getAccount('a')).toBeDefined();
  });
});

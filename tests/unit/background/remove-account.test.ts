/** Removing an account leaves nothing of it to sign with or to follow, and says whether its history is kept (issue 13 §4). */
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getAccount, saveAccount } from '@/utils/accounts/store';
import { readCachedReports, writeCachedReports } from '@/utils/amazon-pay/report-cache';
import { ALARM_PREFIX, defaultSettings, enabledAccounts, writeState } from '@/utils/archive/auto-archive';
import { addOnDemand, hasPendingOnDemand, listOnDemand } from '@/utils/archive/on-demand';
import { accountHandlers } from '@/utils/background/handlers/accounts';
import { syncAutoArchiveAlarm } from '@/utils/background/handlers/auto-archive';
import type { Services } from '@/utils/background/services';
import { candidateKeyId, stageCandidateKey } from '@/utils/keys/candidate-key';
import { loadKeyRecord, saveKey } from '@/utils/keys/keystore';
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
    await syncAutoArchiveAlarm(ID, true, 6);
    await writeCachedReports(ID, []);
    await rig.pipeline.enqueue(ID, reports(1), { accountLabel: 'Shop' });
    await rig.runAll();

    const services = { pipeline: rig.pipeline, db: rig.db } as unknown as Services;
    const result = await accountHandlers(services).removeAccount({ accountId: ID }, {
      kind: 'extension-page',
    } as never);

    expect(result).toEqual({ keyDeleted: true, historyKept: 1 });
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

/** Following requested reports ends: final answers and a deadline stop it, and the worker goes idle (issue 13 §4). */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '@/tests/emulator';
import type { Account } from '@/utils/accounts/types';
import { createReportsClient } from '@/utils/amazon-pay/client';
import {
  FOLLOW_DEADLINE_MS,
  addOnDemand,
  followOnDemand,
  hasPendingOnDemand,
  listOnDemand,
  removeOnDemandFor,
} from '@/utils/archive/on-demand';
import { AccountNotFoundError } from '@/utils/background/errors';
import type { ArchiveDeps } from '@/utils/archive/deps';
import type { OnDemandView } from '@/utils/messaging/protocol';
import { demoKey, freePort, liveAccount, startTestEmulator } from '../client/emulator-setup';
import { createEmulatorFetch } from '../helpers/emulator-fetch';

const ORDER_REFERENCE = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_';
const NOW = Date.now();

let emu: RunningEmulator;
let key: CryptoKey;
beforeAll(async () => {
  [emu, key] = await Promise.all([startTestEmulator(), demoKey()]);
});
afterAll(() => emu.close());

const accounts = new Map<string, Account>();
afterEach(async () => {
  for (const id of accounts.keys()) await removeOnDemandFor(id);
  accounts.clear();
});

/** Real clients against the emulator; `port` lets a test send them where nothing listens (offline). */
function services(port = emu.port): Pick<ArchiveDeps, 'account' | 'getReport' | 'enqueue'> {
  return {
    account: async (id: string) => {
      const found = accounts.get(id);
      if (!found) throw new AccountNotFoundError(id);
      return found;
    },
    getReport: (account: Account, reportId: string) =>
      createReportsClient({
        account,
        loadKey: async () => key,
        fetch: createEmulatorFetch(port),
        retry: { maxAttempts: 1 },
      }).getReport(reportId),
    enqueue: () => Promise.reject(new Error('these tests follow reports that never complete')),
  };
}

async function pending(accountId: string, reportId: string, requestedAt = new Date(NOW - 60_000)): Promise<void> {
  const item: OnDemandView = {
    accountId,
    reportId,
    reportType: ORDER_REFERENCE,
    startTime: '2026-11-01T00:00:00.000Z',
    endTime: '2026-11-02T00:00:00.000Z',
    requestedAt: requestedAt.toISOString(),
    status: 'IN_PROGRESS',
  };
  await addOnDemand(item);
}

function account(id: string, publicKeyId = liveAccount.publicKeyId): Account {
  const created = { ...liveAccount, id, publicKeyId };
  accounts.set(id, created);
  return created;
}

describe('following requested reports', () => {
  it('fails an item whose account is gone, with the reason, and goes idle', async () => {
    accounts.set('acc-gone', liveAccount);
    accounts.delete('acc-gone');
    await pending('acc-gone', 'R-gone');
    await followOnDemand(services(), NOW);
    const [item] = await listOnDemand('acc-gone');
    await removeOnDemandFor('acc-gone');
    expect(item).toMatchObject({ status: 'FAILED', error: { name: 'AccountNotFoundError' } });
    expect(await hasPendingOnDemand()).toBe(false);
  });

  it('fails an item Amazon refuses (401/403) at once', async () => {
    account('acc-unknown-key', 'LIVE-AUNKNOWNKEY0000000000000');
    await pending('acc-unknown-key', 'R-any');
    await followOnDemand(services(), NOW);
    expect(await listOnDemand('acc-unknown-key')).toEqual([
      expect.objectContaining({ status: 'FAILED', error: expect.objectContaining({ code: 'unauthorized' }) }),
    ]);
    expect(await hasPendingOnDemand()).toBe(false);
  });

  it('fails an item whose report Amazon does not have (404) at once', async () => {
    account('acc-404');
    await pending('acc-404', 'R-NO-SUCH-REPORT');
    await followOnDemand(services(), NOW);
    expect(await listOnDemand('acc-404')).toEqual([
      expect.objectContaining({ status: 'FAILED', error: expect.objectContaining({ code: 'not-found' }) }),
    ]);
    expect(await hasPendingOnDemand()).toBe(false);
  });

  it('keeps an item pending while offline, and fails it once its deadline passed', async () => {
    account('acc-offline');
    await pending('acc-offline', 'R-offline');
    const offline = services(await freePort());
    await followOnDemand(offline, NOW);
    expect(await listOnDemand('acc-offline')).toEqual([expect.objectContaining({ status: 'IN_PROGRESS' })]);
    expect(await hasPendingOnDemand()).toBe(true);

    await followOnDemand(offline, NOW + FOLLOW_DEADLINE_MS);
    expect(await listOnDemand('acc-offline')).toEqual([
      expect.objectContaining({ status: 'FAILED', error: expect.objectContaining({ code: 'on-demand-deadline' }) }),
    ]);
    expect(await hasPendingOnDemand()).toBe(false);
  });
});

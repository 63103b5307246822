import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listAccounts, saveAccount, selectAccount, selectedAccount } from '@/utils/accounts/store';
import type { Account } from '@/utils/accounts/types';
import { readState, writeState } from '@/utils/archive/auto-archive';
import { addOnDemand, listOnDemand } from '@/utils/archive/on-demand';

/** Everything a content script must not read or change, by the names earlier versions kept it under in storage.local. */
const PRIVILEGED = ['accounts', 'selectedAccountId', 'accountDraft', 'autoArchive', 'clockSkew', 'onDemand'];

const account = (id: string): Account => ({
  id,
  label: `Shop ${id}`,
  region: 'na',
  environment: 'live',
  publicKeyId: `LIVE-KEY-${id}`,
  algorithm: 'AMZN-PAY-RSASSA-PSS-V2',
  createdAt: '2026-11-01T00:00:00Z',
});
const onDemand = (reportId: string) => ({
  accountId: 'old',
  reportId,
  reportType: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_',
  startTime: '2026-11-01T00:00:00Z',
  endTime: '2026-11-02T00:00:00Z',
  requestedAt: new Date().toISOString(),
  status: 'IN_PROGRESS' as const,
});
const enabled = {
  settings: { enabled: true, reportTypes: ['_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_'], intervalHours: 6 },
  lastRun: 1,
};

async function localKeys(): Promise<string[]> {
  return Object.keys(await fakeBrowser.storage.local.get(null));
}

// One test file, one sequence: the move happens once per context, as it does in the extension.
describe('settings a content script must not reach', () => {
  it('are moved out of storage.local on first use, keeping what an earlier version stored', async () => {
    await fakeBrowser.storage.local.set({
      accounts: [account('old')],
      selectedAccountId: 'old',
      accountDraft: { accountId: 'draft', publicKeyPem: 'PEM', fingerprint: 'f' },
      autoArchive: { old: enabled },
      clockSkew: { na: 4000 },
      onDemand: [onDemand('R-OLD')],
      reportFilters: { search: 'kept' },
    });
    expect((await listAccounts()).map((a) => a.id)).toEqual(['old']);
    expect((await selectedAccount())?.id).toBe('old');
    expect((await readState('old', 'live')).settings.enabled).toBe(true);
    expect((await listOnDemand()).map((i) => i.reportId)).toEqual(['R-OLD']);
    expect(await localKeys()).toEqual(['reportFilters']);
  });

  it('what the extension writes later never lands in storage.local', async () => {
    await saveAccount(account('new'));
    await selectAccount('new');
    await writeState('new', enabled);
    await addOnDemand(onDemand('R-NEW'));
    expect((await listAccounts()).map((a) => a.id)).toEqual(['old', 'new']);
    expect((await listOnDemand()).map((i) => i.reportId)).toEqual(['R-OLD', 'R-NEW']);
    expect((await localKeys()).filter((key) => PRIVILEGED.includes(key))).toEqual([]);
  });

  it('ignores anything written to storage.local after the move (a content script can write there)', async () => {
    await fakeBrowser.storage.local.set({
      accounts: [account('planted')],
      autoArchive: { planted: enabled },
      accountDraft: { accountId: 'planted' },
    });
    // Fresh modules: another page, or the worker after a restart, looking for settings to move.
    vi.resetModules();
    const store = await import('@/utils/accounts/store');
    const autoArchive = await import('@/utils/archive/auto-archive');
    expect((await store.listAccounts()).map((a) => a.id)).toEqual(['old', 'new']);
    expect((await autoArchive.readState('planted', 'live')).settings.enabled).toBe(false);
  });
});

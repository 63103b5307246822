import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { failIndexedDbOpen } from '@/tests/unit/keys/browser-storage';
import type { Account } from '@/utils/accounts/types';

const account: Account = {
  id: 'private',
  label: 'Private Shop',
  region: 'na',
  environment: 'live',
  publicKeyId: 'LIVE-KEY',
  algorithm: 'AMZN-PAY-RSASSA-PSS-V2',
  createdAt: '2026-11-01T00:00:00Z',
};

describe('settings where the browser opens no IndexedDB (Firefox never remembering history)', () => {
  it('are kept for the session in storage.session, which content scripts cannot read, never in storage.local', async () => {
    failIndexedDbOpen();
    vi.resetModules();
    const store = await import('@/utils/accounts/store');
    await store.saveAccount(account);
    await store.selectAccount('private');
    expect((await store.selectedAccount())?.label).toBe('Private Shop');
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toEqual([]);
    expect(Object.keys(await fakeBrowser.storage.session.get(null)).sort()).toEqual([
      'settings:accounts',
      'settings:selectedAccountId',
    ]);
  });
});

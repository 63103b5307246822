import { beforeEach, describe, expect, it } from 'vitest';
import { clearPrivateSettings } from '@/tests/unit/helpers/private-settings';
import {
  getAccount,
  listAccounts,
  rememberSellerId,
  removeAccount,
  saveAccount,
  selectAccount,
  selectedAccount,
} from '@/utils/accounts/store';
import type { Account } from '@/utils/accounts/types';

const account = (id: string): Account => ({
  id,
  label: id,
  region: 'na',
  environment: 'live',
  publicKeyId: 'LIVE-AEMULATORNALIVE000000001',
  algorithm: 'AMZN-PAY-RSASSA-PSS-V2',
  createdAt: '',
});

describe('account settings', () => {
  beforeEach(clearPrivateSettings);

  it('adds, replaces and removes accounts', async () => {
    await saveAccount(account('a'));
    await saveAccount(account('b'));
    await saveAccount({ ...account('a'), label: 'renamed' });
    expect((await listAccounts()).map((a) => a.label)).toEqual(['renamed', 'b']);
    await removeAccount('a');
    expect((await listAccounts()).map((a) => a.id)).toEqual(['b']);
  });

  it('remembers the seller ids capture found, once each, and an edit from the form keeps them', async () => {
    await saveAccount(account('a'));
    await rememberSellerId('a', 'A1SELLER');
    await rememberSellerId('a', 'A1SELLER');
    await rememberSellerId('a', 'A2SELLER');
    await rememberSellerId('gone', 'A3SELLER');
    await saveAccount({ ...account('a'), label: 'renamed' });
    expect(await getAccount('a')).toMatchObject({ label: 'renamed', sellerIds: ['A1SELLER', 'A2SELLER'] });
    expect(await getAccount('gone')).toBeUndefined();
  });

  it('starts empty again once storage is cleared (the fallback list is never mutated)', async () => {
    await saveAccount(account('a'));
    await clearPrivateSettings();
    expect(await listAccounts()).toEqual([]);
    await saveAccount(account('b'));
    expect((await listAccounts()).map((a) => a.id)).toEqual(['b']);
  });

  it('remembers the selected account while it exists, else falls back to the first', async () => {
    await saveAccount(account('a'));
    await saveAccount(account('b'));
    await selectAccount('b');
    expect((await selectedAccount())?.id).toBe('b');
    await removeAccount('b');
    expect((await selectedAccount())?.id).toBe('a');
  });
});

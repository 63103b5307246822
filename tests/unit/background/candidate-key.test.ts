/** "Test connection" for a replacement key signs with the staged candidate and its settings, never the stored key's. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clearPrivateSettings } from '@/tests/unit/helpers/private-settings';
import type { RunningEmulator } from '@/tests/emulator';
import { saveAccount } from '@/utils/accounts/store';
import { createReportsClient } from '@/utils/amazon-pay/client';
import { reportHandlers } from '@/utils/background/handlers/reports';
import type { Services } from '@/utils/background/services';
import {
  candidateKeyId,
  discardCandidateKey,
  promoteCandidateKey,
  stageCandidateKey,
} from '@/utils/keys/candidate-key';
import { loadKey, loadKeyRecord, saveKey } from '@/utils/keys/keystore';
import { createEmulatorFetch } from '../helpers/emulator-fetch';
import { demoKey, liveAccount, otherKey, startTestEmulator } from '../client/emulator-setup';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

/** The account as it was before the key change: an old Public Key ID Amazon no longer knows, and an old key. */
const before = { ...liveAccount, id: 'acc-replacing', publicKeyId: 'LIVE-AEMULATORNALIVE000000009' };
const candidate = {
  region: liveAccount.region,
  environment: liveAccount.environment,
  publicKeyId: liveAccount.publicKeyId,
  algorithm: liveAccount.algorithm,
};

function handlers() {
  const services = {
    account: async () => before,
    client: (account: typeof before, keyId = account.id) =>
      createReportsClient({ account, loadKey: () => loadKey(keyId), fetch: createEmulatorFetch(emu.port) }),
    skew: { offset: () => 0 },
  } as unknown as Services;
  return reportHandlers(services);
}
const caller = { kind: 'extension' } as never;

beforeEach(async () => {
  await fakeBrowser.storage.local.clear();
  await clearPrivateSettings();
  await saveAccount(before);
  await saveKey(before.id, await otherKey(), { publicKeyFingerprint: 'old' });
  await discardCandidateKey(before.id);
});

describe('a replacement key', () => {
  it('passes the connection test with its own settings while the stored key stays', async () => {
    await stageCandidateKey(before.id, await demoKey(), 'new');
    const verdict = await handlers().testConnection({ accountId: before.id, candidate }, caller);
    expect(verdict).toMatchObject({ ok: true });
    expect((await loadKeyRecord(before.id))?.publicKeyFingerprint).toBe('old');
  });

  it('fails the test without a staged candidate, and the stored key fails as it did', async () => {
    expect(await handlers().testConnection({ accountId: before.id, candidate }, caller)).toMatchObject({
      ok: false,
      error: { code: 'key-missing' },
    });
    expect(await handlers().testConnection({ accountId: before.id }, caller)).toMatchObject({ ok: false });
  });

  it('replaces the stored key only when promoted, and leaves no candidate behind', async () => {
    await stageCandidateKey(before.id, await demoKey(), 'new');
    await promoteCandidateKey(before.id);
    expect((await loadKeyRecord(before.id))?.publicKeyFingerprint).toBe('new');
    expect(await loadKeyRecord(candidateKeyId(before.id))).toBeUndefined();
  });
});

/** The account form never destroys a key: Cancel, "Keep the stored key", drafts and replacements (issue 13 §1). */
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clearPrivateSettings } from '@/tests/unit/helpers/private-settings';
import { AccountForm } from '@/entrypoints/options/sections/accounts/AccountForm';
import { startAccountDraft, storedAccountDraft } from '@/utils/accounts/draft';
import { listAccounts, saveAccount } from '@/utils/accounts/store';
import type { Account } from '@/utils/accounts/types';
import { generateSigningKeyPair } from '@/utils/keys/generate';
import { loadKeyRecord, saveKey } from '@/utils/keys/keystore';
import { sendMessage } from '@/utils/messaging/client';
import type { AccountView } from '@/utils/messaging/protocol';
import { expectAccessible } from '../a11y';

vi.mock('@/utils/messaging/client', () => ({ sendMessage: vi.fn() }));
vi.setConfig({ testTimeout: 30_000 });

const demoPem = readFileSync(
  path.resolve(import.meta.dirname, '../../../emulator/keys/demo-TEST-ONLY-private.pem'),
  'utf8',
);
const NEW_KEY_ID = 'LIVE-AEMULATORNALIVE000000002';
let serial = 0;
/** Generating an RSA key pair takes a while on a busy machine. */
const SLOW = { timeout: 10_000 };

/** Account A with its stored key K (fingerprint f), as the options page lists it. */
async function accountWithKey(): Promise<{ view: AccountView; fingerprint: string }> {
  const id = `acc-A-${++serial}`;
  const account: Account = {
    id,
    label: 'Shop A',
    region: 'na',
    environment: 'live',
    publicKeyId: 'LIVE-AEMULATORNALIVE000000001',
    algorithm: 'AMZN-PAY-RSASSA-PSS-V2',
    createdAt: '2026-11-01T00:00:00.000Z',
  };
  const pair = await generateSigningKeyPair();
  await saveKey(id, pair.privateKey, { publicKeyFingerprint: pair.publicKeyFingerprint });
  await saveAccount(account);
  return {
    view: { ...account, hasKey: true, keyFingerprint: pair.publicKeyFingerprint },
    fingerprint: pair.publicKeyFingerprint,
  };
}

const fingerprintOf = async (id: string) => (await loadKeyRecord(id))?.publicKeyFingerprint;

async function generateInForm(): Promise<void> {
  fireEvent.click(screen.getByLabelText('Generate here (recommended)'));
  fireEvent.click(await screen.findByRole('button', { name: 'Generate key pair' }));
  await screen.findByTestId('public-key-pem', {}, SLOW);
}

async function importInForm(): Promise<void> {
  fireEvent.click(screen.getByLabelText('Import a .pem file'));
  fireEvent.input(screen.getByLabelText('Paste the private key'), { target: { value: demoPem } });
  fireEvent.click(screen.getByRole('button', { name: 'Import key' }));
  await screen.findByText(/Key ready/, {}, SLOW);
}

beforeEach(async () => {
  await fakeBrowser.storage.local.clear();
  await clearPrivateSettings();
  vi.mocked(sendMessage).mockReset();
});

describe('editing an account with a stored key', () => {
  it('Generate, then Cancel: the stored key and its fingerprint stay', async () => {
    const { view, fingerprint } = await accountWithKey();
    const onCancel = vi.fn();
    render(<AccountForm existing={view} onDone={vi.fn()} onCancel={onCancel} />);
    await generateInForm();
    expect(await fingerprintOf(view.id)).toBe(fingerprint);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(onCancel).toHaveBeenCalled(), SLOW);
    expect(await fingerprintOf(view.id)).toBe(fingerprint);
    expect(await storedAccountDraft()).toBeNull();
  });

  it('Generate, then "Keep the stored key" and Save: the stored key and its fingerprint stay', async () => {
    const { view, fingerprint } = await accountWithKey();
    const onDone = vi.fn();
    render(<AccountForm existing={view} onDone={onDone} onCancel={vi.fn()} />);
    await generateInForm();
    fireEvent.click(screen.getByLabelText('Keep the stored key'));
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Shop A renamed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save account' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('Account "Shop A renamed" saved.'), SLOW);
    expect(await fingerprintOf(view.id)).toBe(fingerprint);
    expect((await listAccounts()).find((a) => a.id === view.id)?.label).toBe('Shop A renamed');
    expect(await storedAccountDraft()).toBeNull();
  });

  it('says that the old key stops working and that the new public key must be registered first', async () => {
    const { view } = await accountWithKey();
    const { container } = render(<AccountForm existing={view} onDone={vi.fn()} onCancel={vi.fn()} />);
    expect(screen.queryByText(/stops working/)).toBeNull();
    fireEvent.click(screen.getByLabelText('Generate here (recommended)'));
    expect(screen.getByText(/the stored key stops working for this account/).textContent).toMatch(
      /register the new public key in Integration Central/,
    );
    await expectAccessible(container);
  });

  it('keeps the old key while the new one fails the connection test, and replaces it once the merchant confirms', async () => {
    const { view, fingerprint } = await accountWithKey();
    vi.mocked(sendMessage).mockResolvedValue({
      ok: false,
      error: {
        name: 'AmazonPayError',
        code: 'unauthorized',
        message: '401',
        userMessage: 'refused',
        details: { status: 401 },
      },
    });
    const onDone = vi.fn();
    render(<AccountForm existing={view} onDone={onDone} onCancel={vi.fn()} />);
    await generateInForm();
    const newFingerprint =
      screen.getByTestId('public-key-pem') &&
      (await screen.findByTestId('public-key-fingerprint', {}, SLOW)).textContent;
    fireEvent.input(screen.getByLabelText('Public Key ID'), { target: { value: NEW_KEY_ID } });
    fireEvent.click(screen.getByRole('button', { name: 'Save account' }));
    await screen.findByRole('button', { name: 'Replace the key anyway' }, SLOW);
    expect(sendMessage).toHaveBeenCalledWith('testConnection', {
      accountId: view.id,
      candidate: { region: 'na', environment: 'live', publicKeyId: NEW_KEY_ID, algorithm: 'AMZN-PAY-RSASSA-PSS-V2' },
    });
    expect(await fingerprintOf(view.id)).toBe(fingerprint);
    expect((await listAccounts()).find((a) => a.id === view.id)?.publicKeyId).toBe(view.publicKeyId);
    expect(onDone).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Replace the key anyway' }));
    await waitFor(
      () =>
        expect(onDone).toHaveBeenCalledWith(
          'Account "Shop A" saved with its new key; the old key was deleted from this browser.',
        ),
      SLOW,
    );
    expect(await fingerprintOf(view.id)).toBe(newFingerprint);
    expect((await listAccounts()).find((a) => a.id === view.id)?.publicKeyId).toBe(NEW_KEY_ID);
  });

  it('replaces the key at once when the new one passes the connection test', async () => {
    const { view, fingerprint } = await accountWithKey();
    vi.mocked(sendMessage).mockResolvedValue({ ok: true, reportsSeen: 1, clockSkewSeconds: 0 });
    const onDone = vi.fn();
    render(<AccountForm existing={view} onDone={onDone} onCancel={vi.fn()} />);
    await importInForm();
    fireEvent.input(screen.getByLabelText('Public Key ID'), { target: { value: NEW_KEY_ID } });
    fireEvent.click(screen.getByRole('button', { name: 'Save account' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled(), SLOW);
    const replaced = await fingerprintOf(view.id);
    expect(replaced).toMatch(/^[0-9a-f]{64}$/);
    expect(replaced).not.toBe(fingerprint);
  });
});

describe('adding an account', () => {
  it("ignores a stored draft that carries an existing account's id: that account stays, a new id is added", async () => {
    const id = `acc-A-${++serial}`;
    const pair = await generateSigningKeyPair();
    await startAccountDraft(
      { accountId: id, publicKeyPem: pair.publicKeyPem, fingerprint: pair.publicKeyFingerprint },
      pair.privateKey,
    );
    const a: Account = {
      id,
      label: 'Shop A',
      region: 'na',
      environment: 'live',
      publicKeyId: 'LIVE-AEMULATORNALIVE000000001',
      algorithm: 'AMZN-PAY-RSASSA-PSS-V2',
      createdAt: '2026-11-01T00:00:00.000Z',
    };
    await saveAccount(a);

    const onDone = vi.fn();
    render(<AccountForm onDone={onDone} onCancel={vi.fn()} />);
    await waitFor(async () => expect(await storedAccountDraft()).toBeNull(), SLOW);
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Shop B' } });
    fireEvent.input(screen.getByLabelText('Public Key ID'), { target: { value: NEW_KEY_ID } });
    await generateInForm();
    fireEvent.click(screen.getByRole('button', { name: 'Save account' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('Account "Shop B" added.'), SLOW);

    const accounts = await listAccounts();
    expect(accounts).toHaveLength(2);
    expect(accounts.find((x) => x.id === id)).toEqual(a);
    expect(accounts.find((x) => x.id !== id)?.label).toBe('Shop B');
    expect(await fingerprintOf(id)).toBe(pair.publicKeyFingerprint);
  });

  it('Generate, then Import, then Save: the imported key is saved and no draft is left', async () => {
    const onDone = vi.fn();
    render(<AccountForm onDone={onDone} onCancel={vi.fn()} />);
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Shop C' } });
    fireEvent.input(screen.getByLabelText('Public Key ID'), { target: { value: NEW_KEY_ID } });
    await generateInForm();
    expect(await storedAccountDraft()).not.toBeNull();
    await importInForm();
    const imported = screen.getByText(/Key ready/).querySelector('.fingerprint')!.textContent;
    fireEvent.click(screen.getByRole('button', { name: 'Save account' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('Account "Shop C" added.'), SLOW);
    expect(await storedAccountDraft()).toBeNull();
    const [saved] = await listAccounts();
    expect(await fingerprintOf(saved!.id)).toBe(imported);
  });

  it('resumes a draft whose key the key store holds, and Cancel drops the draft with its unused key', async () => {
    const id = `acc-new-${++serial}`;
    const pair = await generateSigningKeyPair();
    await startAccountDraft(
      { accountId: id, publicKeyPem: pair.publicKeyPem, fingerprint: pair.publicKeyFingerprint },
      pair.privateKey,
    );
    const onCancel = vi.fn();
    render(<AccountForm onDone={vi.fn()} onCancel={onCancel} />);
    expect((await screen.findByTestId('public-key-pem', {}, SLOW)).textContent).toBe(pair.publicKeyPem);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(onCancel).toHaveBeenCalled(), SLOW);
    expect(await storedAccountDraft()).toBeNull();
    expect(await loadKeyRecord(id)).toBeUndefined();
  });

  it('drops a draft when the key store holds another key under its id', async () => {
    const id = `acc-new-${++serial}`;
    const [pair, other] = await Promise.all([generateSigningKeyPair(), generateSigningKeyPair()]);
    await startAccountDraft(
      { accountId: id, publicKeyPem: pair.publicKeyPem, fingerprint: pair.publicKeyFingerprint },
      pair.privateKey,
    );
    await saveKey(id, other.privateKey, { publicKeyFingerprint: other.publicKeyFingerprint });
    render(<AccountForm onDone={vi.fn()} onCancel={vi.fn()} />);
    await waitFor(async () => expect(await storedAccountDraft()).toBeNull(), SLOW);
    expect(screen.queryByTestId('public-key-pem')).toBeNull();
  });
});

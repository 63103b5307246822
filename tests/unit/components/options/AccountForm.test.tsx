import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AccountForm } from '@/entrypoints/options/sections/accounts/AccountForm';
import { listAccounts } from '@/utils/accounts/store';
import { loadKeyRecord } from '@/utils/keys/keystore';
import { expectAccessible } from '../a11y';

const demoKey = readFileSync(
  path.resolve(import.meta.dirname, '../../../emulator/keys/demo-TEST-ONLY-private.pem'),
  'utf8',
);

describe('account form', () => {
  it('explains every missing piece instead of saving', async () => {
    const onDone = vi.fn();
    const { container } = render(<AccountForm onDone={onDone} onCancel={vi.fn()} />);
    fireEvent.input(screen.getByLabelText('Public Key ID'), { target: { value: 'nope' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save account' }));
    await screen.findByText(/Give the account a name/);
    expect(screen.getByText(/24 capital letters and digits/)).toBeTruthy();
    expect(screen.getByText('Generate or import the private key for this account.')).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
    await expectAccessible(container);
  });

  it('asks for the environment only for a legacy key ID', () => {
    render(<AccountForm onDone={vi.fn()} onCancel={vi.fn()} />);
    fireEvent.input(screen.getByLabelText('Public Key ID'), { target: { value: 'SANDBOX-AFVX7ULWSGBZ5535PCUQOY7B' } });
    expect(screen.queryByRole('group', { name: 'Environment' })).toBeNull();
    expect(screen.getByText('Environment: Sandbox (from the Public Key ID)')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Public Key ID'), { target: { value: 'AF5CONNHKLCVRHOZE5ABCDEF' } });
    expect(screen.getByRole('group', { name: 'Environment' })).toBeTruthy();
  });

  it('imports a pasted key, clears the text, and saves the account with its non-extractable key', async () => {
    const onDone = vi.fn();
    render(<AccountForm onDone={onDone} onCancel={vi.fn()} />);
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Shop EU' } });
    fireEvent.change(screen.getByLabelText('Region'), { target: { value: 'eu' } });
    fireEvent.click(screen.getByLabelText('Import a .pem file'));
    fireEvent.input(screen.getByLabelText('Paste the private key'), {
      target: { value: `Hi,\nhere is the key:\n${demoKey}\nBye` },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Import key' }));
    await screen.findByText(/Key ready/);
    expect(screen.queryByLabelText('Paste the private key')).toBeNull();
    fireEvent.input(screen.getByLabelText('Public Key ID'), { target: { value: 'live-aemulatoreulive000000001' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save account' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('Account "Shop EU" added.'));
    const [account] = await listAccounts();
    expect(account).toMatchObject({
      label: 'Shop EU',
      region: 'eu',
      environment: 'live',
      publicKeyId: 'LIVE-AEMULATOREULIVE000000001',
    });
    const record = await loadKeyRecord(account!.id);
    expect(record?.key.extractable).toBe(false);
    expect(record?.publicKeyFingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it("shows the importer's refusal with its fix", async () => {
    render(<AccountForm onDone={vi.fn()} onCancel={vi.fn()} />);
    fireEvent.click(screen.getByLabelText('Import a .pem file'));
    fireEvent.input(screen.getByLabelText('Paste the private key'), {
      target: {
        value: '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----',
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Import key' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/ssh-keygen -p -m PKCS8/);
    expect((screen.getByLabelText('Paste the private key') as HTMLTextAreaElement).value).toBe('');
  });
});

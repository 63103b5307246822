import { render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { KeyGenerate } from '@/entrypoints/options/sections/accounts/KeyGenerate';
import { generateSigningKeyPair } from '@/utils/keys/generate';
import { expectAccessible } from '../a11y';

describe('generated key panel', () => {
  it('shows the public key with the fingerprint the key store records for it', async () => {
    const pair = await generateSigningKeyPair();
    const { container } = render(<KeyGenerate publicKeyPem={pair.publicKeyPem} storedAtOnce onGenerated={vi.fn()} />);
    expect(screen.getByTestId('public-key-pem').textContent).toBe(pair.publicKeyPem);
    expect(screen.getByText(/Your private key is stored in this browser/)).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByTestId('public-key-fingerprint').textContent).toBe(pair.publicKeyFingerprint),
    );
    expect(screen.getByRole('button', { name: 'Copy public key' })).toBeTruthy();
    await expectAccessible(container);
  });

  it('offers to generate when there is no key yet', async () => {
    const { container } = render(<KeyGenerate storedAtOnce onGenerated={vi.fn()} />);
    expect(screen.getByRole('button', { name: 'Generate key pair' })).toBeTruthy();
    await expectAccessible(container);
  });

  it('tells the merchant this browser profile holds the only copy, and what to do for a second browser', async () => {
    const pair = await generateSigningKeyPair();
    render(<KeyGenerate publicKeyPem={pair.publicKeyPem} storedAtOnce={false} onGenerated={vi.fn()} />);
    expect(screen.getByText(/it is stored when you save the account/)).toBeTruthy();
    expect(screen.getByText(/holds the only copy of this private key/).textContent).toMatch(
      /second browser.*register its public key as well, or import a \.pem key there/,
    );
  });
});

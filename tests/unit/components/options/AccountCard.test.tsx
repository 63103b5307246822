import { render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { AccountCard } from '@/entrypoints/options/sections/accounts/AccountCard';
import { expectAccessible } from '../a11y';
import { account } from './fixtures';

describe('account card', () => {
  it('says the key store is persistent when the browser keeps it', async () => {
    const { container } = render(
      <AccountCard account={account()} keyStorePersistent onEdit={vi.fn()} onRemoved={vi.fn()} />,
    );
    expect(screen.getByText(/Key storage is persistent/)).toBeTruthy();
    await expectAccessible(container);
  });

  it('warns when the browser may clear the key store', () => {
    render(<AccountCard account={account()} keyStorePersistent={false} onEdit={vi.fn()} onRemoved={vi.fn()} />);
    expect(screen.getByText(/Key storage is not persistent/).textContent).toMatch(/generated key would be lost/);
  });

  it('says nothing about it where the browser cannot tell, or without a key', () => {
    render(<AccountCard account={account()} onEdit={vi.fn()} onRemoved={vi.fn()} />);
    render(
      <AccountCard
        account={account({ id: 'acc-2', hasKey: false })}
        keyStorePersistent
        onEdit={vi.fn()}
        onRemoved={vi.fn()}
      />,
    );
    expect(screen.queryByText(/Key storage is/)).toBeNull();
  });
});

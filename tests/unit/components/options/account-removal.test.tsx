/** A removal the background refuses is shown, and the account stays with everything it had (issue 13 §4). */
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AccountsSection } from '@/entrypoints/options/sections/accounts/AccountsSection';
import { RemoteError, sendMessage } from '@/utils/messaging/client';
import type { MessageType } from '@/utils/messaging/protocol';
import { account } from './fixtures';

vi.mock('@/utils/messaging/client', async (original) => ({ ...(await original<object>()), sendMessage: vi.fn() }));

const storageFailed = () =>
  new RemoteError({
    name: 'UnknownError',
    code: 'internal',
    message: 'IndexedDB write failed',
    userMessage: 'The browser refused to store data.',
  });

/** Answers by message type, so a rejection is created only when the removal is actually asked for. */
function background(removal: () => Promise<unknown>) {
  vi.mocked(sendMessage).mockImplementation(((type: MessageType) => {
    if (type === 'listAccounts') return Promise.resolve({ accounts: [account()], selectedId: 'acc-1' });
    if (type === 'removeAccount') return removal();
    return Promise.reject(new Error(`unexpected ${type}`));
  }) as typeof sendMessage);
}

// A block body: a function returned from beforeEach is run by vitest as the test's teardown, and mockReset() returns
// the mock itself — vitest would call sendMessage() once more after each test, outside any component's catch.
beforeEach(() => {
  vi.mocked(sendMessage).mockReset();
});

describe('a failed account removal', () => {
  it('is shown on the card, and the account stays listed with its key and actions', async () => {
    background(() => Promise.reject(storageFailed()));
    render(<AccountsSection />);
    const card = await screen.findByRole('article', { name: 'Demo Shop' });
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove account and key' }));

    const alert = await screen.findByRole('alert');
    expect(card.contains(alert)).toBe(true);
    expect(alert.textContent).toMatch(/refused to store data/);
    expect(vi.mocked(sendMessage).mock.calls.filter(([type]) => type === 'removeAccount')).toEqual([
      ['removeAccount', { accountId: 'acc-1' }],
    ]);
    // Nothing claims success, nothing reloads the list away, the account keeps its key and its actions.
    expect(screen.queryByText(/removed/)).toBeNull();
    expect(screen.getByRole('article', { name: 'Demo Shop' })).toBe(card);
    expect(card.textContent).toMatch(/Key stored/);
    expect(screen.getByRole('button', { name: 'Test connection' })).toBeTruthy();
    expect(vi.mocked(sendMessage).mock.calls.filter(([type]) => type === 'listAccounts')).toHaveLength(1);
  });

  it('can be tried again, and a removal that then works clears the failure', async () => {
    let attempts = 0;
    background(() =>
      ++attempts === 1 ? Promise.reject(storageFailed()) : Promise.resolve({ keyDeleted: true, historyKept: 0 }),
    );
    render(<AccountsSection />);
    await screen.findByRole('article', { name: 'Demo Shop' });
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove account and key' }));
    await screen.findByRole('alert');
    fireEvent.click(screen.getByRole('button', { name: 'Remove account and key' }));
    await screen.findByText(/Account "Demo Shop" removed/);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });
});

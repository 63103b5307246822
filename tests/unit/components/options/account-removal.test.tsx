/** A removal the background refuses is shown, and the account stays with everything it had (issue 13 §4). */
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AccountsSection } from '@/entrypoints/options/sections/accounts/AccountsSection';
import { ReportCourierError } from '@/utils/errors/base';
import { sendMessage } from '@/utils/messaging/client';
import type { MessageType } from '@/utils/messaging/protocol';
import { account } from './fixtures';

vi.mock('@/utils/messaging/client', async (original) => ({ ...(await original<object>()), sendMessage: vi.fn() }));

const storageFailed = () =>
  // What the router makes of an IndexedDB failure: an error we did not write, sent without its text.
  ReportCourierError.revive({
    name: 'ReportCourierError',
    code: 'unknown',
    message: 'UnknownError',
    userMessage: 'Something went wrong; try again.',
  });

/** Answers by message type, so a rejection is created only when the removal is actually asked for. */
function background(removal: () => Promise<unknown>, settlements = { own: 0, shared: 0 }) {
  vi.mocked(sendMessage).mockImplementation(((type: MessageType) => {
    if (type === 'listAccounts') return Promise.resolve({ accounts: [account()], selectedId: 'acc-1' });
    if (type === 'accountSettlements') return Promise.resolve(settlements);
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
    expect(alert.textContent).toMatch(/Something went wrong; try again/);
    expect(vi.mocked(sendMessage).mock.calls.filter(([type]) => type === 'removeAccount')).toEqual([
      ['removeAccount', { accountId: 'acc-1', dropSettlements: false }],
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
      ++attempts === 1
        ? Promise.reject(storageFailed())
        : Promise.resolve({ keyDeleted: true, historyKept: 0, settlementsDropped: 0, settlementsKept: 0 }),
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

describe("the removal dialog and the account's settlements", () => {
  const removed = (settlementsDropped: number, settlementsKept: number) => () =>
    Promise.resolve({ keyDeleted: true, historyKept: 0, settlementsDropped, settlementsKept });
  const removalRequests = () => vi.mocked(sendMessage).mock.calls.filter(([type]) => type === 'removeAccount');

  it('offers to delete the settlements only this account has, unticked, and says what it did', async () => {
    background(removed(3, 0), { own: 3, shared: 0 });
    render(<AccountsSection />);
    await screen.findByRole('article', { name: 'Demo Shop' });
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    const offer = await screen.findByRole('checkbox', { name: /Also delete its 3 settlements/ });
    expect((offer as HTMLInputElement).checked).toBe(false);
    fireEvent.click(offer);
    fireEvent.click(screen.getByRole('button', { name: 'Remove account and key' }));
    await screen.findByText(/Its 3 settlements were deleted/);
    expect(removalRequests()).toEqual([['removeAccount', { accountId: 'acc-1', dropSettlements: true }]]);
  });

  it('keeps them unless ticked, and says how many stay', async () => {
    background(removed(0, 3), { own: 3, shared: 0 });
    render(<AccountsSection />);
    await screen.findByRole('article', { name: 'Demo Shop' });
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    await screen.findByRole('checkbox', { name: /Also delete its 3 settlements/ });
    fireEvent.click(screen.getByRole('button', { name: 'Remove account and key' }));
    await screen.findByText(/3 settlements of its seller ID stay in Settlements/);
    expect(removalRequests()).toEqual([['removeAccount', { accountId: 'acc-1', dropSettlements: false }]]);
  });

  it('says that settlements another account shares stay, and offers nothing to delete', async () => {
    background(removed(0, 2), { own: 0, shared: 2 });
    render(<AccountsSection />);
    await screen.findByRole('article', { name: 'Demo Shop' });
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    await screen.findByText(/2 settlements stay in Settlements: another account has the same seller ID/);
    expect(screen.queryByRole('checkbox')).toBeNull();
  });
});

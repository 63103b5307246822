/** Every view shows a failed request instead of swallowing it (issue 13 §4). */
import { fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AccountsSection } from '@/entrypoints/options/sections/accounts/AccountsSection';
import { ReportCourierError } from '@/utils/errors/base';
import { sendMessage } from '@/utils/messaging/client';
import { account } from './fixtures';

vi.mock('@/utils/messaging/client', async (original) => ({ ...(await original<object>()), sendMessage: vi.fn() }));

const noReply = () =>
  ReportCourierError.revive({
    name: 'NoReply',
    code: 'no-reply',
    message: 'No handler answered',
    userMessage: 'The extension did not answer. Reload the page or the extension and try again.',
  });

// A block body: a function returned from beforeEach is run by vitest as the test's teardown, and mockReset() returns
// the mock itself — vitest would call sendMessage() once more after each test, outside any component's catch.
beforeEach(() => {
  vi.mocked(sendMessage).mockReset();
});

describe('failed requests in the accounts section', () => {
  it('shows that the accounts could not be listed, and offers to try again', async () => {
    vi.mocked(sendMessage)
      .mockRejectedValueOnce(noReply())
      .mockResolvedValue({ accounts: [account()], selectedId: 'acc-1' });
    render(<AccountsSection />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/did not answer/);
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await screen.findByRole('article', { name: 'Demo Shop' });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

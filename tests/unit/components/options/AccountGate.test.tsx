import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { AccountPicker } from '@/components/AccountPicker';
import { AccountGateView } from '@/entrypoints/options/AccountGate';
import { expectAccessible } from '../a11y';
import { account } from './fixtures';

describe('the account gate of the options sections', () => {
  it('points to the accounts section when there is no account', async () => {
    const { container } = render(<AccountGateView accounts={[]}>{() => <p>content</p>}</AccountGateView>);
    expect(screen.getByText('No merchant account yet')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Add an account/ }).getAttribute('href')).toBe('#accounts');
    expect(screen.queryByText('content')).toBeNull();
    await expectAccessible(container);
  });

  it("shows the error's user message, never its details", async () => {
    const error = {
      name: 'X',
      code: 'no-reply' as const,
      message: 'stack at foo.ts:1',
      userMessage: 'The extension did not answer.',
    };
    const retried: string[] = [];
    const { container } = render(
      <AccountGateView error={error} onRetry={() => retried.push('again')}>
        {() => <p>content</p>}
      </AccountGateView>,
    );
    expect(screen.getByRole('alert').textContent).toContain('The extension did not answer.');
    expect(container.textContent).not.toContain('foo.ts');
    screen.getByRole('button', { name: 'Retry' }).click();
    expect(retried).toEqual(['again']);
    await expectAccessible(container);
  });

  it('renders the section with the accounts once they are there', () => {
    render(<AccountGateView accounts={[account()]}>{(accounts) => <p>{accounts.length} account</p>}</AccountGateView>);
    expect(screen.getByText('1 account')).toBeTruthy();
  });

  it('says loading while it waits', () => {
    render(<AccountGateView>{() => <p>content</p>}</AccountGateView>);
    expect(screen.getByRole('status').textContent).toBe('Loading…');
  });
});

describe('the account chooser', () => {
  it('names the only account instead of offering a choice', async () => {
    const { container } = render(
      <AccountPicker labelled accounts={[account()]} selectedId="acc-1" onSelect={() => undefined} />,
    );
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(container.textContent).toContain('Demo Shop · North America · Live');
    await expectAccessible(container);
  });

  it('offers a labelled choice between several', async () => {
    const selected: string[] = [];
    const accounts = [account(), account({ id: 'acc-2', label: 'EU Shop', region: 'eu' })];
    const { container } = render(
      <AccountPicker labelled accounts={accounts} selectedId="acc-1" onSelect={(id) => selected.push(id)} />,
    );
    const select = screen.getByRole('combobox', { name: 'Account' }) as HTMLSelectElement;
    select.value = 'acc-2';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(selected).toEqual(['acc-2']);
    await expectAccessible(container);
  });
});

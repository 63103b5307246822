import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { RegionAccounts } from '@/components/panel/RegionAccounts';
import { NoAccountError, RefusedError } from '@/utils/background/errors';
import type { PanelAccount, ReportListing } from '@/utils/messaging/protocol';
import { expectAccessible } from '../a11y';

const SETTINGS = 'chrome-extension://id/open-settings.html';
const live: PanelAccount = { id: 'a1', label: 'Demo Shop', region: 'eu', environment: 'live' };
const sandbox: PanelAccount = { id: 'a2', label: 'Test Shop', region: 'eu', environment: 'sandbox' };

function listing(accounts: PanelAccount[], accountId = accounts[0]?.id ?? ''): ReportListing {
  return { accountId, reports: [], fetchedAt: null, regionAccounts: accounts };
}

function renderAccounts(load: () => Promise<ReportListing>) {
  const shown = vi.fn((account: PanelAccount) => <p>reports of {account.label}</p>);
  const view = render(
    <RegionAccounts region="eu" settingsUrl={SETTINGS} load={load}>
      {shown}
    </RegionAccounts>,
  );
  return { ...view, shown };
}

describe('the panel’s region accounts', () => {
  it('says it is loading, then names the one account and shows its reports', async () => {
    const { container } = renderAccounts(() => Promise.resolve(listing([live])));
    expect(screen.getByRole('status').textContent).toBe('Loading your reports…');
    await screen.findByText('reports of Demo Shop');
    expect(screen.getByText('Demo Shop · Live')).toBeTruthy();
    expect(screen.queryByRole('combobox')).toBeNull();
    await expectAccessible(container);
  });

  it('offers a choice among several, starting with the one the background picked', async () => {
    const { container } = renderAccounts(() => Promise.resolve(listing([live, sandbox], 'a2')));
    await screen.findByText('reports of Test Shop');
    const picker = screen.getByRole('combobox', { name: 'Account' }) as HTMLSelectElement;
    expect([...picker.options].map((o) => o.textContent)).toEqual(['Demo Shop · Live', 'Test Shop · Sandbox']);
    fireEvent.change(picker, { target: { value: 'a1' } });
    expect(screen.getByText('reports of Demo Shop')).toBeTruthy();
    await expectAccessible(container);
  });

  it('says so when the region has no account, with a link to the settings', async () => {
    const noAccount = new NoAccountError('eu');
    const { container, shown } = renderAccounts(() => Promise.reject(noAccount));
    await screen.findByText('No account for Europe & UK yet');
    expect(screen.getByRole('link', { name: /Report Courier settings/ }).getAttribute('href')).toBe(SETTINGS);
    expect(shown).not.toHaveBeenCalled();
    await expectAccessible(container);
  });

  it('shows any other failure with its user message and the settings link', async () => {
    const refused = new RefusedError();
    const { container } = renderAccounts(() => Promise.reject(refused));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('This action is not available here.'));
    expect(screen.getByRole('link', { name: /Report Courier settings/ })).toBeTruthy();
    await expectAccessible(container);
  });
});

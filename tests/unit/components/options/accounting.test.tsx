import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { AccountingCard } from '@/entrypoints/options/sections/books/AccountingCard';
import { readAccountingSettings } from '@/utils/books/accounting-settings';
import { setUiLanguage } from '../../setup/components';
import { expectAccessible } from '../a11y';
import { account } from './fixtures';

const SELLERS = [{ sellerId: 'A2EUSELLER01', currencies: ['EUR'] }];
const input = (name: string | RegExp) => screen.getByLabelText(name) as HTMLInputElement;
const type = (name: string | RegExp, value: string) => fireEvent.input(input(name), { target: { value } });

describe('accounting settings per account', { timeout: 20_000 }, () => {
  it('starts from the region’s time zone and the suggested SKR03 plan, named as suggestions, accessibly', async () => {
    const eu = account({ id: 'eu-1', label: 'EU Shop', region: 'eu' });
    const { container } = render(<AccountingCard account={eu} sellers={SELLERS} />);
    expect(((await screen.findByLabelText('Accounting time zone')) as HTMLInputElement).value).toBe('Europe/Berlin');
    expect(input(/clearing account/).value).toBe('1210');
    expect(screen.getByText('Suggestion: 1210')).toBeTruthy();
    expect(screen.getByText('Suggestion: 4970')).toBeTruthy();
    expect(screen.getByText(/are only suggestions; your tax adviser decides/)).toBeTruthy();
    await expectAccessible(container);
  });

  it('offers the ledger’s seller ids (with their currencies) and the time zones as suggestions of their own field', async () => {
    const eu = account({ id: 'eu-3', label: 'EU Shop', region: 'eu' });
    render(
      <AccountingCard account={eu} sellers={[...SELLERS, { sellerId: 'A2EUSELLER02', currencies: ['EUR', 'GBP'] }]} />,
    );
    const suggestions = (name: string) => {
      const list = input(name).list;
      return [...(list?.options ?? [])].map((o) => `${o.value} ${o.textContent}`.trim());
    };
    await screen.findByLabelText('Accounting time zone');
    expect(suggestions('Seller ID in the settlement reports')).toEqual(['A2EUSELLER01 EUR', 'A2EUSELLER02 EUR, GBP']);
    expect(suggestions('Accounting time zone')).toContain('Europe/Berlin');
  });

  it('defaults North America to Los Angeles and Japan to Tokyo', async () => {
    render(<AccountingCard account={account({ id: 'na-1', region: 'na' })} sellers={[]} />);
    render(<AccountingCard account={account({ id: 'jp-1', label: 'JP', region: 'jp' })} sellers={[]} />);
    await waitFor(() => expect(screen.getAllByLabelText('Accounting time zone')).toHaveLength(2));
    const zones = screen.getAllByLabelText('Accounting time zone');
    expect(zones.map((z) => (z as HTMLInputElement).value)).toEqual(['America/Los_Angeles', 'Asia/Tokyo']);
  });

  it('refuses what DATEV would refuse, says why at the field, stores nothing, then saves once corrected', async () => {
    const eu = account({ id: 'eu-2', label: 'EU Shop', region: 'eu' });
    const { container } = render(<AccountingCard account={eu} sellers={SELLERS} />);
    await screen.findByLabelText('Accounting time zone');
    type('Accounting time zone', 'Europe/Atlantis');
    type(/Beraternummer/, '12');
    type(/Mandantennummer/, '4711');
    type(/^Fees$/, '497');
    type(/Payout transit/, '1210');
    fireEvent.click(screen.getByRole('button', { name: 'Save accounting settings' }));
    expect(await screen.findByText('Not saved: change what is marked')).toBeTruthy();
    expect(input('Accounting time zone').getAttribute('aria-invalid')).toBe('true');
    expect(input(/Beraternummer/).getAttribute('aria-invalid')).toBe('true');
    const notes = [...container.querySelectorAll('.invalid')].map((n) => n.textContent);
    expect(notes).toEqual([
      'Enter a time zone as the IANA database names it, for example Europe/Berlin.',
      'The Beraternummer has 4 to 7 digits (1001 to 9999999); your tax adviser has it.',
      'Use an account of exactly 4 digits (the Sachkontenlänge).',
      'This account must differ from the Amazon Pay clearing account: a booking needs two accounts.',
    ]);
    await expectAccessible(container);
    expect((await readAccountingSettings('eu-2', 'eu')).datev.clientNumber).toBe('');

    type('Accounting time zone', 'Europe/Vienna');
    type(/Beraternummer/, '29098');
    type(/^Fees$/, '4970');
    type(/Payout transit/, '1360');
    type('Seller ID in the settlement reports', 'A2EUSELLER01');
    fireEvent.click(screen.getByRole('button', { name: 'Save accounting settings' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    const stored = await readAccountingSettings('eu-2', 'eu');
    expect(stored).toMatchObject({ timeZone: 'Europe/Vienna', sellerId: 'A2EUSELLER01' });
    expect(stored.datev).toMatchObject({ consultantNumber: '29098', clientNumber: '4711', chart: 'SKR03' });
  });

  it('lets the DATEV numbers stay empty until a DATEV file is made', async () => {
    render(<AccountingCard account={account({ id: 'na-2', region: 'na' })} sellers={[]} />);
    await screen.findByLabelText('Accounting time zone');
    fireEvent.click(screen.getByRole('button', { name: 'Save accounting settings' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
  });

  it('fills the SKR04 suggestions at the chosen length and words refusals in the UI language', async () => {
    setUiLanguage('de');
    render(<AccountingCard account={account({ id: 'eu-3', region: 'eu' })} sellers={[]} />);
    await screen.findByLabelText('Zeitzone der Buchhaltung');
    fireEvent.change(screen.getByRole('combobox', { name: 'Kontenrahmen' }), { target: { value: 'SKR04' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Sachkontenlänge' }), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Vorschläge für SKR04 mit 5 Stellen übernehmen' }));
    expect(input(/Verrechnungskonto/).value).toBe('18100');
    expect(input(/^Gebühren$/).value).toBe('68550');
    expect(input(/Forderungen/).value).toBe('100000');
    type(/Beraternummer/, '1');
    type(/Mandantennummer/, '1');
    fireEvent.click(screen.getByRole('button', { name: 'Buchhaltungseinstellungen speichern' }));
    await waitFor(() => expect(screen.getAllByText(/Die Beraternummer hat 4 bis 7 Ziffern/).length).toBeGreaterThan(0));
  });
});

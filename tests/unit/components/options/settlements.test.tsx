import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ledgerDb, readListEarly } from '@/entrypoints/options/sections/settlements/ledger-db';
import { SettlementList } from '@/entrypoints/options/sections/settlements/SettlementList';
import { SettlementsSection } from '@/entrypoints/options/sections/settlements/SettlementsSection';
import { importSettlementFile } from '@/utils/ledger/import';
import { listSettlementLines } from '@/utils/ledger/queries';
import { setUiLanguage } from '../../setup/components';
import { expectAccessible } from '../a11y';
import { fakeHostPermissions } from '../../fakes/permissions';

beforeEach(() => {
  fakeHostPermissions();
});

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(path.join(process.cwd(), 'tests/fixtures/ledger', name)));

beforeAll(async () => {
  const db = await ledgerDb();
  await importSettlementFile(db, fixture('settlement-us.csv'), 'settlement-us.csv');
  await importSettlementFile(db, fixture('settlement-jp.csv'), 'settlement-jp.csv');
});

const listRows = async () => {
  const table = await screen.findByRole('table', { name: 'Settlements' });
  return within(table).getAllByRole('row').slice(1);
};

describe('the Settlements section', () => {
  it('lists one line per settlement and currency with period, figures and a check light, accessibly', async () => {
    const { container } = render(<SettlementsSection />);
    const rows = await listRows();
    const cells = rows.map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );
    expect(cells.map((c) => c.slice(1))).toEqual([
      ['Settlement 9100001234 (JPY)', '¥16,100', '-¥456', '-¥3,183', '¥12,344', 'Adds up'],
      ['Settlement 7301234567 (USD)', '$1,300.89', '-$38.05', '-$106.92', '$1,204.17', 'Needs a look'],
    ]);
    await expectAccessible(container);
  });

  it("paints the lines the page read while the section's code loaded in its first render, and reads anew after", async () => {
    await readListEarly();
    const first = render(<SettlementsSection />);
    expect(first.container.querySelectorAll('table.ledger-list tbody tr')).toHaveLength(2);
    first.unmount();
    // The early read is taken once: a later visit reads what is stored then.
    const later = render(<SettlementsSection />);
    expect(later.container.querySelector('table.ledger-list')).toBeNull();
    expect(await listRows()).toHaveLength(2);
  });

  it('opens a detail with the category table, the fee rate, the largest reversals and the checks with their numbers', async () => {
    const { container } = render(<SettlementsSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Settlement 7301234567 (USD)' }));
    const table = await screen.findByRole('table', { name: 'Totals by type' });
    const captures = within(table).getByRole('row', { name: /Captures/ });
    expect(
      within(captures)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['3', '$1,300.89', '-$37.73', '-$0.90', '-$38.63', '$1,262.26']);
    expect(await screen.findByText('Effective fee rate on captures: 2.97%')).toBeTruthy();
    const checks = container.querySelector('.ledger-checks')!;
    // Counts of 0 name no lines (no empty "(lines –)"); the file line is set apart from the period.
    expect(checks.textContent).toContain(
      'Row arithmetic: 11 rows; amount + fee ≠ net in 0 rows; percentage + fixed ≠ fee in 0 rows.',
    );
    expect(checks.textContent).toContain('Header and rows: 0 rows outside the period, 0 duplicates.');
    expect(container.querySelector('.ledger-detail .hint')!.textContent).toMatch(/ · File settlement-us\.csv, 11 rows/);
    expect(checks.textContent).toContain('Payout identity: activity $1,149.34, payout $1,204.17, carry -$54.83.');
    await waitFor(() =>
      expect(checks.textContent).toContain(
        'Unexplained difference -$54.83; rows that could explain it: lines 8, 15, 16, 17.',
      ),
    );
    expect(screen.getByRole('button', { name: 'P01-5120033-1184470' })).toBeTruthy();
    await expectAccessible(container);
  });

  it('searches by order id and shows the timeline, the payout, and opens the settlement at the row', async () => {
    const { container } = render(<SettlementsSection />);
    await listRows();
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'P01-7730114-0091826' } });
    const timeline = await screen.findByRole('article');
    expect(within(timeline).getByRole('heading').textContent).toBe('Order P01-7730114-0091826');
    const steps = within(timeline)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(steps[0]).toMatch(/^Captures \$49\.90, fee -\$1\.75, net \$48\.15/);
    expect(steps[1]).toMatch(/^Refunds -\$20\.00, fee \$0\.58, net -\$19\.42/);
    expect(steps[2]).toMatch(/^Payout to bank \$1,204\.17 with settlement 7301234567/);
    await expectAccessible(container);
    fireEvent.click(within(timeline).getByRole('button', { name: 'settlement 7301234567, line 12' }));
    expect(await screen.findByText(/^Line 12: Refunds -\$20\.00, fee \$0\.58, net -\$19\.42/)).toBeTruthy();
  });

  it('paints the first 25 settlements at once and the rest a frame later', async () => {
    const [listed] = await listSettlementLines(await ledgerDb());
    const many = Array.from({ length: 40 }, (_, i) => ({
      ...listed!,
      line: { ...listed!.line, settlementId: String(5_000_000 + i) },
    }));
    render(<SettlementList lines={many} onOpen={() => {}} />);
    const table = screen.getByRole('table', { name: 'Settlements' });
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 25);
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(1 + 40));
  });

  it('speaks the UI language', async () => {
    setUiLanguage('de');
    render(<SettlementsSection />);
    expect(await screen.findByRole('table', { name: 'Abrechnungen' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ordner importieren…' })).toBeTruthy();
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ledgerDb } from '@/entrypoints/options/sections/settlements/ledger-db';
import { SettlementsSection } from '@/entrypoints/options/sections/settlements/SettlementsSection';
import { importSettlementFile } from '@/utils/ledger/import';
import { generateSettlement } from '../../../fixtures/ledger/generate';
import { setUiLanguage } from '../../setup/components';
import { expectAccessible } from '../a11y';
import { fakeHostPermissions } from '../../fakes/permissions';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(path.join(process.cwd(), 'tests/fixtures/ledger', name)));

beforeAll(async () => {
  const db = await ledgerDb();
  await importSettlementFile(db, fixture('settlement-us.csv'), 'settlement-us.csv');
  await importSettlementFile(db, fixture('settlement-jp.csv'), 'settlement-jp.csv');
  const earlier = generateSettlement({ seed: 7, rows: 20, currency: 'USD', settlementId: '7300000001' });
  await importSettlementFile(db, new TextEncoder().encode(earlier.text), 'earlier.csv');
});

// The section's capture card listens for permission changes, which the fake browser lacks. The spies stay in place
// after each test: Preact runs the last view's unmount cleanups a frame late, and they remove listeners through them.
beforeEach(() => void fakeHostPermissions());
afterEach(() => vi.unstubAllGlobals());

const chartTable = async (currency: string) => {
  const figure = await screen.findByRole('figure', { name: `Payouts and fees in ${currency}` });
  const table = within(figure).getByRole('table', { name: `Payout and fees of each settlement in ${currency}` });
  return { figure, table };
};
const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.children].slice(1).map((cell) => cell.textContent));

describe('charts of payouts and fees', () => {
  it('draws one chart per currency with the same numbers in a table for screen readers, accessibly', async () => {
    const { container } = render(<SettlementsSection />);
    const { figure, table } = await chartTable('USD');
    expect(rowsOf(table).at(-1)).toEqual(['7301234567', '$1,204.17', '-$38.05']);
    expect(rowsOf(table)[0]![0]).toBe('7300000001');
    expect(figure.querySelectorAll('svg rect.chart-payout')).toHaveLength(2);
    expect(figure.querySelector('svg')!.getAttribute('aria-hidden')).toBe('true');
    const bars = [...figure.querySelectorAll('svg title')].map((title) => title.textContent);
    expect(bars).toContain('Settlement 7301234567: payout $1,204.17, fees -$38.05');
    expect(rowsOf((await chartTable('JPY')).table)).toEqual([['9100001234', '¥12,344', '-¥456']]);
    await expectAccessible(container);
  });

  it('shows the detail with its currency chart, the settlement drawn stronger, and prints from the keyboard', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    render(<SettlementsSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Settlement 7301234567 (USD)' }));
    const { figure } = await chartTable('USD');
    const current = figure.querySelectorAll('.chart-slot.is-current');
    expect(current).toHaveLength(1);
    expect(current[0]!.querySelector('title')!.textContent).toContain('7301234567');
    const printButton = screen.getByRole('button', { name: 'Print' });
    printButton.focus();
    expect(document.activeElement).toBe(printButton);
    fireEvent.click(printButton);
    expect(print).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: /Back/ }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Print' })).toBeTruthy());
  });

  it('speaks the UI language in the chart and its table', async () => {
    setUiLanguage('de');
    render(<SettlementsSection />);
    const figure = await screen.findByRole('figure', { name: 'Auszahlungen und Gebühren in USD' });
    expect(within(figure).getByRole('table', { name: 'Auszahlung und Gebühren jeder Abrechnung in USD' })).toBeTruthy();
    expect(
      within(figure)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Zeitraum', 'Abrechnung', 'Auszahlung', 'Gebühren']);
  });
});

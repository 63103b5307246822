import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportForm } from '@/entrypoints/options/sections/books/ExportForm';
import { ledgerDb } from '@/entrypoints/options/sections/settlements/ledger-db';
import { readCamt053 } from '@/utils/bank/camt053';
import { defaultAccountingSettings, saveAccountingSettings } from '@/utils/books/accounting-settings';
import { decodeWindows1252 } from '@/utils/books/windows-1252';
import { importSettlementFile } from '@/utils/ledger/import';
import { setUiLanguage } from '../../setup/components';
import { expectAccessible } from '../a11y';
import { account } from './fixtures';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(path.join(process.cwd(), 'tests/fixtures/ledger', name)));
const EU = account({ id: 'eu', label: 'EU Shop', region: 'eu' });
const NA = account({ id: 'na', label: 'US Shop', region: 'na' });

beforeAll(async () => {
  const db = await ledgerDb();
  await importSettlementFile(
    db,
    fixture('settlement-eu-windows-1252-crlf.csv'),
    '2026-02-01_2026-02-07_5511223344.csv',
  );
  await importSettlementFile(db, fixture('settlement-us.csv'), 'settlement-us.csv');
  const eu = defaultAccountingSettings('eu');
  await saveAccountingSettings('eu', {
    ...eu,
    sellerId: 'A2EUSELLER',
    datev: { ...eu.datev, consultantNumber: '29098', clientNumber: '4711' },
  });
  await saveAccountingSettings('na', { ...defaultAccountingSettings('na'), sellerId: 'A1EXAMPLESELLER' });
});

let saved: { name: string; blob: Blob }[];
beforeEach(() => {
  saved = [];
  const blobs: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => `blob:test/${blobs.push(blob as Blob)}`);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: blobs[Number(this.href.split('/').pop()) - 1]! });
  });
});
afterEach(() => vi.restoreAllMocks());

async function choose(label: string, from: string, to: string, format: RegExp) {
  fireEvent.change(screen.getByRole('combobox', { name: 'Account' }), { target: { value: label } });
  const fromInput = await screen.findByLabelText('From');
  await waitFor(() => expect((fromInput as HTMLInputElement).value).not.toBe(''));
  fireEvent.input(fromInput, { target: { value: from } });
  fireEvent.input(screen.getByLabelText('To'), { target: { value: to } });
  fireEvent.click(screen.getByRole('radio', { name: format }));
}

describe('the Exports section', { timeout: 20_000 }, () => {
  it('makes the DATEV file of the EU account for the period and names it as DATEV wants, accessibly', async () => {
    const { container } = render(<ExportForm accounts={[NA, EU]} />);
    await choose('eu', '2026-02-01', '2026-02-28', /DATEV/);
    fireEvent.click(screen.getByRole('button', { name: 'Make the file' }));
    await screen.findByText(/file\(s\) saved to your downloads/);
    expect(saved.map((s) => s.name)).toEqual(['EXTF_Buchungsstapel_AmazonPay_EU-Shop_20260201-20260228.csv']);
    const lines = decodeWindows1252(new Uint8Array(await saved[0]!.blob.arrayBuffer())).split('\r\n');
    expect(lines[0]).toMatch(
      /^"EXTF";700;21;"Buchungsstapel";13;\d{17};;"RC";"";"";29098;4711;20260101;4;20260201;20260228;/,
    );
    expect(lines.at(-1)).toBe('');
    expect(saved[0]!.blob.type).toBe('text/csv;charset=windows-1252');
    await expectAccessible(container);
  });

  it('refuses DATEV for a USD ledger with the reason, in the UI language, and saves nothing', async () => {
    setUiLanguage('de');
    render(<ExportForm accounts={[NA]} />);
    await waitFor(() => expect((screen.getByLabelText('Von') as HTMLInputElement).value).not.toBe(''));
    fireEvent.click(screen.getByRole('radio', { name: /DATEV/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Datei erstellen' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('DATEV-Dateien gibt es hier nur in EUR; dieses Ledger ist in USD.');
    expect(saved).toEqual([]);
  });

  it('writes Xero with the currency in the name and month-first dates for a US account, day-first when chosen', async () => {
    render(<ExportForm accounts={[NA]} />);
    await choose('na', '2026-03-01', '2026-03-31', /Xero/);
    const order = screen.getByRole('combobox', { name: 'Date format' }) as HTMLSelectElement;
    expect(order.value).toBe('MM/DD/YYYY');
    fireEvent.click(screen.getByRole('button', { name: 'Make the file' }));
    await screen.findByText(/file\(s\) saved/);
    expect(saved[0]!.name).toBe('xero_USD_2026-03.csv');
    const text = await saved[0]!.blob.text();
    expect(text.split('\r\n')[1]).toMatch(/^03\/02\/2026,/);
    fireEvent.change(order, { target: { value: 'DD/MM/YYYY' } });
    fireEvent.click(screen.getByRole('radio', { name: /QuickBooks/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Make the file' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1]!.name).toBe('quickbooks_USD_2026-03.csv');
    const quickBooks = (await saved[1]!.blob.text()).split('\r\n');
    expect(quickBooks[0]).toBe('Date,Description,Amount');
    expect(quickBooks[1]).toMatch(/^02\/03\/2026,/);
  });

  it('saves the Amazon Pay account as a camt.053 statement the bank reader reads back', async () => {
    render(<ExportForm accounts={[NA, EU]} />);
    await choose('eu', '2026-02-01', '2026-02-28', /camt\.053/);
    fireEvent.click(screen.getByRole('button', { name: 'Make the file' }));
    await screen.findByText(/file\(s\) saved/);
    expect(saved.map((s) => [s.name, s.blob.type])).toEqual([['camt053_EUR_2026-02.xml', 'application/xml']]);
    const entries = readCamt053(await saved[0]!.blob.text(), saved[0]!.name);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.bookingDate >= '2026-02-01' && e.bookingDate <= '2026-02-28')).toBe(true);
  });

  it('lists what the DATEV settings still lack when they are incomplete', async () => {
    await saveAccountingSettings('eu-empty', { ...defaultAccountingSettings('eu'), sellerId: 'A2EUSELLER' });
    render(<ExportForm accounts={[account({ id: 'eu-empty', label: 'EU 2', region: 'eu' })]} />);
    await choose('eu-empty', '2026-02-01', '2026-02-28', /DATEV/);
    fireEvent.click(screen.getByRole('button', { name: 'Make the file' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("The account's DATEV settings are incomplete.");
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'The Beraternummer has 4 to 7 digits (1001 to 9999999); your tax adviser has it.',
      'The Mandantennummer has 1 to 5 digits (1 to 99999); your tax adviser has it.',
    ]);
    expect(saved).toEqual([]);
  });
});

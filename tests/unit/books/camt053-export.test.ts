import { describe, expect, it } from 'vitest';
import { readCamt053 } from '../../../utils/bank/camt053';
import { defaultAccountingSettings } from '../../../utils/books/accounting-settings';
import { bookSettlementRows, type Granularity } from '../../../utils/books/bookings';
import { CAMT053_NAMESPACE, exportCamt053 } from '../../../utils/books/camt053-export';
import { ExportRefusedError } from '../../../utils/books/errors';
import { runExport } from '../../../utils/books/export-run';
import { monthPeriod } from '../../../utils/books/time-zone';
import type { SettlementRow } from '../../../utils/ledger/types';
import { capture, netOfOctoberEur, octoberEu, row } from './fixtures';

const PERIOD = monthPeriod(2026, 10);
const CREATED = new Date('2026-11-02T09:08:07.006Z');
const book = (rows: readonly SettlementRow[], granularity: Granularity = 'detailed') =>
  bookSettlementRows(rows, { currency: 'EUR', period: PERIOD, timeZone: 'Europe/Berlin', granularity });
const statement = (rows: readonly SettlementRow[], openingMinor = 0, granularity: Granularity = 'detailed') => {
  const { files } = exportCamt053({
    bookings: book(rows, granularity),
    currency: 'EUR',
    period: PERIOD,
    openingMinor,
    accountName: 'Shop EU',
    createdAt: CREATED,
  });
  return { file: files[0]!, xml: new TextDecoder().decode(files[0]!.bytes) };
};
const balance = (xml: string, code: string) => {
  const m = new RegExp(
    `<Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">([\\d.]+)</Amt><CdtDbtInd>(\\w+)</CdtDbtInd>`,
  ).exec(xml)!;
  const cents = Math.round(Number(m[1]) * 100);
  return m[2] === 'DBIT' ? -cents : cents;
};

describe('the clearing account as camt.053', () => {
  const rows = octoberEu();

  it('reads back through the bank reader: one booked entry per booking, the invariant kept', () => {
    const { file, xml } = statement(rows);
    expect(file.name).toBe('camt053_EUR_2026-10.xml');
    expect(xml).toContain(`<Document xmlns="${CAMT053_NAMESPACE}">`);
    const bookings = book(rows);
    const entries = readCamt053(xml, file.name);
    expect(entries).toHaveLength(bookings.length);
    expect(entries.map((e) => [e.amountMinor, e.bookingDate, e.status, e.currency])).toEqual(
      bookings.map((b) => [b.amountMinor, b.date, 'booked', 'EUR']),
    );
    expect(entries.reduce((sum, e) => sum + e.amountMinor, 0)).toBe(netOfOctoberEur(rows));
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });

  it('carries the opening balance and closes on it plus the movements', () => {
    const { xml } = statement(rows, -12_345);
    expect(balance(xml, 'OPBD')).toBe(-12_345);
    expect(balance(xml, 'CLBD')).toBe(-12_345 + netOfOctoberEur(rows));
  });

  it('escapes markup and control characters and keeps text within the field lengths', () => {
    const odd = capture('2026-10-12T10:00:00Z', 4_200, `<a&b>"'\u0001${'x'.repeat(200)}`);
    const { xml } = statement([odd]);
    const [entry] = readCamt053(xml, 'f.xml');
    expect(entry!.remittance).toMatch(/^Capture <a&b>"' x+$/);
    expect(entry!.remittance.length).toBeLessThanOrEqual(140);
    expect(entry!.counterparty).toBe('Amazon Pay customer');
  });

  it('summary: one entry per settlement, category and kind, the invariant still kept', () => {
    const { xml } = statement(rows, 0, 'summary');
    const entries = readCamt053(xml, 'f.xml');
    expect(entries.length).toBeLessThan(book(rows).length);
    expect(entries.reduce((sum, e) => sum + e.amountMinor, 0)).toBe(netOfOctoberEur(rows));
  });

  it('through an export run, the opening balance is the net of the earlier rows', () => {
    const september = row({ category: 'capture', postedAt: '2026-09-15T10:00:00Z', amountMinor: 7_000 });
    const result = runExport(
      [{ reportId: 'R1', sha256: 'ab', header: {}, rows: [september, ...rows] }],
      { label: 'EU Shop', region: 'eu' },
      { ...defaultAccountingSettings('eu'), sellerId: 'A2EUSELLER' },
      { format: 'camt053', currency: 'EUR', period: PERIOD, granularity: 'detailed', dateOrder: 'DD/MM/YYYY' },
      CREATED,
    );
    const xml = new TextDecoder().decode(result.files[0]!.bytes);
    // Berlin's 1 October starts at 22:00 UTC on 30 September.
    const before = [september, ...rows].filter((r) => Date.parse(r.postedAt) < Date.parse('2026-09-30T22:00:00Z'));
    expect(before.length).toBeGreaterThan(1);
    const opening = before.reduce((sum, r) => sum + r.netMinor, 0);
    expect(balance(xml, 'OPBD')).toBe(opening);
    expect(balance(xml, 'CLBD')).toBe(opening + netOfOctoberEur(rows));
  });

  it('refuses an empty period', () => {
    expect(() =>
      exportCamt053({
        bookings: [],
        currency: 'EUR',
        period: PERIOD,
        openingMinor: 0,
        accountName: 'x',
        createdAt: CREATED,
      }),
    ).toThrow(ExportRefusedError);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSettlementReport } from '../../../utils/ledger/settlement';
import type { SettlementReport } from '../../../utils/ledger/types';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/ledger/${name}`, import.meta.url)));
const summary = (report: SettlementReport) =>
  report.rows.map((r) => [
    r.line,
    r.category,
    r.amountMinor,
    r.percentageFeeMinor,
    r.fixedFeeMinor,
    r.feeMinor,
    r.netMinor,
  ]);

describe('parseSettlementReport: the real layout (BOM, title lines, trailing commas, spaced offsets)', () => {
  const report = parseSettlementReport(fixture('settlement-us.csv'));

  it('reads the key/value lines before the column line as the header, and nothing else', () => {
    expect(report.header).toEqual({
      SellerId: 'A1EXAMPLESELLER',
      SettlementStartDate: '2026-03-02T15:00:12 -0800',
      SettlementEndDate: '2026-03-03T14:59:58 -0800',
    });
    expect(report.errors).toEqual([]);
  });

  it('keeps every row with its physical line, category and exact minor units', () => {
    expect(summary(report)).toEqual([
      [7, 'payout', -120417, 0, 0, 0, -120417],
      [8, 'reserve', 5000, 0, 0, 0, 5000],
      [9, 'capture', 125000, -3625, -30, -3655, 121345],
      [10, 'capture', 4990, -145, -30, -175, 4815],
      [11, 'capture', 99, -3, -30, -33, 66],
      [12, 'refund', -2000, 58, 0, 58, -1942],
      [13, 'chargeback', -7500, 0, 0, 0, -7500],
      [14, 'atoz', -1250, 0, 0, 0, -1250],
      [15, 'debt', -500, 0, 0, 0, -500],
      [16, 'other', -100, 0, 0, 0, -100],
      [17, 'reserve', -5000, 0, 0, 0, -5000],
    ]);
  });

  it('maps every string column by name and converts the posted time to UTC', () => {
    expect(report.rows[3]).toEqual({
      line: 10,
      postedAt: '2026-03-03T05:40:55Z',
      settlementId: '7301234567',
      transactionType: 'Capture',
      category: 'capture',
      currency: 'USD',
      amountMinor: 4990,
      percentageFeeMinor: -145,
      fixedFeeMinor: -30,
      feeMinor: -175,
      netMinor: 4815,
      amazonTransactionId: 'P01-7730114-0091826-C004417',
      amazonOrderReferenceId: 'P01-7730114-0091826',
      sellerReferenceId: '8032276654432210046',
      sellerOrderId: 'c2f1a9e0b7#1002',
      storeName: 'Nordlicht Outfitters',
      description: '',
    });
    expect(report.rows[9]).toMatchObject({
      transactionType: 'ServiceFee',
      category: 'other',
      description: 'Monthly service fee',
    });
  });

  it('parses the same rows from a string with the BOM, without a BOM, and with CRLF or CR line ends', () => {
    const text = new TextDecoder().decode(fixture('settlement-us.csv'));
    expect(text.startsWith('"Amazon')).toBe(true);
    const variants = [
      fixture('settlement-us.csv').subarray(3),
      `\uFEFF${text}`,
      text.replace(/\n/g, '\r\n'),
      text.replace(/\n/g, '\r'),
      new TextEncoder().encode(text.replace(/\n/g, '\r\n')),
    ];
    for (const variant of variants) expect(parseSettlementReport(variant)).toEqual(report);
  });
});

describe('parseSettlementReport: variants seen outside the US', () => {
  it('reads windows-1252 bytes with CRLF, offsets as ±hhmm, ±hh:mm and Z, and a quoted record over two lines', () => {
    const report = parseSettlementReport(fixture('settlement-eu-windows-1252-crlf.csv'));
    expect(report.errors).toEqual([]);
    expect(report.header.SettlementEndDate).toBe('2026-02-07T23:00:01 +01:00');
    expect(summary(report)).toEqual([
      [7, 'capture', 249900, -6747, -35, -6782, 243118],
      [9, 'capture', 1999, -54, -35, -89, 1910],
      [10, 'refund', -1999, 54, 0, 54, -1945],
      [11, 'payout', -243083, 0, 0, 0, -243083],
    ]);
    expect(report.rows.map((r) => r.postedAt)).toEqual([
      '2026-02-01T07:00:00Z',
      '2026-02-02T08:30:00Z',
      '2026-02-03T10:00:00Z',
      '2026-02-07T21:00:00.250Z',
    ]);
    expect(report.rows[0]).toMatchObject({
      storeName: 'Café Müller',
      description: 'Bestellung "Größe M", Farbe: blau\r\nzweite Zeile',
    });
    expect(report.rows[2]!.description).toBe('Erstattung 19,99 €');
    expect(report.rows[3]!.description).toBe('Überweisung');
  });

  it('reads JPY with exponent 0, thousands separators and zero decimals, and moves +0900 times to the UTC day', () => {
    const report = parseSettlementReport(fixture('settlement-jp.csv'));
    expect(report.errors).toEqual([]);
    expect(summary(report)).toEqual([
      [7, 'capture', 12800, -456, 0, -456, 12344],
      [8, 'capture', 3300, -117, 0, -117, 3183],
      [9, 'refund', -3300, 117, 0, 117, -3183],
      [10, 'payout', -12344, 0, 0, 0, -12344],
    ]);
    expect(report.rows[2]).toMatchObject({
      postedAt: '2026-03-31T23:30:00Z',
      storeName: '北海道ストア',
      description: '返金',
    });
  });

  it('maps columns by name whatever their order, without title lines or a trailing comma', () => {
    const report = parseSettlementReport(fixture('settlement-reordered.csv'));
    expect(report.errors).toEqual([]);
    expect(report.rows[0]).toMatchObject({
      line: 5,
      postedAt: '2026-06-01T09:00:00Z',
      settlementId: '6600000002',
      currency: 'GBP',
      amountMinor: 1000,
      percentageFeeMinor: -29,
      fixedFeeMinor: -30,
      feeMinor: -59,
      netMinor: 941,
      amazonTransactionId: 'P01-2000001-2000001-C000001',
      sellerOrderId: '3001',
      storeName: 'Orderly Shop',
      description: 'note',
    });
    expect(summary(report)[1]).toEqual([6, 'payout', -941, 0, 0, 0, -941]);
  });
});

describe('parseSettlementReport: errors carry the line and cost only their own record', () => {
  const report = parseSettlementReport(fixture('settlement-errors.csv'));

  it('keeps the good rows, including one quoted over two lines', () => {
    expect(report.rows.map((r) => r.line)).toEqual([3, 9, 12]);
    expect(report.rows[1]!.description).toBe('Gift note:\n"Happy birthday"');
  });

  it('reports each bad record with the line it starts on and why', () => {
    expect(report.errors.map((e) => e.line)).toEqual([4, 5, 6, 7, 8, 11, 13]);
    const messages = report.errors.map((e) => e.message);
    expect(messages[0]).toMatch(/14 fields.*15/);
    expect(messages[1]).toMatch(/2026-02-30T10:10:00 -0500/);
    expect(messages[2]).toMatch(/TransactionAmount: "10.005" has 3 decimals; the currency has 2/);
    expect(messages[3]).toMatch(/"12,34" is not an amount/);
    expect(messages[4]).toMatch(/"XXY" is not an ISO 4217 currency/);
    expect(messages[5]).toMatch(/double quote/);
    expect(messages[6]).toMatch(/"100.5" has 1 decimals; the currency has 0/);
  });

  it('says so when there is no column line, or the column line lacks a required column', () => {
    expect(parseSettlementReport('"SellerId","X"\n"a","b"\n').errors).toEqual([
      { line: 1, message: 'No column line naming "TransactionPostedDate" was found.' },
    ]);
    const lacking = parseSettlementReport('"TransactionPostedDate","SettlementId","TransactionType"\n"x","y","z"\n');
    expect(lacking.rows).toEqual([]);
    expect(lacking.errors).toEqual([{ line: 1, message: 'The column line lacks CurrencyCode, NetTransactionAmount.' }]);
  });

  it('reads a field with doubled quotes as its own value: an amount in quotes is not an amount', () => {
    const columns = '"TransactionPostedDate","SettlementId","TransactionType","CurrencyCode","NetTransactionAmount"';
    const text = `${columns}\n"2026-01-01T00:00:00Z","1","Capture","USD","""1.00"""\n"2026-01-01T00:00:00Z","1","Say ""hi""","USD","2.00"\n`;
    const report = parseSettlementReport(text);
    expect(report.errors).toEqual([{ line: 2, message: 'NetTransactionAmount: ""1.00"" is not an amount.' }]);
    expect(report.rows).toMatchObject([{ line: 3, transactionType: 'Say "hi"', netMinor: 200 }]);
  });

  it('reports an unclosed quote at its opening line', () => {
    const text =
      '"TransactionPostedDate","SettlementId","TransactionType","CurrencyCode","NetTransactionAmount"\n"2026-01-01T00:00:00Z","1","Capture","USD","1.00\n';
    expect(parseSettlementReport(text).errors).toEqual([
      { line: 2, message: 'A quoted field is never closed: a double quote is missing.' },
    ]);
  });
});

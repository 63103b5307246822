import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bookSettlementRows, type Granularity } from '../../../utils/books/bookings';
import { DATEV_COLUMNS } from '../../../utils/books/datev-columns';
import { exportDatev, type DatevExportInput } from '../../../utils/books/datev';
import {
  defaultDatevSettings,
  type DatevSettings,
  suggestedAccounts,
  validateDatevSettings,
} from '../../../utils/books/datev-settings';
import { sanitiseBelegfeld } from '../../../utils/books/datev-text';
import { ExportRefusedError } from '../../../utils/books/errors';
import { monthPeriod, type Period } from '../../../utils/books/time-zone';
import { decodeWindows1252, encodeWindows1252 } from '../../../utils/books/windows-1252';
import { Windows1252Writer } from '../../../utils/books/windows-1252-writer';
import type { SettlementRow } from '../../../utils/ledger/types';
import { capture, netOfOctoberEur, octoberEu, rawFields, unquote } from './fixtures';

const SETTINGS: DatevSettings = { ...defaultDatevSettings(), consultantNumber: '29098', clientNumber: '55003' };
const CREATED = new Date('2026-11-02T09:08:07.006Z');

function exportRows(
  rows: readonly SettlementRow[],
  period: Period = monthPeriod(2026, 10),
  extra: Partial<DatevExportInput> = {},
  granularity: Granularity = 'detailed',
) {
  const bookings = bookSettlementRows(rows, { currency: 'EUR', period, timeZone: 'Europe/Berlin', granularity });
  return exportDatev({
    bookings,
    currency: 'EUR',
    period,
    settings: SETTINGS,
    accountName: 'Shop EU',
    createdAt: CREATED,
    timeZone: 'Europe/Berlin',
    ...extra,
  });
}

const decode = decodeWindows1252;

function refusal(run: () => unknown): ExportRefusedError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ExportRefusedError);
    return error as ExportRefusedError;
  }
  throw new Error('expected a refusal');
}
const linesOf = (bytes: Uint8Array) => decode(bytes).split('\r\n').slice(0, -1);

/** The 125 columns as docs/books-formats.md lists them (the project's copy of DATEV's tables). */
function documentedColumns() {
  const doc = readFileSync(new URL('../../../docs/books-formats.md', import.meta.url), 'utf8');
  return [...doc.matchAll(/^\| (\d+) \| (.+?) \| (Betrag|Text|Zahl|Konto|Datum) \| (yes|no) \| (\d+) \|$/gm)].map(
    (m) => ({
      name: m[2] ?? '',
      type: m[3] ?? '',
      quoted: m[4] === 'yes',
      maxLength: Number(m[5]),
    }),
  );
}

/** DATEV's header rules, field by field (1-based as DATEV counts). */
const HEADER_RULES: Record<number, RegExp> = {
  1: /^"EXTF"$/,
  2: /^700$/,
  3: /^21$/,
  4: /^"Buchungsstapel"$/,
  5: /^13$/,
  6: /^\d{17}$/,
  7: /^$/,
  8: /^"\w{0,2}"$/,
  9: /^"\w{0,25}"$/,
  10: /^"\w{0,25}"$/,
  11: /^\d{4,7}$/,
  12: /^\d{1,5}$/,
  13: /^\d{8}$/,
  14: /^[4-8]$/,
  15: /^\d{8}$/,
  16: /^\d{8}$/,
  17: /^"[\w./ ]{0,30}"$/,
  18: /^"([A-Z]{2})?"$/,
  19: /^[12]$/,
  20: /^(0|30|40|50|64)?$/,
  21: /^[01]$/,
  22: /^"[A-Z]{3}"$/,
  23: /^$/,
  24: /^""$/,
  25: /^$/,
  26: /^$/,
  27: /^"\d{2}"$/,
  28: /^\d{0,4}$/,
  29: /^$/,
  30: /^""$/,
  31: /^".{0,16}"$/,
};

/** A booking line field against its column's type and DATEV's rule for the fields we fill. */
function checkField(value: string, column: ReturnType<typeof documentedColumns>[number]): string | undefined {
  if (column.quoted && value !== '') {
    if (!/^"([^"]|"")*"$/.test(value)) return 'text not quoted';
    if (unquote(value).length > column.maxLength) return 'text too long';
    if ([...value].some((c) => c.charCodeAt(0) < 0x20)) return 'control character';
  } else if (value.includes('"')) return 'quoted number';
  const rules: Record<string, RegExp> = {
    'Umsatz (ohne Soll/Haben-Kz)': /^(?!0{1,10},00)\d{1,10},\d{2}$/,
    'Soll/Haben-Kennzeichen': /^"[SH]"$/,
    'WKZ Umsatz': /^"EUR"$/,
    Konto: /^[1-9]\d{0,8}$/,
    'Gegenkonto (ohne BU-Schlüssel)': /^[1-9]\d{0,8}$/,
    'BU-Schlüssel': /^"\d{0,4}"$/,
    Belegdatum: /^(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])$/,
    'Belegfeld 1': /^"[\w$&%*+\-/]{0,36}"$/,
    'Belegfeld 2': /^"[\w$&%*+\-/]{0,12}"$/,
    Buchungstext: /^".{0,60}"$/,
    Festschreibung: /^[01]$/,
  };
  const rule = rules[column.name];
  const optional = ['BU-Schlüssel', 'Belegfeld 2'].includes(column.name);
  if (rule && !(optional && value === '') && !rule.test(value)) return `breaks ${rule}`;
  if (!column.quoted && value !== '' && column.type === 'Zahl' && !/^\d+$/.test(value)) return 'not a number';
  return undefined;
}

describe('DATEV Buchungsstapel', () => {
  const rows = octoberEu();
  const result = exportRows(rows);
  const [file] = result.files;
  const lines = linesOf(file!.bytes);

  it('writes one EXTF file: Windows-1252 without BOM, CRLF after every line, no bare LF or CR', () => {
    expect(result.files).toHaveLength(1);
    expect(file!.name).toBe('EXTF_Buchungsstapel_AmazonPay_Shop-EU_20261001-20261031.csv');
    expect(file!.name).toMatch(/^EXTF_.*\.csv$/);
    expect([...file!.bytes.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const raw = decode(file!.bytes);
    expect(raw.endsWith('\r\n')).toBe(true);
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    // "BU-Schlüssel" in the heading line: ü is the single byte 0xFC
    expect(Buffer.from(file!.bytes).includes(Buffer.from([0x53, 0x63, 0x68, 0x6c, 0xfc, 0x73]))).toBe(true);
    expect(file!.bytes.some((b) => b === 0xc3)).toBe(false); // no UTF-8 lead byte for ü/ä
  });

  it('writes the 31 header fields by their rules, with the settings, the period and the fiscal year', () => {
    const header = rawFields(lines[0]!, ';');
    expect(header).toHaveLength(31);
    header.forEach((value, i) => expect(value, `header field ${i + 1}`).toMatch(HEADER_RULES[i + 1]!));
    expect(header.slice(10, 16)).toEqual(['29098', '55003', '20260101', '4', '20261001', '20261031']);
    expect(header[5]).toBe('20261102100807006'); // 09:08:07.006 UTC is 10:08:07.006 in Berlin
    expect(header[16]).toBe('"Amazon Pay 10/2026"');
    expect([header[20], header[21], header[26]]).toEqual(['0', '"EUR"', '"03"']);
  });

  it('writes the 125 column names as DATEV writes them', () => {
    const documented = documentedColumns();
    expect(documented).toHaveLength(125);
    expect(DATEV_COLUMNS.map((c) => c.name)).toEqual(documented.map((c) => c.name));
    expect(lines[1]!.split(';')).toEqual(documented.map((c) => c.name));
    expect(lines[1]).toContain('Zusatzinformation - Art 1;Zusatzinformation- Inhalt 1');
  });

  it('checks every field of every booking line against its column rule', () => {
    const documented = documentedColumns();
    expect(lines.length).toBeGreaterThan(15);
    for (const [n, line] of lines.slice(2).entries()) {
      const fields = rawFields(line, ';');
      expect(fields, `line ${n + 3}`).toHaveLength(125);
      fields.forEach((value, i) =>
        expect(checkField(value, documented[i]!), `line ${n + 3} ${documented[i]!.name}: ${value}`).toBeUndefined(),
      );
    }
  });

  it('keeps the invariant: S minus H on the clearing account is the net of the rows in the period', () => {
    let movement = 0;
    for (const line of lines.slice(2)) {
      const fields = rawFields(line, ';');
      expect(fields[6]).toBe(SETTINGS.accounts.clearing);
      const cents = Number(fields[0]!.replace(',', ''));
      movement += fields[1] === '"S"' ? cents : -cents;
    }
    expect(movement).toBe(netOfOctoberEur(rows));
  });

  it('books payments against receivables, fees against the fee account, the payout against transit', () => {
    const byText = (text: string) =>
      lines
        .slice(2)
        .map((l) => rawFields(l, ';'))
        .filter((f) => unquote(f[13]!).startsWith(text));
    const payout = byText('Amazon Pay Auszahlung');
    expect(payout.map((f) => [f[0], f[1], f[7], f[9], unquote(f[10]!)])).toEqual([
      ['1000,00', '"H"', '1360', '2010', '5984860001'],
    ]);
    const firstCapture = byText('Amazon Pay Zahlung #1001')[0]!;
    expect([firstCapture[0], firstCapture[1], firstCapture[7], firstCapture[9]]).toEqual([
      '119,00',
      '"S"',
      '10000',
      '0110',
    ]);
    const feeRefund = byText('Amazon Pay Gebühr Erstattung')[0]!;
    expect([feeRefund[0], feeRefund[1], feeRefund[7]]).toEqual(['0,47', '"S"', '4970']);
    expect(lines.slice(2).every((l) => rawFields(l, ';')[113] === '0')).toBe(true);
  });

  it('sanitises Belegfeld 1 and reports every change, and transliterates text', () => {
    const belegChanges = result.changes.filter((c) => c.field === 'Belegfeld 1');
    expect(belegChanges).toContainEqual(expect.objectContaining({ from: '#1001', to: '1001' }));
    expect(belegChanges).toContainEqual(
      expect.objectContaining({ from: 'Bestellung Nr. 1002', to: 'Bestellung-Nr-1002' }),
    );
    expect(belegChanges).toContainEqual(expect.objectContaining({ to: '5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0-1003' }));
    expect(belegChanges).toContainEqual(
      expect.objectContaining({ from: '=HYPERLINK("http://x")', to: 'HYPERLINK-http-//x' }),
    );
    expect(belegChanges.every((c) => c.sourceLine !== undefined && c.settlementId === '5984860001')).toBe(true);
    // once per row, though the row's amount and fee lines both carry the value
    expect(belegChanges.filter((c) => c.from === '#1001')).toHaveLength(1);
    // the original order id survives in Beleginfo, with its quotes doubled
    expect(decode(file!.bytes)).toContain('"Seller Order ID";"=HYPERLINK(""http://x"")"');
    // a type with quotes in the Buchungstext
    expect(decode(file!.bytes)).toContain('"Amazon Pay Sonstiges ServiceFee ""Q4"" 5984860001"');
  });

  it.each([
    ['#1234', '1234'],
    ['Rächnung 1.2;ß', 'Raechnung-1-2-ss'],
    ['Ordre n° 7 élevé', 'Ordre-n-7-eleve'],
    ['+49-123', '49-123'],
    ['a'.repeat(30) + '/' + 'b'.repeat(10), 'a'.repeat(25) + '/' + 'b'.repeat(10)],
    ['注文 1005', '1005'],
    ['ok_$&%*+-/', 'ok_$&%*+-/'],
  ])('Belegfeld 1: %s → %s', (from, to) => {
    expect(sanitiseBelegfeld(from)).toBe(to);
    expect(to).toMatch(/^[\w$&%*+\-/]{0,36}$/);
  });

  it('shortens a long Buchungstext to 60 and reports it', () => {
    const long = capture('2026-10-10T10:00:00Z', 1000, 'x'.repeat(80));
    const { changes, files } = exportRows([long]);
    expect(changes.filter((c) => c.field === 'Buchungstext').map((c) => c.to.length)).toEqual([60, 60]);
    expect(
      linesOf(files[0]!.bytes)
        .slice(2)
        .every((l) => unquote(rawFields(l, ';')[13]!).length === 60),
    ).toBe(true);
  });

  it('drops what Windows-1252 cannot carry and reports it; keeps umlauts and €', () => {
    const jp = capture('2026-10-10T10:00:00Z', 1000, '1010', { sellerReferenceId: 'ref ü € 😀 注文' });
    const { changes, files } = exportRows([jp]);
    expect(changes).toContainEqual(
      expect.objectContaining({ field: 'Beleginfo - Inhalt 5', from: 'ref ü € 😀 注文', to: 'ref ü €  ' }),
    );
    expect(decode(files[0]!.bytes)).toContain('"ref ü €  "');
    expect(files[0]!.bytes.includes(0x80)).toBe(true);
  });

  it('writes one file per fiscal year, each with its WJ-Beginn and dates inside it', () => {
    const settings = { ...SETTINGS, fiscalYearStartMonth: 7 };
    const rows2 = [capture('2026-06-30T10:00:00Z', 1000, 'june'), capture('2026-07-01T10:00:00Z', 2000, 'july')];
    const { files } = exportRows(rows2, { from: '2026-06-01', to: '2026-07-31' }, { settings });
    expect(files.map((f) => rawFields(linesOf(f.bytes)[0]!, ';').slice(12, 16))).toEqual([
      ['20250701', '4', '20260601', '20260630'],
      ['20260701', '4', '20260701', '20260731'],
    ]);
    expect(files.map((f) => f.name)).toEqual([
      'EXTF_Buchungsstapel_AmazonPay_Shop-EU_20260601-20260630.csv',
      'EXTF_Buchungsstapel_AmazonPay_Shop-EU_20260701-20260731.csv',
    ]);
    expect(files.map((f) => f.lineCount)).toEqual([2, 2]);
  });

  it('writes Festschreibung 1 in the header and on every line when the bookings are to be locked', () => {
    const { files } = exportRows(octoberEu(), monthPeriod(2026, 10), { settings: { ...SETTINGS, lockBookings: true } });
    const all = linesOf(files[0]!.bytes);
    expect(rawFields(all[0]!, ';')[20]).toBe('1');
    expect(all.slice(2).every((l) => rawFields(l, ';')[113] === '1')).toBe(true);
  });

  it('summary: one line per settlement, category and kind, the invariant still kept', () => {
    const { files } = exportRows(rows, monthPeriod(2026, 10), {}, 'summary');
    const body = linesOf(files[0]!.bytes)
      .slice(2)
      .map((l) => rawFields(l, ';'));
    expect(body.map((f) => unquote(f[13]!))).toContain('Amazon Pay Zahlung 5984860001 (5)');
    const movement = body.reduce((sum, f) => sum + (f[1] === '"S"' ? 1 : -1) * Number(f[0]!.replace(',', '')), 0);
    expect(movement).toBe(netOfOctoberEur(rows));
  });

  it('refuses a non-EUR ledger with an explanation', () => {
    const gbp = bookSettlementRows([capture('2026-10-10T10:00:00Z', 1000, 'x', { currency: 'GBP' })], {
      currency: 'GBP',
      period: monthPeriod(2026, 10),
      timeZone: 'Europe/London',
      granularity: 'detailed',
    });
    const run = () =>
      exportDatev({
        bookings: gbp,
        currency: 'GBP',
        period: monthPeriod(2026, 10),
        settings: SETTINGS,
        accountName: 'UK',
        createdAt: CREATED,
        timeZone: 'Europe/London',
      });
    expect(refusal(run).userMessage).toMatch(/EUR only; this ledger is in GBP/);
  });

  it('refuses invalid settings and an empty period, saying what to change', () => {
    expect(
      refusal(() => exportRows(rows, monthPeriod(2026, 10), { settings: { ...SETTINGS, consultantNumber: '12' } }))
        .userMessage,
    ).toMatch(/Beraternummer/);
    expect(refusal(() => exportRows(rows, monthPeriod(2025, 1))).userMessage).toMatch(/nothing to book/);
  });
});

describe('Windows-1252', () => {
  it('encodes and decodes the 27 characters of 0x80–0x9F and Latin-1, and refuses the rest', () => {
    const sample = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ äöüÄÖÜß éñ ¿';
    const bytes = encodeWindows1252(sample);
    expect(bytes.length).toBe(sample.length);
    expect([...bytes.slice(0, 3)]).toEqual([0x80, 0x82, 0x83]);
    expect(decodeWindows1252(bytes)).toBe(sample);
    expect(() => encodeWindows1252('注')).toThrow(RangeError);
  });

  it('writer: grows past its first size, doubles quotes, writes amounts and repeats a piece', () => {
    const out = new Windows1252Writer(1);
    out.quoted('Müller "€"').text(';').decimal(5, 2, ',').text(';').decimal(123456, 2, ',');
    const start = out.position;
    out.text(';x');
    out.repeat(start, out.position);
    expect(decodeWindows1252(out.result())).toBe('"Müller ""€""";0,05;1234,56;x;x');
    expect([...out.result().slice(8, 11)]).toEqual([0x22, 0x22, 0x80]);
    expect(() => new Windows1252Writer(8).text('注')).toThrow(RangeError);
    expect(() => new Windows1252Writer(8).decimal(-1, 2, ',')).toThrow(RangeError);
  });
});

describe('DATEV settings', () => {
  it('accepts the suggestions at every account length', () => {
    for (const chart of ['SKR03', 'SKR04'] as const) {
      for (let length = 4; length <= 8; length++) {
        const settings = { ...SETTINGS, chart, accountLength: length, accounts: suggestedAccounts(chart, length) };
        expect(validateDatevSettings(settings), `${chart} ${length}`).toEqual([]);
      }
    }
    expect(suggestedAccounts('SKR04', 5)).toMatchObject({ fees: '68550', receivables: '100000', transit: '14600' });
  });

  it.each([
    [{ consultantNumber: '999' }, 'consultantNumber', /Beraternummer/],
    [{ clientNumber: '123456' }, 'clientNumber', /Mandantennummer/],
    [{ clientNumber: '0' }, 'clientNumber', /Mandantennummer/],
    [{ fiscalYearStartMonth: 13 }, 'fiscalYearStartMonth', /month/],
    [{ accountLength: 9 }, 'accountLength', /Sachkontenlänge/],
    [{ accounts: { ...SETTINGS.accounts, fees: '497' } }, 'accounts.fees', /exactly 4 digits/],
    [
      { accounts: { ...SETTINGS.accounts, receivables: '70000' } },
      'accounts.receivables',
      /debtor account .* starts with 1 to 6/,
    ],
    [
      { accounts: { ...SETTINGS.accounts, transit: '1210' } },
      'accounts.transit',
      /differ from the Amazon Pay clearing/,
    ],
    [{ accounts: { ...SETTINGS.accounts, clearing: '12a0' } }, 'accounts.clearing', /digits/],
    [{ feeTaxKey: '94x' }, 'feeTaxKey', /BU-Schlüssel/],
  ] as const)('refuses %o on %s', (change, field, message) => {
    const problems = validateDatevSettings({ ...SETTINGS, ...change } as DatevSettings);
    expect(problems).toContainEqual(expect.objectContaining({ field, message: expect.stringMatching(message) }));
  });
});

/**
 * DATEV Buchungsstapel (EXTF, Versionsnummer 700, Formatkategorie 21 "Buchungsstapel", Formatversion 13) from
 * bookings: line 1 the 31 header fields, line 2 the 125 column names, then one line per booking, each against the
 * Amazon Pay clearing account. Windows-1252 without BOM, `;`, CRLF after every line, decimal comma; text quoted with
 * quotes doubled, amounts, numbers, accounts and dates unquoted. One file per fiscal year (Belegdatum has no year;
 * DATEV takes it from the header), split further at 99 999 lines. Field rules and sources: docs/books-formats.md.
 */
import type { Booking } from './bookings';
import { DATEV_COLUMNS, datevColumnIndex } from './datev-columns';
import { type DatevSettings, validateDatevSettings } from './datev-settings';
import { BELEGFELD_1_MAX, BUCHUNGSTEXT_MAX, belegfeldSource, buchungstext, sanitiseBelegfeld } from './datev-text';
import { ExportRefusedError } from './errors';
import { type ExportChange, type ExportFile, type ExportResult, fileNamePart } from './export-types';
import { formatMinor } from './money';
import { type LocalDate, type Period, ZoneClock } from './time-zone';
import { encodeWindows1252Lines, toWindows1252Text } from './windows-1252';

export const DATEV_MAX_LINES = 99_999;
/** DATEV's rule for Umsatz: positive, two decimals, at most ten digits before the comma, never 0,00. */
export const UMSATZ_PATTERN = /^(?!0{1,10},00)\d{1,10},\d{2}$/;

export interface DatevExportInput {
  bookings: readonly Booking[];
  currency: string;
  period: Period;
  settings: DatevSettings;
  /** The merchant account's name, for the file name. */
  accountName: string;
  /** Header "Erzeugt am", written in `timeZone`. */
  createdAt: Date;
  timeZone: string;
}

const col = (name: string) => datevColumnIndex(name);
const F = {
  beleginfoArt1: col('Beleginfo - Art 1'),
  festschreibung: col('Festschreibung'),
  abrechnungsreferenz: col('Abrechnungsreferenz'),
};
const BELEGINFO_INHALT_MAX = 210;

const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
const compact = (date: LocalDate) => date.replaceAll('-', '');

function refuseUnless(condition: boolean, userMessage: string, reason: string, currency?: string): asserts condition {
  if (!condition) throw new ExportRefusedError(userMessage, { reason, currency });
}

/** First day of the fiscal year the date falls in. */
export function fiscalYearStart(date: LocalDate, startMonth: number): LocalDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const startYear = month >= startMonth ? year : year - 1;
  return `${startYear}-${String(startMonth).padStart(2, '0')}-01`;
}

function fiscalYearEnd(start: LocalDate): LocalDate {
  const [year, month] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
  return new Date(Date.UTC(year + 1, month - 1, 0)).toISOString().slice(0, 10);
}

function headerLine(input: DatevExportInput, fiscalStart: LocalDate, from: LocalDate, to: LocalDate): string {
  const { settings } = input;
  const created = new ZoneClock(input.timeZone)
    .wallClock(input.createdAt.getTime())
    .toISOString()
    .replace(/\D/g, '')
    .slice(0, 17);
  const month = (date: LocalDate) => `${date.slice(5, 7)}/${date.slice(0, 4)}`;
  const title = month(from) === month(to) ? `Amazon Pay ${month(from)}` : `Amazon Pay ${month(from)} ${month(to)}`;
  const lock = settings.lockBookings ? '1' : '0';
  return [
    '"EXTF"',
    '700',
    '21',
    '"Buchungsstapel"',
    '13',
    created,
    '',
    '"RC"',
    '""',
    '""',
    settings.consultantNumber,
    settings.clientNumber,
    compact(fiscalStart),
    String(settings.accountLength),
    compact(from),
    compact(to),
    quote(title),
    '""',
    '1',
    '0',
    lock,
    '"EUR"',
    '',
    '""',
    '',
    '',
    quote(settings.chart === 'SKR03' ? '03' : '04'),
    '',
    '',
    '""',
    '""',
  ].join(';');
}

/** Fields after Beleginfo 5 are empty but for Festschreibung and Abrechnungsreferenz: written as fixed runs of `;`. */
const LEADING_FIELDS = F.beleginfoArt1 + 10;
const separators = (count: number) => ';'.repeat(count);
const TO_FESTSCHREIBUNG = separators(F.festschreibung - LEADING_FIELDS + 1);
const TO_ABRECHNUNGSREFERENZ = separators(F.abrechnungsreferenz - F.festschreibung);
const TO_END = separators(DATEV_COLUMNS.length - 1 - F.abrechnungsreferenz);
const HEADING_LINE = DATEV_COLUMNS.map((column) => column.name).join(';');

/** What a booking line takes from its row: Belegfeld 1 and Beleginfo 1–5 (fields 21–30), shared by the row's lines. */
interface DocumentFields {
  row: Booking['row'];
  source: string;
  beleg: string;
  infos: string;
}

function documentFields(booking: Booking, changes: ExportChange[]): DocumentFields {
  const report = (field: string, from: string, to: string) => {
    if (from !== to)
      changes.push({ sourceLine: booking.row?.line, settlementId: booking.settlementId, field, from, to });
  };
  const source = belegfeldSource(booking);
  const beleg = sanitiseBelegfeld(source).slice(0, BELEGFELD_1_MAX);
  report('Belegfeld 1', source, beleg);
  const row = booking.row;
  const infos: [string, string][] = row
    ? [
        ['Amazon Charge ID', row.amazonTransactionId],
        ['Charge Permission', row.amazonOrderReferenceId],
        ['Settlement ID', row.settlementId],
        ['Seller Order ID', row.sellerOrderId],
        ['Seller Reference', row.sellerReferenceId],
      ]
    : [['Settlement ID', booking.settlementId]];
  const cells = ['', '', '', '', '', '', '', '', '', ''];
  infos
    .filter(([, value]) => value !== '')
    .forEach(([kind, value], i) => {
      const written = toWindows1252Text(value).slice(0, BELEGINFO_INHALT_MAX);
      report(`Beleginfo - Inhalt ${i + 1}`, value, written);
      cells[2 * i] = quote(kind);
      cells[2 * i + 1] = quote(written);
    });
  return { row, source, beleg: quote(beleg), infos: cells.join(';') };
}

function bookingLine(
  booking: Booking,
  settings: DatevSettings,
  changes: ExportChange[],
  document: DocumentFields,
): string {
  const umsatz = formatMinor(Math.abs(booking.amountMinor), 'EUR', ',');
  refuseUnless(UMSATZ_PATTERN.test(umsatz), `The amount ${umsatz} EUR does not fit DATEV's Umsatz field.`, 'umsatz');
  const text = buchungstext(booking);
  const written = toWindows1252Text(text).slice(0, BUCHUNGSTEXT_MAX);
  if (written !== text) {
    changes.push({
      sourceLine: booking.row?.line,
      settlementId: booking.settlementId,
      field: 'Buchungstext',
      from: text,
      to: written,
    });
  }
  const taxKey = booking.kind === 'fee' && settings.feeTaxKey ? quote(settings.feeTaxKey) : '';
  const date = `${booking.date.slice(8, 10)}${booking.date.slice(5, 7)}`;
  const lock = settings.lockBookings ? '1' : '0';
  const reference = quote(toWindows1252Text(booking.settlementId).slice(0, 50));
  // Fields 1–20 (Beleglink is the 20th), then Beleginfo 1–5, then the fixed tail.
  return (
    `${umsatz};${booking.amountMinor > 0 ? '"S"' : '"H"'};"EUR";;;;${settings.accounts.clearing};${settings.accounts[booking.role]};` +
    `${taxKey};${date};${document.beleg};;;${quote(written)};;;;;;;${document.infos}` +
    `${TO_FESTSCHREIBUNG}${lock}${TO_ABRECHNUNGSREFERENZ}${reference}${TO_END}`
  );
}

export function exportDatev(input: DatevExportInput): ExportResult {
  refuseUnless(
    input.currency === 'EUR',
    `DATEV files here are in EUR only; this ledger is in ${input.currency}. Export it as CSV (generic, Xero or QuickBooks) or ask your tax adviser how to book it.`,
    'currency',
    input.currency,
  );
  const problems = validateDatevSettings(input.settings);
  refuseUnless(
    problems.length === 0,
    `Check the DATEV settings: ${problems.map((p) => p.message).join(' ')}`,
    'settings',
  );
  refuseUnless(input.bookings.length > 0, 'There is nothing to book in this period.', 'empty');
  const outside = input.bookings.find(
    (b) => b.currency !== 'EUR' || b.date < input.period.from || b.date > input.period.to,
  );
  refuseUnless(
    !outside,
    'A booking lies outside the chosen period or currency; export again from the ledger.',
    'period',
  );

  const byFiscalYear = new Map<LocalDate, Booking[]>();
  for (const booking of input.bookings) {
    const start = fiscalYearStart(booking.date, input.settings.fiscalYearStartMonth);
    (byFiscalYear.get(start) ?? byFiscalYear.set(start, []).get(start)!).push(booking);
  }
  const changes: ExportChange[] = [];
  const files: ExportFile[] = [];
  for (const [fiscalStart, bookings] of [...byFiscalYear].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const from = input.period.from > fiscalStart ? input.period.from : fiscalStart;
    const end = fiscalYearEnd(fiscalStart);
    const to = input.period.to < end ? input.period.to : end;
    const parts = Math.ceil(bookings.length / DATEV_MAX_LINES);
    for (let part = 0; part < parts; part++) {
      const slice = bookings.slice(part * DATEV_MAX_LINES, (part + 1) * DATEV_MAX_LINES);
      const lines = [headerLine(input, fiscalStart, from, to), HEADING_LINE];
      let document: DocumentFields | undefined;
      for (const booking of slice) {
        const shared =
          document && booking.row && document.row === booking.row && document.source === belegfeldSource(booking);
        if (!shared) document = documentFields(booking, changes);
        lines.push(bookingLine(booking, input.settings, changes, document!));
      }
      const suffix = parts > 1 ? `_${part + 1}` : '';
      files.push({
        name: `EXTF_Buchungsstapel_AmazonPay_${fileNamePart(input.accountName)}_${compact(from)}-${compact(to)}${suffix}.csv`,
        mimeType: 'text/csv;charset=windows-1252',
        bytes: encodeWindows1252Lines(lines, '\r\n'),
        lineCount: slice.length,
      });
    }
  }
  return { files, changes };
}

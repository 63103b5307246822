/**
 * DATEV Buchungsstapel (EXTF, Versionsnummer 700, Formatkategorie 21 "Buchungsstapel", Formatversion 13) from
 * bookings: line 1 the 31 header fields, line 2 the 125 column names, then one line per booking, each against the
 * Amazon Pay clearing account. Windows-1252 without BOM, `;`, CRLF after every line, decimal comma; text quoted with
 * quotes doubled, amounts, numbers, accounts and dates unquoted. One file per fiscal year (Belegdatum has no year;
 * DATEV takes it from the header), split further at 99 999 lines. Field rules and sources: docs/books-formats.md.
 */
import type { Booking, BookingRole } from './bookings';
import { DATEV_COLUMNS, datevColumnIndex } from './datev-columns';
import { compact, fiscalYearEnd, fiscalYearStart, headerLine, quote } from './datev-header';
import { type DatevSettings, validateDatevSettings } from './datev-settings';
import { BELEGFELD_1_MAX, BUCHUNGSTEXT_MAX, belegfeldSource, buchungstext, sanitiseBelegfeld } from './datev-text';
import { ExportRefusedError } from './errors';
import { type ExportChange, type ExportFile, type ExportResult, fileNamePart } from './export-types';
import { formatMinor } from './money';
import type { LocalDate, Period } from './time-zone';
import { encodeWindows1252, toWindows1252Text } from './windows-1252';
import { Windows1252Writer } from './windows-1252-writer';

export const DATEV_MAX_LINES = 99_999;

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
const ABRECHNUNGSREFERENZ_MAX = 50;

function refuseUnless(condition: boolean, userMessage: string, reason: string, currency?: string): asserts condition {
  if (!condition) throw new ExportRefusedError(userMessage, { reason, currency });
}

/** Fields after Beleginfo 5 are empty but for Festschreibung and Abrechnungsreferenz: written as fixed runs of `;`. */
const LEADING_FIELDS = F.beleginfoArt1 + 10;
const separators = (count: number) => encodeWindows1252(';'.repeat(count));
const TO_FESTSCHREIBUNG = separators(F.festschreibung - LEADING_FIELDS + 1);
const TO_ABRECHNUNGSREFERENZ = separators(F.abrechnungsreferenz - F.festschreibung);
const TO_END = separators(DATEV_COLUMNS.length - 1 - F.abrechnungsreferenz);
const HEADING_LINE = DATEV_COLUMNS.map((column) => column.name).join(';');
const CRLF = encodeWindows1252('\r\n');
const SOLL = encodeWindows1252(';"S"');
const HABEN = encodeWindows1252(';"H"');
/** Fields 15–20 (Postensperre to Beleglink) are empty. */
const TO_BELEGINFO = separators(7);
const BETWEEN_BELEGFELD_AND_TEXT = separators(3);
const SEPARATOR = separators(1);
/** Umsatz has at most ten digits before the comma. */
const UMSATZ_MAX_MINOR = 999_999_999_999;
/** Most lines take about 380 bytes; the buffer grows when a file needs more. */
const BYTES_PER_LINE = 400;

/** What a booking line takes from its row: Belegfeld 1, Beleginfo 1–5 and the reference, shared by its lines. */
interface DocumentFields {
  row: Booking['row'];
  source: string;
  beleg: string;
  infos: [string, string][];
  reference: string;
  /** Where the first line of the row wrote its Beleginfo and the rest of its line. */
  tail?: { start: number; end: number };
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
  const kinds: [string, string][] = row
    ? [
        ['Amazon Charge ID', row.amazonTransactionId],
        ['Charge Permission', row.amazonOrderReferenceId],
        ['Settlement ID', row.settlementId],
        ['Seller Order ID', row.sellerOrderId],
        ['Seller Reference', row.sellerReferenceId],
      ]
    : [['Settlement ID', booking.settlementId]];
  const infos = kinds
    .filter(([, value]) => value !== '')
    .map(([kind, value], i): [string, string] => {
      const written = toWindows1252Text(value).slice(0, BELEGINFO_INHALT_MAX);
      report(`Beleginfo - Inhalt ${i + 1}`, value, written);
      return [kind, written];
    });
  const reference = toWindows1252Text(booking.settlementId).slice(0, ABRECHNUNGSREFERENZ_MAX);
  return { row, source, beleg, infos, reference };
}

/** The bytes between Soll/Haben and Belegdatum for each role: currency, both accounts and the BU-Schlüssel. */
function accountFields(settings: DatevSettings): Record<BookingRole, Uint8Array> {
  const part = (role: BookingRole) => {
    const taxKey = role === 'fees' && settings.feeTaxKey ? quote(settings.feeTaxKey) : '';
    return encodeWindows1252(`;"EUR";;;;${settings.accounts.clearing};${settings.accounts[role]};${taxKey};`);
  };
  return {
    receivables: part('receivables'),
    fees: part('fees'),
    disputes: part('disputes'),
    transit: part('transit'),
    reserve: part('reserve'),
    other: part('other'),
  };
}

function writeBookingLine(
  out: Windows1252Writer,
  booking: Booking,
  accounts: Record<BookingRole, Uint8Array>,
  lock: string,
  changes: ExportChange[],
  document: DocumentFields,
): void {
  const minor = Math.abs(booking.amountMinor);
  refuseUnless(
    minor > 0 && minor <= UMSATZ_MAX_MINOR,
    `The amount ${formatMinor(minor, 'EUR', ',')} EUR does not fit DATEV's Umsatz field.`,
    'umsatz',
  );
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
  // Fields 1–20 (Beleglink is the 20th), then Beleginfo 1–5, then the fixed tail.
  out
    .decimal(minor, 2, ',')
    .raw(booking.amountMinor > 0 ? SOLL : HABEN)
    .raw(accounts[booking.role])
    .text(booking.date.slice(8, 10))
    .text(booking.date.slice(5, 7))
    .raw(SEPARATOR)
    .quoted(document.beleg)
    .raw(BETWEEN_BELEGFELD_AND_TEXT)
    .quoted(written)
    .raw(TO_BELEGINFO);
  // From Beleginfo 1 to the line end, the lines of one row are the same: written once, then copied.
  if (document.tail) {
    out.repeat(document.tail.start, document.tail.end);
    return;
  }
  const start = out.position;
  for (let i = 0; i < 5; i++) {
    if (i > 0) out.raw(SEPARATOR);
    const info = document.infos[i];
    if (info) out.quoted(info[0]).raw(SEPARATOR).quoted(info[1]);
    else out.raw(SEPARATOR); // an empty Art and Inhalt
  }
  out.raw(TO_FESTSCHREIBUNG).text(lock).raw(TO_ABRECHNUNGSREFERENZ).quoted(document.reference).raw(TO_END).raw(CRLF);
  document.tail = { start, end: out.position };
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
  let lastDate = '';
  let yearBookings: Booking[] = [];
  for (const booking of input.bookings) {
    // Bookings come in date order: work out a fiscal year once per date.
    if (booking.date !== lastDate) {
      const start = fiscalYearStart(booking.date, input.settings.fiscalYearStartMonth);
      yearBookings = byFiscalYear.get(start) ?? byFiscalYear.set(start, []).get(start)!;
      lastDate = booking.date;
    }
    yearBookings.push(booking);
  }
  const changes: ExportChange[] = [];
  const accounts = accountFields(input.settings);
  const lock = input.settings.lockBookings ? '1' : '0';
  const files: ExportFile[] = [];
  for (const [fiscalStart, bookings] of [...byFiscalYear].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const from = input.period.from > fiscalStart ? input.period.from : fiscalStart;
    const end = fiscalYearEnd(fiscalStart);
    const to = input.period.to < end ? input.period.to : end;
    const parts = Math.ceil(bookings.length / DATEV_MAX_LINES);
    for (let part = 0; part < parts; part++) {
      const slice = bookings.slice(part * DATEV_MAX_LINES, (part + 1) * DATEV_MAX_LINES);
      const out = new Windows1252Writer((slice.length + 2) * BYTES_PER_LINE);
      out
        .text(headerLine(input, fiscalStart, from, to))
        .raw(CRLF)
        .text(HEADING_LINE)
        .raw(CRLF);
      let document: DocumentFields | undefined;
      for (const booking of slice) {
        const shared =
          document && booking.row && document.row === booking.row && document.source === belegfeldSource(booking);
        if (!shared) document = documentFields(booking, changes);
        writeBookingLine(out, booking, accounts, lock, changes, document!);
      }
      const suffix = parts > 1 ? `_${part + 1}` : '';
      files.push({
        name: `EXTF_Buchungsstapel_AmazonPay_${fileNamePart(input.accountName)}_${compact(from)}-${compact(to)}${suffix}.csv`,
        mimeType: 'text/csv;charset=windows-1252',
        bytes: out.result(),
        lineCount: slice.length,
      });
    }
  }
  return { files, changes };
}

/**
 * DATEV's rules for the text a booking line carries: Belegfeld 1 in DATEV's character set (`[\w$&%*+-/]`, at most
 * 36), Buchungstext at most 60, every text in Windows-1252. Each function returns the value to write; the caller
 * compares it with the input and reports the change.
 */
import type { SettlementCategory } from '../ledger/types';
import type { Booking } from './bookings';

export const BELEGFELD_1_MAX = 36;
export const BUCHUNGSTEXT_MAX = 60;

const GERMAN_LETTERS: Readonly<Record<string, string>> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  Ä: 'Ae',
  Ö: 'Oe',
  Ü: 'Ue',
  ß: 'ss',
};

/**
 * Umlauts spelt out, other accents dropped, every run of characters outside DATEV's set becomes one `-`; a longer
 * value keeps its last 36 characters (shop order numbers end in the part that matters); no leading `+`/`-`, so no
 * spreadsheet reads the value as a formula.
 */
const ALREADY_CLEAN = /^[A-Za-z0-9_$&%*/][A-Za-z0-9_$&%*+\-/]{0,35}$/;

export function sanitiseBelegfeld(value: string): string {
  if (ALREADY_CLEAN.test(value) && !value.endsWith('-')) return value;
  const spelt = !/[^ -~]/.test(value)
    ? value
    : value.replace(/[äöüÄÖÜß]/g, (letter) => GERMAN_LETTERS[letter] ?? letter).normalize('NFKD');
  const allowed = spelt.replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9_$&%*+\-/]+/g, '-');
  const trimmed = (s: string) => s.replace(/^[-+]+/, '').replace(/-+$/, '');
  return trimmed(trimmed(allowed).slice(-BELEGFELD_1_MAX));
}

const LABELS: Readonly<Record<SettlementCategory, string>> = {
  capture: 'Zahlung',
  refund: 'Erstattung',
  chargeback: 'Chargeback',
  atoz: 'A-bis-z-Garantie',
  dispute: 'Dispute',
  debt: 'Ausgleich Schuld',
  adjustment: 'Anpassung',
  authorization: 'Autorisierung',
  reserve: 'Reserve',
  payout: 'Auszahlung',
  other: 'Sonstiges',
};

/** Where the booking's document number comes from: the shop's order for payments, the settlement otherwise. */
export function belegfeldSource(booking: Booking): string {
  const row = booking.row;
  if (!row || booking.role === 'transit' || booking.role === 'reserve') return booking.settlementId;
  return row.sellerOrderId || row.amazonOrderReferenceId || booking.settlementId;
}

/** The full text; the file keeps its first 60 characters in Windows-1252 and reports a shortened one. */
export function buchungstext(booking: Booking): string {
  const what = booking.kind === 'fee' ? `Gebühr ${LABELS[booking.category]}` : LABELS[booking.category];
  const row = booking.row;
  const type = booking.category === 'other' && row ? ` ${row.transactionType}` : '';
  const reference = !row
    ? `${booking.settlementId} (${booking.rowCount})`
    : booking.role === 'transit' || booking.role === 'reserve'
      ? booking.settlementId
      : row.sellerOrderId || row.amazonOrderReferenceId || booking.settlementId;
  return `Amazon Pay ${what}${type} ${reference}`;
}

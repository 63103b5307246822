/**
 * The bank match as CSV for the accountant: one line per match or suggestion (its payouts and bank entries joined
 * with `|`), then one per unmatched payout (age in business days) and unmatched credit (age in days). UTF-8 with BOM, comma, amounts with a
 * `.` decimal, every text cell formula-neutralised.
 */
import { formatMinor } from '../books/money';
import { type Cell, number, text, writeCsv } from '../csv/write';
import type { AccountMatch } from './account-match';
import type { Match } from './match';

export const MATCH_CSV_COLUMNS = [
  'status',
  'rule',
  'settlement_ids',
  'currency',
  'payout_amount',
  'payout_posted',
  'bank_entry_ids',
  'bank_booking_dates',
  'bank_amount',
  'counterparty',
  'remittance',
  'age',
  'explanation',
] as const;

export function matchCsv(match: AccountMatch): string {
  const rows: Cell[][] = [MATCH_CSV_COLUMNS.map(text)];
  const pair = (status: string, m: Match) => {
    const payouts = m.payoutKeys.map((key) => match.payouts.get(key)!);
    const entries = m.entryIds.map((id) => match.entries.get(id)!);
    const currency = payouts[0]!.currency;
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    rows.push([
      text(status),
      text(m.rule),
      text(payouts.map((p) => p.settlementId).join('|')),
      text(currency),
      number(formatMinor(sum(payouts.map((p) => p.amountMinor)), currency)),
      text(payouts.map((p) => p.postedDate).join('|')),
      text(entries.map((e) => e.id).join('|')),
      text(entries.map((e) => e.bookingDate).join('|')),
      number(formatMinor(sum(entries.map((e) => e.amountMinor)), currency)),
      text(entries.map((e) => e.counterparty).join('|')),
      text(entries.map((e) => e.remittance).join('|')),
      text(''),
      text(m.explanation),
    ]);
  };
  for (const m of match.result.matches) pair('matched', m);
  for (const m of match.result.suggestions) pair('suggested', m);
  for (const m of match.result.flags) pair('flagged', m);
  for (const { payout, ageBusinessDays, state } of match.result.unmatchedPayouts) {
    rows.push([
      text('unmatched-payout'),
      text(state),
      text(payout.settlementId),
      text(payout.currency),
      number(formatMinor(payout.amountMinor, payout.currency)),
      text(payout.postedDate),
      ...[text(''), text(''), number(''), text(''), text('')],
      number(String(ageBusinessDays)),
      text(''),
    ]);
  }
  for (const { entry, ageDays } of match.result.unmatchedCredits) {
    rows.push([
      text('unmatched-credit'),
      ...[text(''), text(''), text(entry.currency), number(''), text('')],
      text(entry.id),
      text(entry.bookingDate),
      number(formatMinor(entry.amountMinor, entry.currency)),
      text(entry.counterparty),
      text(entry.remittance),
      number(String(ageDays)),
      text(''),
    ]);
  }
  return `\uFEFF${writeCsv(rows, { delimiter: ',', lineEnd: '\r\n' })}`;
}

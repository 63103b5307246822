/**
 * The search index. Every id of a row (ids.ts), its order key and its amount are terms, kept in bucket records
 * (bucket-records.ts) chosen by their first characters.
 */
import { bucketRecords, deleteBucketRecords, hashBucket, type BucketRecord } from './bucket-records';
import { rowIds, rowOrderKey } from './ids';
import type { SettlementRow } from './types';

/**
 * Terms that share this many first characters share a bucket, so a prefix at least this long is one bucket. Eight,
 * because Amazon's ids all start `P01-` or the like: fewer would put all of them into a few buckets.
 */
export const BUCKET_PREFIX = 8;
/** Marks amount terms, which only an amount query matches (never an id prefix). */
const AMOUNT_MARK = '\u0001';

export type TermRecord = BucketRecord;

/** Tabs and line breaks separate the lines of a record, so a term never holds one. */
export function cleanTerm(term: string): string {
  for (let i = 0; i < term.length; i++) {
    const c = term.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13 || c === 1) {
      return term.replace(/[\t\n\r]/g, ' ').replaceAll(AMOUNT_MARK, ' ');
    }
  }
  return term;
}

/** By the first BUCKET_PREFIX characters. */
export const bucketOf = (term: string): number => hashBucket(term, BUCKET_PREFIX);

/** Either sign of an amount: a search for 19.99 finds the capture and the refund. */
export const amountTerm = (currency: string, minor: number): string => `${Math.abs(minor)}${AMOUNT_MARK}${currency}`;

function rowTerms(row: SettlementRow): string[] {
  const terms = rowIds(row).map(cleanTerm);
  const orderKey = rowOrderKey(row);
  if (orderKey && !terms.includes(orderKey)) terms.push(orderKey);
  if (row.amountMinor !== 0) terms.push(amountTerm(row.currency, row.amountMinor));
  return terms;
}

/** The term records of one settlement's rows (all of one SettlementId and currency, in their stored order). */
export function termRecords(settlementId: string, currency: string, rows: readonly SettlementRow[]): TermRecord[] {
  return bucketRecords(settlementId, currency, rows, rowTerms, bucketOf);
}

export const deleteTerms = deleteBucketRecords;

/**
 * Calls `found` with the row index of each term in `record` that is `term` (or, with `prefix`, starts with it;
 * amount terms excepted) until it returns false.
 */
export function matchTerms(record: TermRecord, term: string, prefix: boolean, found: (index: number) => boolean): void {
  const text = record.lines;
  const needle = prefix ? `\n${term}` : `\n${term}\t`;
  for (let at = text.indexOf(needle); at !== -1;) {
    const tab = text.indexOf('\t', at + 1);
    const end = text.indexOf('\n', tab);
    const amount = prefix && text.lastIndexOf(AMOUNT_MARK, tab) > at;
    if (!amount && !found(Number(text.slice(tab + 1, end)))) return;
    at = text.indexOf(needle, end);
  }
}

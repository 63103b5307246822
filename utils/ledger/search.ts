/**
 * Search across every stored row by any id, by prefix, or by amount, answered as order timelines: capture →
 * refunds → chargebacks or claims, each with the settlement and payout that carried it. A lookup reads one bucket of
 * the term index per term (term-lookup.ts), so its time does not grow with the rows stored; a prefix must be
 * MIN_PREFIX long to be one bucket. Timelines come a page at a time: only the page's are completed and paid out,
 * however many rows matched, and every matching row is on exactly one page.
 */
import { parseMinorUnits } from './amounts';
import { currencyExponent } from './currencies';
import { BY_SETTLEMENT_ID, ORDER_KEYS, request, ROW_PAGES, SETTLEMENT_LINES, SETTLEMENTS, TERMS } from './db';
import type { StoredRow, StoredSettlement } from './db';
import { classifyQuery, rowIds, rowOrderKey, type SearchQuery } from './ids';
import { lookupOrders } from './order-index';
import { rowReader, type RowRef } from './row-pages';
import { lookupTerms } from './term-lookup';
import { amountTerm, BUCKET_PREFIX, cleanTerm } from './terms';
import { payoutReader, type CarryingPayout } from './timeline-payouts';
import type { SettlementCategory } from './types';

export type { CarryingPayout } from './timeline-payouts';

/** The shortest prefix looked up as one: a shorter text is looked up as a whole id only. */
export const MIN_PREFIX = BUCKET_PREFIX;
export const SEARCH_PAGE_SIZE = 10;

export interface OrderTimeline {
  /** The order key (`P01-1234567-1234567`), or the matched row's own id when it has none. */
  key: string;
  entries: StoredRow[];
  payouts: CarryingPayout[];
}

export interface SearchResult {
  query: SearchQuery;
  /** This page's timelines, each with every row of its order. */
  timelines: OrderTimeline[];
  /** Settlements whose SettlementId is the query. */
  settlements: StoredSettlement[];
  /** How many rows matched, on all pages together. */
  matchedRows: number;
  /** How many timelines come before this page's first one. */
  offset: number;
  /** More timelines follow this page. */
  more: boolean;
  /** The query looked like a prefix but is shorter than MIN_PREFIX: it was looked up as a whole id only. */
  prefixTooShort: boolean;
}

export interface SearchPage {
  /** Timelines to skip: a multiple of `size` to page on. */
  offset?: number;
  size?: number;
}

const STEP: Partial<Record<SettlementCategory, number>> = {
  authorization: 0,
  capture: 1,
  refund: 2,
  chargeback: 3,
  atoz: 3,
  dispute: 3,
};
const byStep = (a: StoredRow, b: StoredRow): number =>
  (STEP[a.category] ?? 4) - (STEP[b.category] ?? 4) || (a.postedAt < b.postedAt ? -1 : a.postedAt > b.postedAt ? 1 : 0);

/** Query text → minor units in a currency: `49.90`, `49,90`, `1.234,56`, `1,234.56`, JPY `1,234`. */
export function amountInCurrency(text: string, currency: string): number | undefined {
  const exponent = currencyExponent(currency);
  if (exponent === undefined) return undefined;
  const last = Math.max(text.lastIndexOf('.'), text.lastIndexOf(','));
  const decimals = last === -1 ? 0 : text.length - last - 1;
  const isDecimal = last !== -1 && (decimals <= exponent || (decimals !== 3 && decimals > 0));
  const whole = (isDecimal ? text.slice(0, last) : text).replace(/[.,]/g, '');
  const normalised = isDecimal ? `${whole}.${text.slice(last + 1)}` : whole;
  const minor = parseMinorUnits(normalised, exponent);
  return typeof minor === 'number' ? minor : undefined;
}

/** Rows with no order key form a timeline of their own first id, or of themselves when they have none. */
function timelineOf(row: StoredRow): { key: string; term?: string; isOrder?: true } {
  const orderKey = rowOrderKey(row);
  if (orderKey) return { key: orderKey, term: orderKey, isOrder: true };
  const id = rowIds(row)[0];
  return id ? { key: id, term: cleanTerm(id) } : { key: `${row.settlementId}:${row.line}` };
}

const refId = (ref: RowRef) => `${ref.settlementId}\u0000${ref.currency}\u0000${ref.index}`;
const byAddress = (a: RowRef, b: RowRef) =>
  a.settlementId < b.settlementId
    ? -1
    : a.settlementId > b.settlementId
      ? 1
      : a.currency < b.currency
        ? -1
        : a.currency > b.currency
          ? 1
          : a.index - b.index;

/** Every matching row once, in address order, so that pages of the same query always split it the same way. */
function uniqueRefs(lists: Iterable<readonly RowRef[]>): RowRef[] {
  const unique = new Map<string, RowRef>();
  for (const list of lists) for (const ref of list) unique.set(refId(ref), ref);
  return [...unique.values()].sort(byAddress);
}

export async function searchLedger(db: IDBDatabase, input: string, page: SearchPage = {}): Promise<SearchResult> {
  const { offset = 0, size = SEARCH_PAGE_SIZE } = page;
  const query = classifyQuery(input);
  const result: SearchResult = {
    query,
    timelines: [],
    settlements: [],
    matchedRows: 0,
    offset,
    more: false,
    prefixTooShort: false,
  };
  if (query.kind === 'empty') return result;
  const tx = db.transaction([TERMS, ORDER_KEYS, ROW_PAGES, SETTLEMENTS, SETTLEMENT_LINES]);
  const terms = tx.objectStore(TERMS);
  const settlements = tx.objectStore(SETTLEMENTS);
  const readRows = rowReader(tx.objectStore(ROW_PAGES));

  const exact: string[] = [];
  if (query.kind === 'id' || query.kind === 'number') exact.push(cleanTerm(query.id));
  if (query.kind === 'id' && query.orderKey) exact.push(query.orderKey);
  const prefix = query.kind === 'prefix' ? cleanTerm(query.prefix) : undefined;
  if (prefix !== undefined && prefix.length < MIN_PREFIX) {
    exact.push(prefix);
    result.prefixTooShort = true;
  }
  // Each IndexedDB read waits for the browser's database process: reads that do not depend on each other go together.
  const [named, keys] = await Promise.all([
    query.kind === 'number' ? request(settlements.index(BY_SETTLEMENT_ID).getAll(query.id)) : [],
    query.kind === 'number' || query.kind === 'amount' ? request(settlements.getAllKeys()) : [],
  ]);
  result.settlements = named;
  // Only a number or an amount read the keys: the amount in each currency the ledger holds.
  for (const currency of new Set((keys as [string, string][]).map(([, c]) => c))) {
    const minor = 'amount' in query ? amountInCurrency(query.amount, currency) : undefined;
    if (minor !== undefined && minor !== 0) exact.push(amountTerm(currency, minor));
  }
  const hits = await lookupTerms(terms, exact, result.prefixTooShort ? undefined : prefix);
  const matched = uniqueRefs([...hits.exact.values(), hits.prefixed]);
  result.matchedRows = matched.length;

  // Rows are read in order until the timelines of this page and one more are known: never all the hits.
  const found = new Map<string, { term?: string; isOrder?: true; rows: StoredRow[] }>();
  const chunk = size * 2;
  for (let at = 0; at < matched.length && found.size <= offset + size; at += chunk) {
    for (const row of await readRows(matched.slice(at, at + chunk))) {
      const { key, term, isOrder } = timelineOf(row);
      if (found.has(key)) found.get(key)!.rows.push(row);
      else found.set(key, { term, isOrder, rows: [row] });
    }
  }
  result.more = found.size > offset + size;
  const shown = [...found].slice(offset, offset + size);
  // Each timeline holds every row of its key, from every settlement, unless the query looked its term up already:
  // an order's rows from the order index (small records), any other key's from the term index.
  const missing = shown.filter(([, { term }]) => term !== undefined && !hits.exact.has(term));
  const missingOrders = missing.flatMap(([key, { isOrder }]) => (isOrder ? [key] : []));
  const missingTerms = missing.flatMap(([, { term, isOrder }]) => (isOrder ? [] : [term!]));
  const [orderRefs, termRefs] = await Promise.all([
    missingOrders.length > 0 ? lookupOrders(tx.objectStore(ORDER_KEYS), missingOrders) : new Map<string, RowRef[]>(),
    missingTerms.length > 0 ? lookupTerms(terms, missingTerms).then((h) => h.exact) : new Map<string, RowRef[]>(),
  ]);
  const completed = new Map([...orderRefs, ...termRefs]);
  const payoutsOf = payoutReader(tx);
  result.timelines = await Promise.all(
    shown.map(async ([key, { term, rows }]) => {
      const refs = term === undefined ? undefined : (hits.exact.get(term) ?? completed.get(term));
      const all = refs ? (await readRows(refs)).filter((row) => timelineOf(row).key === key) : rows;
      const entries = [...new Map(all.map((r) => [`${r.settlementId}:${r.currency}:${r.line}`, r])).values()].sort(
        byStep,
      );
      return { key, entries, payouts: await payoutsOf(entries) };
    }),
  );
  return result;
}

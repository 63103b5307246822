/**
 * Search across every stored row by any id, by prefix, or by amount, answered as order timelines: capture →
 * refunds → chargebacks or claims, each with the settlement and payout that carried it. A lookup reads one bucket of
 * the term index (terms.ts) and the row pages its hits point to, so its time depends on the hits and the number of
 * settlements, not on how many rows are stored. Only a prefix shorter than BUCKET_PREFIX reads the whole index.
 */
import { parseMinorUnits } from './amounts';
import { currencyExponent } from './currencies';
import { payingKey, payingSettlements } from './carrier';
import { BY_SETTLEMENT_ID, request, ROW_PAGES, SETTLEMENT_LINES, SETTLEMENTS, TERMS } from './db';
import type { StoredRow, StoredSettlement } from './db';
import type { SettlementLine } from './lines';
import { classifyQuery, rowIds, rowOrderKey, type SearchQuery } from './ids';
import { readRowsAt, type RowRef } from './row-pages';
import { amountTerm, BUCKET_PREFIX, bucketOf, cleanTerm, matchTerms, TERM_BUCKETS, type TermRecord } from './terms';
import type { SettlementCategory } from './types';

export interface CarryingPayout {
  settlementId: string;
  currency: string;
  payoutMinor: number;
  payoutPostedAt?: string;
}

export interface OrderTimeline {
  /** The order key (`P01-1234567-1234567`), or the matched row's own id when it has none. */
  key: string;
  entries: StoredRow[];
  payouts: CarryingPayout[];
}

export interface SearchResult {
  query: SearchQuery;
  timelines: OrderTimeline[];
  /** Settlements whose SettlementId is the query. */
  settlements: StoredSettlement[];
  /** More rows matched than `limit`; the first ones are shown. */
  truncated: boolean;
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

const bucketRange = (bucket: number) => IDBKeyRange.bound([bucket], [bucket, []]);

/** The addresses of rows with one of the `exact` terms, or an id starting with `prefix`; at most `limit`. */
async function findRows(
  terms: IDBObjectStore,
  exact: readonly string[],
  prefix: string | undefined,
  limit: number,
): Promise<RowRef[]> {
  const found = new Map<string, RowRef>();
  const collect = (record: TermRecord, term: string, isPrefix: boolean) =>
    matchTerms(record, term, isPrefix, (index) => {
      found.set(`${record.settlementId}\u0000${record.currency}\u0000${index}`, { ...record, index });
      return found.size < limit;
    });
  const buckets = new Map<number, string[]>();
  for (const term of exact) buckets.set(bucketOf(term), [...(buckets.get(bucketOf(term)) ?? []), term]);
  const exactRecords = await Promise.all(
    [...buckets.keys()].map((bucket) => request<TermRecord[]>(terms.getAll(bucketRange(bucket)))),
  );
  [...buckets.values()].forEach((bucketTerms, i) => {
    for (const record of exactRecords[i]!) for (const term of bucketTerms) collect(record, term, false);
  });
  if (prefix !== undefined && found.size < limit) {
    if (prefix.length >= BUCKET_PREFIX) {
      for (const record of await request<TermRecord[]>(terms.getAll(bucketRange(bucketOf(prefix))))) {
        collect(record, prefix, true);
      }
    } else {
      for (let bucket = 0; bucket < TERM_BUCKETS && found.size < limit; bucket++) {
        for (const record of await request<TermRecord[]>(terms.getAll(bucketRange(bucket)))) {
          collect(record, prefix, true);
        }
      }
    }
  }
  return [...found.values()].slice(0, limit);
}

const timelineKey = (row: StoredRow): string => rowOrderKey(row) ?? rowIds(row)[0] ?? `${row.settlementId}:${row.line}`;

export async function searchLedger(db: IDBDatabase, input: string, limit = 50): Promise<SearchResult> {
  const query = classifyQuery(input);
  const result: SearchResult = { query, timelines: [], settlements: [], truncated: false };
  if (query.kind === 'empty') return result;
  const tx = db.transaction([TERMS, ROW_PAGES, SETTLEMENTS, SETTLEMENT_LINES]);
  const terms = tx.objectStore(TERMS);
  const pages = tx.objectStore(ROW_PAGES);
  const settlements = tx.objectStore(SETTLEMENTS);

  const exact: string[] = [];
  if (query.kind === 'id' || query.kind === 'number') exact.push(cleanTerm(query.id));
  if (query.kind === 'id' && query.orderKey) exact.push(query.orderKey);
  // Each IndexedDB read waits for the browser's database process: reads that do not depend on each other go together.
  const [named, keys] = await Promise.all([
    query.kind === 'number' ? request(settlements.index(BY_SETTLEMENT_ID).getAll(query.id)) : [],
    query.kind === 'number' || query.kind === 'amount' ? request(settlements.getAllKeys()) : [],
  ]);
  result.settlements = named;
  if (query.kind === 'number' || query.kind === 'amount') {
    for (const currency of new Set((keys as [string, string][]).map(([, c]) => c))) {
      const minor = amountInCurrency(query.amount, currency);
      if (minor !== undefined && minor !== 0) exact.push(amountTerm(currency, minor));
    }
  }
  const prefix = query.kind === 'prefix' ? cleanTerm(query.prefix) : undefined;
  const matched = await readRowsAt(pages, await findRows(terms, exact, prefix, limit + 1));
  result.truncated = matched.length > limit;
  const summaries = new Map<string, Promise<StoredSettlement | undefined>>();
  const summaryOf = (settlementId: string, currency: string) => {
    const id = payingKey(settlementId, currency);
    if (!summaries.has(id)) summaries.set(id, request(settlements.get([settlementId, currency])));
    return summaries.get(id)!;
  };
  // The settlements of the rows found so far pay most timelines out: read while the timelines are completed.
  for (const row of matched) summaryOf(row.settlementId, row.currency).catch(() => undefined);
  // A settlement that balances is paid by its own Transfer; only one that does not needs the chain (carrier.ts).
  let chain: Promise<Map<string, string | undefined>> | undefined;
  const payerOf = async (settlementId: string, currency: string) => {
    const own = await summaryOf(settlementId, currency);
    if (!own || own.identity.carry === 0) return own && settlementId;
    chain ??= request<SettlementLine[]>(tx.objectStore(SETTLEMENT_LINES).getAll()).then(payingSettlements);
    return (await chain).get(payingKey(settlementId, currency));
  };

  const timelines = new Map<string, StoredRow[]>();
  for (const row of matched) {
    const key = timelineKey(row);
    if (!timelines.has(key) && timelines.size < limit) timelines.set(key, []);
  }
  // Every timeline's order key in one lookup, so keys in one bucket share its read and pages are read once.
  const orderKeys = [...timelines.keys()].filter((key) => matched.some((r) => rowOrderKey(r) === key));
  // An id query looked its order key up already: unless that lookup was cut short, it found every row of the order.
  const found = !result.truncated && orderKeys.every((key) => exact.includes(key));
  const orderRows = found ? matched : await readRowsAt(pages, await findRows(terms, orderKeys, undefined, Infinity));
  const expanded = [...timelines.keys()].map((key) => {
    const all = orderKeys.includes(key)
      ? orderRows.filter((r) => rowOrderKey(r) === key)
      : matched.filter((r) => timelineKey(r) === key);
    const unique = new Map(all.map((r) => [`${r.settlementId}:${r.currency}:${r.line}`, r]));
    return { key, entries: [...unique.values()].sort(byStep) };
  });
  result.timelines = await Promise.all(
    expanded.map(async ({ key, entries }) => {
      const own = new Map(entries.map((e) => [payingKey(e.settlementId, e.currency), e]));
      const carried = new Map<string, [string, string]>();
      for (const e of own.values()) {
        const payer = await payerOf(e.settlementId, e.currency);
        if (payer) carried.set(payingKey(payer, e.currency), [payer, e.currency]);
      }
      const payouts = await Promise.all([...carried.values()].map(([id, currency]) => summaryOf(id, currency)));
      return {
        key,
        entries,
        payouts: payouts.flatMap((s) => (s ? [payoutOf(s)] : [])),
      };
    }),
  );
  return result;
}

function payoutOf(settlement: StoredSettlement): CarryingPayout {
  const payout: CarryingPayout = {
    settlementId: settlement.settlementId,
    currency: settlement.currency,
    payoutMinor: settlement.identity.payout,
  };
  if (settlement.payoutPostedAt) payout.payoutPostedAt = settlement.payoutPostedAt;
  return payout;
}

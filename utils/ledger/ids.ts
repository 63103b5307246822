/**
 * Identifiers a ledger row can be found by, and the shape of a search query. Amazon ids share their first three
 * groups (`P01-1234567-1234567`): the charge permission, and its charges (`…-C034811`) and refunds (`…-R017571`),
 * so that prefix is the order key that ties a timeline together. The letter and digits before the first dash vary
 * by region (`S02-…`), so they are not hard-coded.
 */
import type { SettlementRow } from './types';

const ORDER_KEY = /^[A-Z]\d{2}-\d{7}-\d{7}/;
const ORDER_KEY_LENGTH = 19;

/**
 * `raw` trimmed and upper-cased. Import runs this for every id of every row: an id of printable ASCII without
 * lower-case letters (nearly all of them) is returned as it is, with no new string.
 */
export function normaliseId(raw: string): string {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c <= 32 || c >= 127 || (c >= 97 && c <= 122)) return raw.trim().toUpperCase();
  }
  return raw;
}

export function orderKeyOf(id: string): string | undefined {
  const value = normaliseId(id);
  return ORDER_KEY.test(value) ? value.slice(0, ORDER_KEY_LENGTH) : undefined;
}

/** Import indexes every row by these, so no Set or array per id: a plain list with an includes check. */
function addId(ids: string[], raw: string): void {
  const value = normaliseId(raw);
  if (value && !ids.includes(value)) ids.push(value);
}

/** Every id of a row, upper-cased: Amazon's ids, the merchant's references, and a Shopify `…#1234` tail. */
export function rowIds(row: SettlementRow): string[] {
  const ids: string[] = [];
  addId(ids, row.amazonTransactionId);
  addId(ids, row.amazonOrderReferenceId);
  addId(ids, row.sellerReferenceId);
  addId(ids, row.sellerOrderId);
  const hash = row.sellerOrderId.lastIndexOf('#');
  if (hash !== -1) addId(ids, row.sellerOrderId.slice(hash + 1));
  return ids;
}

/** The order key of a row: from its order reference, else its transaction id. */
export function rowOrderKey(row: SettlementRow): string | undefined {
  return orderKeyOf(row.amazonOrderReferenceId) ?? orderKeyOf(row.amazonTransactionId);
}

export type SearchQuery =
  | { kind: 'empty' }
  | { kind: 'id'; id: string; orderKey?: string }
  /** Digits only: an order number, a settlement id, or an amount without decimals. */
  | { kind: 'number'; id: string; amount: string }
  | { kind: 'amount'; amount: string }
  | { kind: 'prefix'; prefix: string };

export function classifyQuery(input: string): SearchQuery {
  const text = input.trim().replace(/^#/, '').toUpperCase();
  if (!text) return { kind: 'empty' };
  const orderKey = orderKeyOf(text);
  if (orderKey && /^[A-Z]\d{2}-\d{7}-\d{7}(-[A-Z]\d{6,7})?$/.test(text)) return { kind: 'id', id: text, orderKey };
  if (/^\d+$/.test(text)) return { kind: 'number', id: text, amount: text };
  if (/^-?\d{1,3}([.,]\d{3})*[.,]\d{1,3}$|^-?\d+[.,]\d{1,3}$/.test(text)) return { kind: 'amount', amount: text };
  return { kind: 'prefix', prefix: text };
}

/**
 * Looks terms up in the term index (terms.ts): each term's bucket is read once, whatever the number of terms in it,
 * and buckets are read together. A prefix is looked up only when it is at least BUCKET_PREFIX long, so that it too
 * is one bucket: a shorter one would have to read the whole index, one bucket after another.
 */
import { readBucket } from './bucket-records';
import type { RowRef } from './row-pages';
import { BUCKET_PREFIX, bucketOf, matchTerms, type TermRecord } from './terms';

export interface TermHits {
  /** The rows of each exact term, in index order (record by record, row index within each). */
  exact: Map<string, RowRef[]>;
  /** The rows with a term starting with the prefix. */
  prefixed: RowRef[];
}

function addRefs(refs: RowRef[], record: TermRecord, term: string, isPrefix: boolean): void {
  const { settlementId, currency } = record;
  matchTerms(record, term, isPrefix, (index) => refs.push({ settlementId, currency, index }) > 0);
}

/** Every row with one of the `exact` terms, and (when it is long enough to be one bucket) every one with `prefix`. */
export async function lookupTerms(terms: IDBObjectStore, exact: readonly string[], prefix?: string): Promise<TermHits> {
  const wanted = new Map<number, { exact: string[]; prefix?: string }>();
  const inBucket = (term: string) => {
    const bucket = bucketOf(term);
    if (!wanted.has(bucket)) wanted.set(bucket, { exact: [] });
    return wanted.get(bucket)!;
  };
  for (const term of exact) inBucket(term).exact.push(term);
  if (prefix !== undefined && prefix.length >= BUCKET_PREFIX) inBucket(prefix).prefix = prefix;
  const buckets = [...wanted];
  const records = await Promise.all(buckets.map(([bucket]) => readBucket(terms, bucket)));
  const hits: TermHits = { exact: new Map(exact.map((term) => [term, []])), prefixed: [] };
  buckets.forEach(([, want], i) => {
    for (const record of records[i]!) {
      for (const term of want.exact) addRefs(hits.exact.get(term)!, record, term, false);
      if (want.prefix !== undefined) addRefs(hits.prefixed, record, want.prefix, true);
    }
  });
  return hits;
}

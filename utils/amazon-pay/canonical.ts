/**
 * Pure canonicalisation for Amazon Pay request signing (amazon-pay-api.md §1.3, §1.7): query strings,
 * canonical headers, the canonical request and the `x-amz-pay-date` format.
 */
import { decodeQueryComponent, encodeRfc3986 } from './encoding';

/** Query parameters as callers supply them; undefined and empty values are left out. */
export type QueryParams = Record<string, string | number | undefined>;

/** Inputs of the canonical request; `headers` are exactly the headers to sign. */
export interface CanonicalRequestInput {
  method: string;
  /** Parsed already where the caller needs its host too: the signer parses each URL once. */
  url: string | URL;
  headers: Record<string, string>;
  /** Lower-case hex SHA-256 of the body (of '' when there is none). */
  payloadHash: string;
}

/** Code-unit order; localeCompare would depend on the runtime's locale. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Encodes names and values RFC 3986, sorts by encoded name then value, joins as `n=v&…`. */
function encodeAndSort(pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs
    .map(([name, value]) => [encodeRfc3986(name), encodeRfc3986(value)] as const)
    .sort((a, b) => compareCodeUnits(a[0], b[0]) || compareCodeUnits(a[1], b[1]))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

/** The canonical query string (no leading `?`), which is also exactly what the URL must carry. */
export function buildQueryString(params: QueryParams): string {
  const pairs = Object.entries(params)
    .filter((entry): entry is [string, string | number] => entry[1] != null && entry[1] !== '')
    .map(([name, value]) => [name, String(value)] as const);
  return encodeAndSort(pairs);
}

/** `base` + `/` + `path` (path sent as given) + `?` + the canonical query when there is one. */
export function buildUrl(base: string, path: string, params?: QueryParams): string {
  const joined = path ? `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}` : base;
  const query = params ? buildQueryString(params) : '';
  return query ? `${joined}?${query}` : joined;
}

/** Canonical form of a raw query (with or without `?`): decoded, re-encoded RFC 3986, sorted. */
export function canonicalQueryString(rawQuery: string): string {
  const query = rawQuery.startsWith('?') ? rawQuery.slice(1) : rawQuery;
  if (isCanonicalQuery(query)) return query;
  const pairs = query
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      const [name, value] = eq < 0 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
      return [decodeQueryComponent(name), decodeQueryComponent(value)] as const;
    });
  return encodeAndSort(pairs);
}

/** `A-Z a-z 0-9 - . _ ~`, which RFC 3986 leaves raw; every other byte is percent-encoded. */
const isUnreserved = (code: number) =>
  (code >= 0x61 && code <= 0x7a) ||
  (code >= 0x41 && code <= 0x5a) ||
  (code >= 0x30 && code <= 0x39) ||
  code === 0x2d ||
  code === 0x2e ||
  code === 0x5f ||
  code === 0x7e;
const upperHexValue = (code: number) =>
  code >= 0x30 && code <= 0x39 ? code - 0x30 : code >= 0x41 && code <= 0x46 ? code - 0x37 : -1;

/**
 * Whether decoding and re-encoding would give the query back unchanged, as for every URL buildUrl makes: each part
 * `name=value`, only unreserved characters and upper-case escapes of reserved ASCII, parts already in order. Saves
 * the signer a decode, an encode and a sort per request; anything else takes the full path.
 */
function isCanonicalQuery(query: string): boolean {
  if (query === '') return true;
  let partStart = 0;
  let previous = '';
  for (let i = 0; i <= query.length; i++) {
    const code = i < query.length ? query.charCodeAt(i) : 0x26;
    if (code === 0x26) {
      const part = query.slice(partStart, i);
      const eq = part.indexOf('=');
      if (eq <= 0 || part.indexOf('=', eq + 1) >= 0) return false;
      if (previous && !precedes(previous, part, eq)) return false;
      previous = part;
      partStart = i + 1;
    } else if (code === 0x25) {
      const high = upperHexValue(query.charCodeAt(i + 1));
      const low = upperHexValue(query.charCodeAt(i + 2));
      if (high < 0 || low < 0 || high > 7 || isUnreserved(high * 16 + low)) return false;
      i += 2;
    } else if (code !== 0x3d && !isUnreserved(code)) return false;
  }
  return true;
}

/** Sorted by name, then value, as encodeAndSort orders them. */
function precedes(previous: string, part: string, eq: number): boolean {
  const previousEq = previous.indexOf('=');
  return (
    (compareCodeUnits(previous.slice(0, previousEq), part.slice(0, eq)) ||
      compareCodeUnits(previous.slice(previousEq + 1), part.slice(eq + 1))) <= 0
  );
}

/** `name:value\n` lines sorted by lower-cased name, and the `;`-joined signed-headers list. */
export function canonicalHeaders(headers: Record<string, string>): { canonical: string; signedHeaders: string } {
  const entries = Object.entries(headers)
    .map(([name, value]) => [name.toLowerCase(), value] as const)
    .sort((a, b) => compareCodeUnits(a[0], b[0]));
  entries.forEach(([name], i) => {
    if (i > 0 && entries[i - 1]?.[0] === name) throw new Error(`Header "${name}" is given twice`);
  });
  return {
    canonical: entries.map(([name, value]) => `${name}:${value}\n`).join(''),
    signedHeaders: entries.map(([name]) => name).join(';'),
  };
}

/** Parses a URL to sign, with an error that says what is wrong. */
export function parseAbsoluteUrl(url: string | URL): URL {
  if (url instanceof URL) return url;
  try {
    return new URL(url);
  } catch {
    throw new Error(`Cannot sign "${url}": not an absolute URL`);
  }
}

/**
 * The canonical request. The path is the one `fetch` puts on the wire for this URL (the WHATWG URL
 * parser's pathname), with no further normalisation; the query is canonicalised as above.
 */
export function canonicalRequest(input: CanonicalRequestInput): string {
  return canonicalRequestParts(input).canonicalRequest;
}

/** The canonical request with the signed-headers list it contains, which the Authorization header repeats. */
export function canonicalRequestParts(input: CanonicalRequestInput): {
  canonicalRequest: string;
  signedHeaders: string;
} {
  const url = parseAbsoluteUrl(input.url);
  const { canonical, signedHeaders } = canonicalHeaders(input.headers);
  const lines = [input.method.toUpperCase(), url.pathname, canonicalQueryString(url.search), canonical, signedHeaders];
  return { canonicalRequest: `${lines.join('\n')}\n${input.payloadHash}`, signedHeaders };
}

const twoDigits = (value: number) => (value < 10 ? `0${value}` : `${value}`);

/** Compact UTC `x-amz-pay-date`, e.g. `20240115T123456Z` (docs and the PHP/Java/.NET SDKs). */
export function formatAmzDate(date: Date): string {
  const year = date.getUTCFullYear();
  if (Number.isNaN(year)) throw new Error('Cannot format an invalid Date as x-amz-pay-date');
  if (year < 0 || year > 9999) throw new Error(`Cannot format the year ${year} as x-amz-pay-date`);
  return (
    `${year}`.padStart(4, '0') +
    twoDigits(date.getUTCMonth() + 1) +
    twoDigits(date.getUTCDate()) +
    `T${twoDigits(date.getUTCHours())}${twoDigits(date.getUTCMinutes())}${twoDigits(date.getUTCSeconds())}Z`
  );
}

const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(?:\.(\d{1,9}))?Z$/;
const EXTENDED_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/;

/** Parses `20240115T123456Z` and `2024-01-15T12:34:56Z` (the Node SDK's form), optionally with a fraction. */
export function parseAmzDate(text: string): Date {
  const match = COMPACT_DATE.exec(text) ?? EXTENDED_DATE.exec(text);
  if (!match) throw new Error(`"${text}" is not an x-amz-pay-date (expected 20240115T123456Z or 2024-01-15T12:34:56Z)`);
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const millis = Number((match[7] ?? '0').padEnd(3, '0').slice(0, 3));
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis));
  const roundTrips =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  if (!roundTrips) throw new Error(`"${text}" is not a valid calendar date and time`);
  return date;
}

import { describe, expect, it } from 'vitest';
import { encodeRfc3986 } from '@/utils/amazon-pay/encoding';
import { buildQueryString, buildUrl, canonicalQueryString } from '@/utils/amazon-pay/signing';
import { readVectorFile } from './support/vectors';

interface EncodingCase {
  value: string;
  nodeSdk: string;
  rfc3986: string;
  same: boolean;
}

const { cases } = readVectorFile<{ cases: EncodingCase[] }>('query-encoding-cases.json');

describe('RFC 3986 encoding against query-encoding-cases.json', () => {
  it.each(cases)('$value → $rfc3986', ({ value, nodeSdk, rfc3986, same }) => {
    expect(encodeRfc3986(value)).toBe(rfc3986);
    expect(buildQueryString({ v: value })).toBe(`v=${rfc3986}`);
    // A URL written the Node SDK's way (encodeURIComponent) signs to the RFC 3986 form.
    expect(canonicalQueryString(`v=${nodeSdk}`)).toBe(`v=${rfc3986}`);
    expect(encodeURIComponent(value) === rfc3986).toBe(same);
  });

  it('holds the one case where the Node SDK differs', () => {
    expect(cases.filter((c) => !c.same).map((c) => c.value)).toEqual(["!'()*"]);
  });
});

describe('RFC 3986 encoding of every ASCII character', () => {
  const unreserved = /^[A-Za-z0-9\-._~]$/;
  it.each(Array.from({ length: 128 }, (_, code) => String.fromCharCode(code)))('%j', (char) => {
    const expected = unreserved.test(char)
      ? char
      : `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
    expect(encodeRfc3986(char)).toBe(expected);
  });

  it('rejects an unpaired surrogate clearly', () => {
    expect(() => encodeRfc3986('\ud800')).toThrow(/unpaired UTF-16 surrogate/);
  });
});

describe('buildQueryString', () => {
  it.each<[string, Record<string, string | number | undefined>, string]>([
    ['empty', {}, ''],
    ['drops undefined and empty values', { a: undefined, b: '', c: 0, d: 'x' }, 'c=0&d=x'],
    [
      'sorts by name',
      { pageSize: 10, createdSince: '2024-01-01T00:00:00Z', nextToken: 'T' },
      'createdSince=2024-01-01T00%3A00%3A00Z&nextToken=T&pageSize=10',
    ],
    ['upper case before lower case', { b: 1, B: 2, a: 3 }, 'B=2&a=3&b=1'],
    ['plain string order for numbered names', { 'A.2': 'x', 'A.10': 'y', 'A.1': 'z' }, 'A.1=z&A.10=y&A.2=x'],
    ['encodes names too and sorts the encoded names, as the Java SDK does', { 'a b': '1', é: '2' }, '%C3%A9=2&a%20b=1'],
    ['space as %20, + as %2B', { q: 'a b+c' }, 'q=a%20b%2Bc'],
    [
      'reserved characters',
      { q: '@#$%^&+=/,?><`";:\\|][{}' },
      'q=%40%23%24%25%5E%26%2B%3D%2F%2C%3F%3E%3C%60%22%3B%3A%5C%7C%5D%5B%7B%7D',
    ],
  ])('%s', (_name, params, expected) => {
    expect(buildQueryString(params)).toBe(expected);
  });
});

describe('buildUrl', () => {
  it.each<[string, string, Record<string, string | number | undefined> | undefined, string]>([
    ['https://pay-api.amazon.com/v2', 'reports', undefined, 'https://pay-api.amazon.com/v2/reports'],
    ['https://pay-api.amazon.com/v2/', '/reports', {}, 'https://pay-api.amazon.com/v2/reports'],
    [
      'https://pay-api.amazon.eu/live/v2',
      'reports/R1',
      { x: undefined },
      'https://pay-api.amazon.eu/live/v2/reports/R1',
    ],
    [
      'https://pay-api.amazon.jp/v2',
      'reports',
      { nextToken: 'Ab+c/d==', pageSize: 5 },
      'https://pay-api.amazon.jp/v2/reports?nextToken=Ab%2Bc%2Fd%3D%3D&pageSize=5',
    ],
    [
      'https://pay-api.amazon.com/v2',
      'report-schedules/',
      undefined,
      'https://pay-api.amazon.com/v2/report-schedules/',
    ],
  ])('%s + %s', (base, path, params, url) => {
    expect(buildUrl(base, path, params)).toBe(url);
  });
});

describe('canonicalQueryString (decode, re-encode RFC 3986, sort)', () => {
  it.each([
    ['', ''],
    ['?', ''],
    ['?b=2&a=1', 'a=1&b=2'],
    ['foo=b&foo=a', 'foo=a&foo=b'],
    ['foo=aha&foo=Zoo', 'foo=Zoo&foo=aha'],
    ['q=a%20b', 'q=a%20b'],
    ['q=a+b', 'q=a%2Bb'],
    ['q=%7e%2a', 'q=~%2A'],
    ["q=!'()*", 'q=%21%27%28%29%2A'],
    ['q=caf%c3%a9', 'q=caf%C3%A9'],
    ['flag&a=1', 'a=1&flag='],
    ['a=1&&b=2&', 'a=1&b=2'],
    ['t=x=y', 't=x%3Dy'],
    ['q=%41%2d', 'q=A-'],
    ['q=%2a', 'q=%2A'],
    ['q=%C3%A9', 'q=%C3%A9'],
    ['a=1&a=1', 'a=1&a=1'],
    ['=v', '=v'],
    ['q=a b', 'q=a%20b'],
  ])('%j → %j', (raw, canonical) => {
    expect(canonicalQueryString(raw)).toBe(canonical);
  });

  it('is a fixed point for every string buildQueryString makes', () => {
    const query = buildQueryString({
      nextToken: "x+y z%2F&k=v/é==!'()*",
      createdSince: '2024-01-01T00:00:00Z',
      pageSize: 3,
    });
    expect(canonicalQueryString(query)).toBe(query);
  });

  it('rejects malformed percent-encoding', () => {
    for (const raw of ['q=%zz', 'q=%2', 'q=%G1', 'q=%C3']) {
      expect(() => canonicalQueryString(raw), raw).toThrow(/Malformed percent-encoding/);
    }
  });

  it('gives the same canonical form for a built query and any rewriting of it (fast path against full path)', () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const alphabet = ['a', 'Z', '0', '-', '.', '_', '~', ' ', '+', '/', '=', '&', '%', ':', '*', "'", 'é', '東', '😀'];
    const text = () => Array.from({ length: 1 + random(6) }, () => alphabet[random(alphabet.length)]).join('');
    for (let run = 0; run < 300; run++) {
      const params = Object.fromEntries(Array.from({ length: 1 + random(4) }, () => [text(), text()]));
      const built = buildQueryString(params);
      expect(canonicalQueryString(built)).toBe(built);
      // Lower-case escapes, reversed order: the same query written otherwise, which only the full path reads.
      const rewritten = built
        .split('&')
        .reverse()
        .join('&')
        .replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
      expect(canonicalQueryString(`?${rewritten}`)).toBe(built);
    }
  });
});

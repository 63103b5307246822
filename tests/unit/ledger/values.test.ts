import { describe, expect, it } from 'vitest';
import { parseMinorUnits, parseMinorUnitsIn } from '../../../utils/ledger/amounts';
import { categoryOf } from '../../../utils/ledger/categories';
import { currencyExponent } from '../../../utils/ledger/currencies';
import { normaliseId } from '../../../utils/ledger/ids';
import { cleanTerm } from '../../../utils/ledger/terms';
import { parsePostedAt, parsePostedAtIn } from '../../../utils/ledger/posted-at';

describe('parseMinorUnits', () => {
  it.each([
    ['0', 2, 0],
    ['-0.29', 2, -29],
    ['10.00', 2, 1000],
    ['1,234.56', 2, 123456],
    ['1,234,567.8', 2, 123456780],
    [' +7.5 ', 2, 750],
    ['(12.34)', 2, -1234],
    ['12.34-', 2, -1234],
    ['-0.00', 2, 0],
    ['1,234', 0, 1234],
    ['1,234.00', 0, 1234],
    ['1.230', 2, 123],
    ['0.125', 3, 125],
    ['5', 4, 50000],
  ])('%s with exponent %i is %i minor units', (raw, exponent, minor) => {
    expect(parseMinorUnits(raw, exponent)).toBe(minor);
  });

  it.each([
    ['12.345', 2, /3 decimals; the currency has 2. It was not rounded/],
    ['100.5', 0, /1 decimals; the currency has 0/],
    ['12,34', 2, /not an amount/],
    ['1,2345.00', 2, /not an amount/],
    ['', 2, /not an amount/],
    ['1.2.3', 2, /not an amount/],
    ['€12.00', 2, /not an amount/],
    ['-12.00-', 2, /two signs/],
    ['99999999999999999.99', 2, /too large/],
  ])('%s with exponent %i is refused', (raw, exponent, message) => {
    expect(parseMinorUnits(raw, exponent)).toMatch(message);
  });
});

describe('reading in place (the parser reads amounts and times inside the file text)', () => {
  const line = '"2015-10-01T07:06:47 -0700","( 1,234.56 )","12.345","2015-10-01T07:06:47"';
  const field = (n: number): [number, number] => {
    const start = line.split('"', 2 * n + 1).join('"').length + 1;
    return [start, line.indexOf('"', start)];
  };

  it('reads only the range it is given, as the same text on its own would read', () => {
    expect(parsePostedAtIn(line, ...field(0))).toBe('2015-10-01T14:06:47Z');
    expect(parseMinorUnitsIn(line, ...field(1), 2)).toBe(-123456);
    expect(parsePostedAtIn(line, ...field(3))).toBeUndefined();
  });

  it('quotes only its own range in an error', () => {
    expect(parseMinorUnitsIn(line, ...field(2), 2)).toBe(
      '"12.345" has 3 decimals; the currency has 2. It was not rounded.',
    );
    expect(parseMinorUnitsIn(line, ...field(0), 2)).toBe('"2015-10-01T07:06:47 -0700" is not an amount.');
  });

  it('gives times of the same minute the same prefix, and every second its own value', () => {
    const times = ['2026-03-01T23:59:00 -0100', '2026-03-01T23:59:07 -0100', '2026-03-02T00:59:59.5 +0000'];
    expect(times.map(parsePostedAt)).toEqual([
      '2026-03-02T00:59:00Z',
      '2026-03-02T00:59:07Z',
      '2026-03-02T00:59:59.5Z',
    ]);
  });
});

describe('parsePostedAt', () => {
  it.each([
    ['2015-10-01T07:06:47 -0700', '2015-10-01T14:06:47Z'],
    ['2015-10-01T07:06:47-0700', '2015-10-01T14:06:47Z'],
    ['2015-10-01T07:06:47 -07:00', '2015-10-01T14:06:47Z'],
    ['2015-10-01T07:06:47Z', '2015-10-01T07:06:47Z'],
    ['2015-10-01 07:06:47 Z', '2015-10-01T07:06:47Z'],
    ['2026-01-01T05:30:00 +0530', '2026-01-01T00:00:00Z'],
    ['2026-01-01T00:15:00 +0100', '2025-12-31T23:15:00Z'],
    ['2024-02-29T23:59:59.123456 -0000', '2024-02-29T23:59:59.123456Z'],
    [' 2015-10-01T07:06:47 -0700 ', '2015-10-01T14:06:47Z'],
    ['2015-10-01 07:06:47+0000', '2015-10-01T07:06:47Z'],
    ['2015-12-31T20:00:00 -1400', '2016-01-01T10:00:00Z'],
  ])('%s is %s', (raw, iso) => {
    expect(parsePostedAt(raw)).toBe(iso);
  });

  it.each([
    '2015-10-01T07:06:47',
    '2015-02-29T00:00:00Z',
    '2015-13-01T00:00:00Z',
    '2015-10-01T24:00:00Z',
    '2015-10-01T07:06:47 +1500',
    '01/10/2015 07:06',
    '',
    '2015-10-01T07:06:47 +0160',
    '2015-1a-01T07:06:47Z',
    '2015-10-01T07:06:4x -0700',
    '2015-10-01T07:06:47 -070',
    '2015-10-01T07:06:47 *0700',
    '2015-10-01T07:06:60 -0700',
  ])('%s is not a timestamp', (raw) => {
    expect(parsePostedAt(raw)).toBeUndefined();
  });
});

describe('ids and terms as the index keeps them', () => {
  it.each([
    ['P01-7730114-0091826', 'P01-7730114-0091826'],
    [' p01-7730114-0091826-c004417 ', 'P01-7730114-0091826-C004417'],
    ['c2f1a9e0b7#1002', 'C2F1A9E0B7#1002'],
    ['straße', 'STRASSE'],
    ['', ''],
  ])('normaliseId(%j) is %j', (raw, id) => {
    expect(normaliseId(raw)).toBe(id);
  });

  it('keeps tabs, line breaks and the amount mark out of a term', () => {
    expect(cleanTerm('A\tB\nC\rD\u0001E')).toBe('A B C D E');
    expect(cleanTerm('P01-1')).toBe('P01-1');
  });
});

describe('currencies and categories', () => {
  it('takes exponents from the ISO 4217 table', () => {
    expect([
      currencyExponent('USD'),
      currencyExponent('EUR'),
      currencyExponent('JPY'),
      currencyExponent('KWD'),
      currencyExponent('CLF'),
      currencyExponent('XXY'),
    ]).toEqual([2, 2, 0, 3, 4, undefined]);
  });

  it.each([
    ['Capture', 'capture'],
    ['REFUND', 'refund'],
    ['Chargeback', 'chargeback'],
    ['A to Z Guarantee Claim', 'atoz'],
    ['A-to-z Guarantee Claim', 'atoz'],
    ['Dispute', 'dispute'],
    ['Debt', 'debt'],
    ['AdjustmentCredit', 'adjustment'],
    ['Authorization', 'authorization'],
    ['Reserve', 'reserve'],
    [' Transfer ', 'payout'],
    ['ServiceFee', 'other'],
  ] as const)('%s is %s', (type, category) => {
    expect(categoryOf(type)).toBe(category);
  });
});

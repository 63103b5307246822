import { describe, expect, it } from 'vitest';
import { formatAmzDate, parseAmzDate } from '@/utils/amazon-pay/signing';

describe('formatAmzDate', () => {
  it.each([
    ['2024-01-15T12:34:56.000Z', '20240115T123456Z'],
    ['2024-01-15T12:34:56.999Z', '20240115T123456Z'],
    ['2024-12-31T23:59:59.000Z', '20241231T235959Z'],
    ['2024-02-29T00:00:00.000Z', '20240229T000000Z'],
    ['2024-01-15T14:34:56.000+02:00', '20240115T123456Z'],
    ['0999-03-04T05:06:07.000Z', '09990304T050607Z'],
    ['2024-10-09T09:09:09.000Z', '20241009T090909Z'],
  ])('%s → %s (UTC, compact, whole seconds)', (iso, compact) => {
    expect(formatAmzDate(new Date(iso))).toBe(compact);
  });

  it('rejects an invalid Date', () => {
    expect(() => formatAmzDate(new Date('nope'))).toThrow(/invalid Date/);
  });

  it('rejects a year the compact form cannot hold', () => {
    expect(() => formatAmzDate(new Date(Date.UTC(10000, 0, 1)))).toThrow(/year 10000/);
    expect(() => formatAmzDate(new Date('-000001-01-01T00:00:00Z'))).toThrow(/year -1/);
  });
});

describe('parseAmzDate', () => {
  it.each([
    ['20240115T123456Z', '2024-01-15T12:34:56.000Z'],
    ['2024-01-15T12:34:56Z', '2024-01-15T12:34:56.000Z'],
    ['2024-01-15T12:34:56.789Z', '2024-01-15T12:34:56.789Z'],
    ['20240115T123456.789Z', '2024-01-15T12:34:56.789Z'],
    ['2024-01-15T12:34:56.5Z', '2024-01-15T12:34:56.500Z'],
    ['2024-01-15T12:34:56.123456789Z', '2024-01-15T12:34:56.123Z'],
    ['20240229T000000Z', '2024-02-29T00:00:00.000Z'],
  ])('%s → %s', (text, iso) => {
    expect(parseAmzDate(text).toISOString()).toBe(iso);
  });

  it.each([
    '2024-01-15 12:34:56Z',
    '2024-01-15T12:34:56',
    '2024-01-15T12:34:56+00:00',
    '2024-01-15T123456Z',
    '20240115123456Z',
    '20240230T000000Z',
    '2023-02-29T00:00:00Z',
    '2024-13-01T00:00:00Z',
    '2024-01-15T24:00:00Z',
    '2024-01-15T12:60:00Z',
    '2024-01-15T12:34:60Z',
    '',
  ])('rejects %j', (text) => {
    expect(() => parseAmzDate(text)).toThrow(/x-amz-pay-date|calendar date/);
  });

  it.each(['2024-01-15T12:34:56.000Z', '1999-12-31T23:59:59.000Z'])(
    'round-trips %s through the compact form',
    (iso) => {
      expect(parseAmzDate(formatAmzDate(new Date(iso))).toISOString()).toBe(iso);
    },
  );
});

import { describe, expect, it } from 'vitest';
import {
  reportDate,
  reportFilename,
  reportTypeShortName,
  sanitizePart,
  withDocumentExtension,
} from '@/utils/downloads/filenames';
import { chromiumRejects } from '../fakes/downloads';

const SETTLEMENT = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_';
const base = {
  accountLabel: 'Shop',
  reportType: SETTLEMENT,
  startTime: '2026-11-01T00:00:00.000Z',
  endTime: '2026-11-02T00:00:00.000Z',
  reportId: 'A08439021T39K6DTX4JS8',
};
const name = (overrides: Partial<typeof base> & { extension?: string }) => reportFilename({ ...base, ...overrides });
const parts = (filename: string) => filename.split('/');

describe('reportFilename', () => {
  it('follows AmazonPay/<label>/<type>/<start>_<end>_<reportId>.csv', () => {
    expect(name({})).toBe('AmazonPay/Shop/Settlement/2026-11-01_2026-11-02_A08439021T39K6DTX4JS8.csv');
  });

  it.each([
    ['path traversal', { accountLabel: '../../etc' }, 'AmazonPay/_._etc/Settlement/'],
    ['dots only', { accountLabel: '..' }, 'AmazonPay/unnamed/Settlement/'],
    ['slash in label', { accountLabel: 'EU/DE shop' }, 'AmazonPay/EU_DE shop/'],
    ['backslash in label', { accountLabel: 'EU\\DE' }, 'AmazonPay/EU_DE/'],
    ['Windows-reserved characters', { accountLabel: 'a<b>c:d"e|f?g*h' }, 'AmazonPay/a_b_c_d_e_f_g_h/'],
    ['unicode kept', { accountLabel: 'Müller GmbH 株式会社' }, 'AmazonPay/Müller GmbH 株式会社/'],
    ['unicode normalised to NFC', { accountLabel: 'Mu\u0308ller' }, 'AmazonPay/M\u00fcller/'],
    ['control characters', { accountLabel: 'Shop\u0000\u0007\n\tX' }, 'AmazonPay/Shop____X/'],
    ['bidi override', { accountLabel: 'shop\u202Evsc.exe' }, 'AmazonPay/shop_vsc.exe/'],
    ['empty label', { accountLabel: '' }, 'AmazonPay/unnamed/'],
    ['spaces and dots only', { accountLabel: ' . . ' }, 'AmazonPay/unnamed/'],
    ['leading and trailing dots and spaces', { accountLabel: ' .hidden shop. ' }, 'AmazonPay/hidden shop/'],
    ['reserved device name', { accountLabel: 'CON' }, 'AmazonPay/_CON/'],
    ['reserved name with extension', { accountLabel: 'nul.txt' }, 'AmazonPay/_nul.txt/'],
    ['reserved name, other case', { accountLabel: 'Lpt1' }, 'AmazonPay/_Lpt1/'],
    ['shell-integrated extension', { accountLabel: 'shop.lnk' }, 'AmazonPay/shop_lnk/'],
    ['tilde', { accountLabel: 'PROGRA~1' }, 'AmazonPay/PROGRA_1/'],
    ['report id with separators', { reportId: '../../x/y' }, '2026-11-01_2026-11-02__._x_y.csv'],
    ['empty report id', { reportId: '' }, '_unknown.csv'],
    ['compact dates', { startTime: '20221118T150630Z', endTime: '20221202T150350Z' }, '/2022-11-18_2022-12-02_'],
    ['date-only dates', { startTime: '2022-11-18', endTime: '20221202' }, '/2022-11-18_2022-12-02_'],
    ['unparseable dates', { startTime: '../..', endTime: 'yesterday' }, '/undated_undated_'],
    ['unknown report type', { reportType: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_CHARGEBACK_DATA_' }, '/Chargeback/'],
    ['hostile report type', { reportType: '../../CON' }, '/_Con/'],
    ['empty report type', { reportType: '' }, '/Report/'],
  ])('%s', (_case, overrides, expected) => {
    const filename = name(overrides);
    expect(filename).toContain(expected);
    expect(chromiumRejects(filename)).toBeUndefined();
  });

  it.each([
    ['sandbox settlement', '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_', 'SandboxSettlement'],
    ['order reference', '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_', 'OrderReference'],
    ['billing agreement', '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_BILLING_AGREEMENT_DATA_', 'BillingAgreement'],
    ['authorization', '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_AUTHORIZATION_DATA_', 'Authorization'],
    ['capture', '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_CAPTURE_DATA_', 'Capture'],
    ['refund', '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_', 'Refund'],
    ['multi-currency', '_GET_CSV_CUSTOM_OFFAMAZONPAYMENTS_MULTI_CURRENCY_PAYMENTS_DATA_', 'MultiCurrency'],
  ])('short name for %s', (_case, type, short) => {
    expect(reportTypeShortName(type)).toBe(short);
  });

  it('bounds very long labels and ids per part, on code point boundaries, and overall', () => {
    expect(parts(name({ accountLabel: '😀'.repeat(100) }))[1]).toBe('😀'.repeat(32));
    const filename = name({ accountLabel: '😀'.repeat(100), reportId: 'R'.repeat(500), reportType: 'X'.repeat(300) });
    const [, label, type, file] = parts(filename);
    // All parts at their maximum: the label gives way so the whole path stays under 200.
    expect(label).toBe('😀'.repeat(27));
    expect(type).toBe(`X${'x'.repeat(39)}`);
    expect(file).toBe(`2026-11-01_2026-11-02_${'R'.repeat(64)}.csv`);
    expect(filename.length).toBeLessThan(200);
    expect(withDocumentExtension(filename, 'GZIP').length).toBeLessThan(200);
    expect(chromiumRejects(filename)).toBeUndefined();
  });

  it('cuts a long label without splitting a surrogate pair', () => {
    const part = sanitizePart(`a${'𝄞'.repeat(40)}`, 'x');
    expect(part.length).toBeLessThanOrEqual(64);
    expect(part).toBe(`a${'𝄞'.repeat(31)}`);
    expect(part.isWellFormed()).toBe(true);
  });

  it('keeps a component under 255 bytes even in a three-byte script', () => {
    const [, label] = parts(name({ accountLabel: '株'.repeat(200) }));
    expect(new TextEncoder().encode(label).length).toBeLessThanOrEqual(160);
  });

  it('drops lone surrogates and non-characters', () => {
    expect(sanitizePart('a\uD800b\uFFFEc\u{1FFFF}d', 'x')).toBe('a_b_c_d');
  });

  it.each([
    [undefined, '.csv'],
    ['csv', '.csv'],
    ['.csv.gz', '.csv.gz'],
    ['TSV', '.tsv'],
    ['../exe', '.csv'],
    ['lnk', '.csv'],
    ['', '.csv'],
  ])('extension %s → %s', (extension, expected) => {
    expect(name({ extension })).toMatch(new RegExp(`_A08439021T39K6DTX4JS8${expected.replace(/\./g, '\\.')}$`));
  });

  it('names a GZIP document .gz and leaves N/A alone', () => {
    expect(withDocumentExtension('a/b.csv', 'GZIP')).toBe('a/b.csv.gz');
    expect(withDocumentExtension('a/b.csv', 'N/A')).toBe('a/b.csv');
    expect(withDocumentExtension('a/b.csv', undefined)).toBe('a/b.csv');
  });

  it.each([
    ['2026-11-01T00:00:00.000Z', '2026-11-01'],
    ['20261101T000000Z', '2026-11-01'],
    ['2026-11-01T23:00:00-08:00', '2026-11-01'],
    ['2026-13-01', 'undated'],
    ['', 'undated'],
  ])('reportDate(%s) = %s', (value, expected) => {
    expect(reportDate(value)).toBe(expected);
  });

  it('never produces a name Chromium would refuse, whatever the input (seeded fuzz)', () => {
    const alphabet = [
      '.',
      '..',
      '/',
      '\\',
      ' ',
      '~',
      ':',
      'CON',
      'nul',
      '\u0000',
      '\u202E',
      '\uD800',
      'é',
      'e\u0301',
      '株',
      '😀',
      'a',
      '1',
      '\t',
      '$',
    ];
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const text = () =>
      Array.from({ length: Math.floor(random() * 90) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(
        '',
      );
    for (let i = 0; i < 500; i++) {
      const filename = name({
        accountLabel: text(),
        reportId: text(),
        reportType: text(),
        startTime: text(),
        endTime: text(),
      });
      expect(chromiumRejects(filename), filename).toBeUndefined();
      expect(filename.length).toBeLessThan(200);
      expect(filename.split('/')).toHaveLength(4);
    }
  });
});

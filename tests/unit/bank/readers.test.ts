import { describe, expect, it } from 'vitest';
import { readCamt053 } from '../../../utils/bank/camt053';
import { type CsvColumnMapping, readCsvStatement } from '../../../utils/bank/csv-statement';
import { withoutDuplicates } from '../../../utils/bank/entry-id';
import { readMt940, sepaKeywords, structuredFields } from '../../../utils/bank/mt940';
import { readBankStatement } from '../../../utils/bank/read';
import { parseXml, XmlError } from '../../../utils/bank/xml';
import { StatementUnreadableError } from '../../../utils/books/errors';
import { camt, latin1, MT940, zip } from './fixtures';

const PAYOUT = {
  amount: '1000.00',
  ref: 'BANK-0001',
  info: 'SEPA-GUTSCHRIFT',
  details: [
    {
      endToEnd: 'AMZN-DISB-7731',
      name: 'AMAZON PAYMENTS EUROPE S.C.A.',
      ustrd: ['Amazon Payments settlement', ' 5984860001'],
    },
  ],
};

async function refusal(run: () => unknown): Promise<StatementUnreadableError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(StatementUnreadableError);
    return error as StatementUnreadableError;
  }
  throw new Error('expected a refusal');
}

describe('camt.053', () => {
  it.each(['02', '04', '08'] as const)(
    '.001.%s: amount, sign, dates, counterparty, every reference, remittance',
    (version) => {
      const [entry] = readCamt053(camt(version, [PAYOUT]), 'stmt.xml');
      expect(entry).toMatchObject({
        account: 'DE02120300000000202051',
        currency: 'EUR',
        amountMinor: 100000,
        bookingDate: '2026-10-22',
        valueDate: '2026-10-22',
        status: 'booked',
        reversal: false,
        counterparty: 'AMAZON PAYMENTS EUROPE S.C.A.',
        references: ['BANK-0001', 'AMZN-DISB-7731'],
        remittance: 'SEPA-GUTSCHRIFT Amazon Payments settlement 5984860001',
        source: { file: 'stmt.xml', position: 1 },
        id: 'ref:DE02120300000000202051:BANK-0001',
      });
    },
  );

  it.each([
    ['a pending entry', { amount: '5.00', status: 'PDNG' as const }, { status: 'pending' }],
    ['an information entry', { amount: '5.00', status: 'INFO' as const }, { status: 'info' }],
    ['a debit', { amount: '12.50', credit: false }, { amountMinor: -1250 }],
    [
      'a reversal of a credit',
      { amount: '1000.00', credit: false, reversal: true },
      { amountMinor: -100000, reversal: true },
    ],
    ['NOTPROVIDED end-to-end id', { amount: '1.00', details: [{ name: 'X' }] }, { references: [] }],
    [
      'a structured creditor reference',
      { amount: '1.00', details: [{ creditorRef: 'RF18539007547034' }] },
      { references: ['RF18539007547034'] },
    ],
    ['entities in text', { amount: '1.00', details: [{ name: 'M&amp;S &#220;ber' }] }, { counterparty: 'M&S Über' }],
  ])('%s', (_, entry, expected) => {
    expect(readCamt053(camt('08', [entry]), 'stmt.xml')[0]).toMatchObject(expected);
  });

  it('keeps every detail of a batch entry with its own amount and references', () => {
    const batch = {
      amount: '30.00',
      details: [
        { endToEnd: 'E1', amount: '10.00', name: 'A' },
        { endToEnd: 'E2', amount: '20.00', name: 'B' },
      ],
    };
    const [entry] = readCamt053(camt('04', [batch]), 'stmt.xml');
    expect(entry!.details.map((d) => [d.amountMinor, d.counterparty, d.references])).toEqual([
      [1000, 'A', ['E1']],
      [2000, 'B', ['E2']],
    ]);
    expect(entry!.references).toEqual(['E1', 'E2']);
  });

  it('reads a namespace prefix', () => {
    expect(readCamt053(camt('08', [PAYOUT], 'ns2'), 'stmt.xml')[0]!.amountMinor).toBe(100000);
  });

  it.each([
    ['not XML', 'hello <', /not well-formed XML/],
    ['another message', '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"/>', /not a camt.053/],
    [
      'another version',
      camt('08', []).replace('camt.053.001.08', 'camt.053.001.06'),
      /camt.053.001.06; versions .02, .04 and .08/,
    ],
    ['a DTD', '<!DOCTYPE x [<!ENTITY a "b">]><Document/>', /not well-formed XML: Document type/],
    ['an amount with too many decimals', camt('08', [{ amount: '1.005' }]), /Entry 1 of s.xml has no readable amount/],
  ])('refuses %s with a reason', async (_, xml, message) => {
    expect((await refusal(() => readCamt053(xml, 's.xml'))).userMessage).toMatch(message);
  });

  it('has a strict XML reader', () => {
    expect(() => parseXml('<a><b></a>')).toThrow(XmlError);
    expect(() => parseXml('<a>&nbsp;</a>')).toThrow(/Unknown entity/);
    expect(parseXml('<a x="1 &lt; 2"><![CDATA[<raw>]]></a>')).toMatchObject({
      name: 'a',
      attributes: { x: '1 < 2' },
      text: '<raw>',
    });
  });
});

describe('MT940', () => {
  const entries = readMt940(latin1(MT940), 'umsatz.sta');

  it('reads :61: with the German :86: and its SEPA keywords', () => {
    expect(entries[0]).toMatchObject({
      account: '12030000/1234567890',
      currency: 'EUR',
      amountMinor: 100000,
      bookingDate: '2026-10-22',
      reversal: false,
      counterparty: 'AMAZON PAYMENTS EUROPE S.C.A.',
      references: ['AMZN-DISB-7731', 'BANKREF1'],
      remittance: 'SEPA-GUTSCHRIFT Amazon Payments settlement 5984860001',
    });
  });

  it('reads debits, reversals (RC is a debit), ISO-8859-1 text, year ends and unstructured :86:', () => {
    expect(entries.map((e) => [e.amountMinor, e.reversal, e.bookingDate])).toEqual([
      [100000, false, '2026-10-22'],
      [-1250, false, '2026-10-23'],
      [-100000, true, '2026-10-24'],
      [500, false, '2027-01-02'],
    ]);
    expect(entries[1]!.remittance).toBe('ENTGELT Kontoführung Oktober');
    expect(entries[2]!.remittance).toBe('RÜCKBUCHUNG');
    expect(entries[3]).toMatchObject({
      remittance: 'Free text from Müller without structure',
      references: ['KREF1', '/OCMT/EUR5,00/'],
      valueDate: '2026-12-31',
    });
  });

  it('splits :86: fields and SEPA keywords', () => {
    const fields = structuredFields('166?00GUTSCHRIFT?20EREF+A1?21SVWZ+pay\nment?32NAME');
    expect([...fields!]).toEqual([
      ['GVC', '166'],
      ['00', 'GUTSCHRIFT'],
      ['20', 'EREF+A1'],
      ['21', 'SVWZ+payment'],
      ['32', 'NAME'],
    ]);
    expect([...sepaKeywords('EREF+E1 KREF+K1MREF+M1SVWZ+text with CRED+ inside')]).toEqual([
      ['EREF', 'E1'],
      ['KREF', 'K1'],
      ['MREF', 'M1'],
      ['SVWZ', 'text with'],
      ['CRED', 'inside'],
    ]);
  });

  it('refuses what is not MT940, and a :61: it cannot read, with the line', async () => {
    expect((await refusal(() => readMt940(latin1('hello'), 'x.sta'))).userMessage).toMatch(/not an MT940/);
    const broken = MT940.replace(':61:2610231023DR12,50NMSCNONREF', ':61:26102X1023DR12,50NMSCNONREF');
    const error = await refusal(() => readMt940(latin1(broken), 'x.sta'));
    expect(error.details.line).toBe(9);
  });
});

describe('CSV statements through a column mapping', () => {
  const GERMAN = [
    'Kontoauszug Girokonto;;;;;',
    'Buchungstag;Valuta;Auftraggeber/Empfänger;Verwendungszweck;Betrag;Währung',
    '22.10.2026;22.10.2026;AMAZON PAYMENTS EUROPE S.C.A.;"Settlement 5984860001; EREF AMZN-DISB-7731";1.000,00;EUR',
    '23.10.2026;23.10.2026;Stadtwerke;Abschlag;-45,10;EUR',
    '',
  ].join('\r\n');
  const MAPPING: CsvColumnMapping = {
    account: 'DE02120300000000202051',
    date: 'Buchungstag',
    dateOrder: 'DD.MM.YYYY',
    amount: 'Betrag',
    decimal: ',',
    currencyColumn: 'Währung',
    currency: 'EUR',
    counterparty: 'Auftraggeber/Empfänger',
    purpose: ['Verwendungszweck'],
    references: [],
  };

  it('skips the preamble, guesses the delimiter and reads signed amounts with a decimal comma', () => {
    const entries = readCsvStatement(GERMAN, 'konto.csv', MAPPING);
    expect(entries.map((e) => [e.bookingDate, e.amountMinor, e.counterparty, e.remittance])).toEqual([
      ['2026-10-22', 100000, 'AMAZON PAYMENTS EUROPE S.C.A.', 'Settlement 5984860001; EREF AMZN-DISB-7731'],
      ['2026-10-23', -4510, 'Stadtwerke', 'Abschlag'],
    ]);
  });

  it('reads credit and debit columns and US dates', () => {
    const us =
      'Date,Description,Credit,Debit\n10/22/2026,AMAZON PAYMENTS INC,"1,000.00",\n10/23/2026,Rent,,"1,200.00"\n';
    const entries = readCsvStatement(us, 'bank.csv', {
      account: 'Checking',
      date: 'Date',
      dateOrder: 'MM/DD/YYYY',
      credit: 'Credit',
      debit: 'Debit',
      decimal: '.',
      currency: 'USD',
      purpose: ['Description'],
      references: [],
    });
    expect(entries.map((e) => [e.bookingDate, e.amountMinor, e.currency])).toEqual([
      ['2026-10-22', 100000, 'USD'],
      ['2026-10-23', -120000, 'USD'],
    ]);
  });

  it.each([
    [{ date: 'Datum' }, /no heading line with the date column "Datum"/],
    [{ amount: 'Summe' }, /no column "Summe"/],
    [{ dateOrder: 'YYYY-MM-DD' as const }, /line 3: "22.10.2026" is not a date in the form YYYY-MM-DD/],
    [{ decimal: '.' as const }, /line 3: "1.000,00" is not an amount in EUR/],
  ])('refuses a mapping that does not fit, saying where: %o', async (change, message) => {
    expect((await refusal(() => readCsvStatement(GERMAN, 'konto.csv', { ...MAPPING, ...change }))).userMessage).toMatch(
      message,
    );
  });
});

describe('reading any bank file', () => {
  it('reads a ZIP of camt.053 files and MT940 (stored and deflated) through the platform DecompressionStream', async () => {
    const archive = zip([
      { name: 'camt/2026-10-22.xml', text: camt('08', [PAYOUT]), deflate: true },
      { name: 'camt/2026-10-23.xml', text: camt('02', [{ amount: '2.00', ref: 'B2' }]), deflate: false },
      { name: 'mt940.sta', text: latin1(MT940), deflate: true },
      { name: 'readme.pdf', text: 'ignored', deflate: false },
    ]);
    const reads = await readBankStatement(archive, 'statements.zip');
    expect(reads.map((r) => [r.format, r.entries.length, r.entries[0]!.source.file])).toEqual([
      ['camt.053', 1, 'camt/2026-10-22.xml'],
      ['camt.053', 1, 'camt/2026-10-23.xml'],
      ['mt940', 4, 'mt940.sta'],
    ]);
  });

  it('asks for a column mapping for CSV and refuses a damaged ZIP', async () => {
    expect((await refusal(() => readBankStatement(new TextEncoder().encode('a;b\n1;2'), 'x.csv'))).userMessage).toMatch(
      /choose which columns/,
    );
    const damaged = zip([{ name: 'a.xml', text: '<a/>', deflate: false }]).slice(0, 40);
    expect((await refusal(() => readBankStatement(damaged, 'x.zip'))).userMessage).toMatch(/cannot be opened as a ZIP/);
  });

  it('makes a re-imported statement a no-op and keeps twins in one file apart', () => {
    const twins = camt('08', [
      { amount: '50.00', details: [{ name: 'AMAZON' }] },
      { amount: '50.00', details: [{ name: 'AMAZON' }] },
    ]);
    const first = readCamt053(twins, 'a.xml');
    expect(new Set(first.map((e) => e.id)).size).toBe(2);
    const again = withoutDuplicates(first, readCamt053(twins, 'a-copy.xml'));
    expect(again).toEqual({ added: [], duplicates: 2 });
    const mt = readMt940(latin1(MT940), 'a.sta');
    expect(withoutDuplicates(first, mt).added).toHaveLength(4);
    expect(withoutDuplicates(mt, readMt940(latin1(MT940), 'b.sta')).duplicates).toBe(4);
  });
});

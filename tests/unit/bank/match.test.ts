import { describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../../utils/bank/business-days';
import { type Decision, matchPayouts, type MatchOptions } from '../../../utils/bank/match';
import type { Disbursement } from '../../../utils/amazon-pay/disbursements';
import { payoutCandidates, type PayoutCandidate } from '../../../utils/bank/payouts';
import type { BankEntry } from '../../../utils/bank/types';
import { row } from '../books/fixtures';

let nextEntry = 1;
function entry(fields: Partial<BankEntry>): BankEntry {
  const id = fields.id ?? `e${nextEntry++}`;
  return {
    id,
    account: 'DE02',
    currency: 'EUR',
    amountMinor: 100000,
    bookingDate: '2026-10-22',
    status: 'booked',
    reversal: false,
    counterparty: 'AMAZON PAYMENTS EUROPE S.C.A.',
    references: [],
    remittance: '',
    details: [],
    source: { file: 'f', position: 1 },
    ...fields,
  };
}
function payout(fields: Partial<PayoutCandidate> & { key: string }): PayoutCandidate {
  return {
    settlementId: '5984860001',
    currency: 'EUR',
    amountMinor: 100000,
    postedDate: '2026-10-20',
    sources: ['transfer'],
    ...fields,
  };
}
const OPTIONS: MatchOptions = { today: '2026-10-23' };
const pairs = (list: { payoutKeys: string[]; entryIds: string[]; rule: string }[]) =>
  list.map((m) => `${m.rule}:${m.payoutKeys.join('+')}=${m.entryIds.join('+')}`);

describe('payout candidates', () => {
  const transfer = row({
    category: 'payout',
    settlementId: '5984860001',
    postedAt: '2026-10-20T06:00:00Z',
    amountMinor: -100000,
  });
  const record = (fields: Partial<Disbursement>): Disbursement => ({
    sellerId: 'A2EUSELLER',
    settlementId: '5984860001',
    amazonDisbursementReferenceId: 'AMZN-DISB-7731',
    amountMinor: 100000,
    currencyCode: 'EUR',
    transactionTime: new Date('2026-10-20T07:00:00.000Z'),
    ...fields,
  });

  it('joins a disbursement to its Transfer row on settlement id when the amounts agree, lending its reference', () => {
    expect(payoutCandidates([transfer], [record({})], 'Europe/Berlin')).toEqual([
      {
        key: '5984860001/EUR/0',
        settlementId: '5984860001',
        currency: 'EUR',
        amountMinor: 100000,
        postedDate: '2026-10-20',
        disbursementReferenceId: 'AMZN-DISB-7731',
        sources: ['transfer', 'disbursement'],
      },
    ]);
  });

  it('keeps a disbursement without a row, and one whose amount differs, as candidates of their own', () => {
    const list = payoutCandidates(
      [transfer],
      [record({ amountMinor: 99999 }), record({ settlementId: '5984860002', amazonDisbursementReferenceId: 'D2' })],
      'America/Los_Angeles',
    );
    expect(list.map((c) => [c.key, c.amountMinor, c.sources.join('+'), c.postedDate])).toEqual([
      ['5984860001/EUR/0', 100000, 'transfer', '2026-10-19'],
      ['5984860001/EUR/1', 99999, 'disbursement', '2026-10-20'],
      ['5984860002/EUR/0', 100000, 'disbursement', '2026-10-20'],
    ]);
  });
});

describe('matching bank credits to payouts', () => {
  it.each([
    ['disbursement reference in the end-to-end id', { references: ['AMZN-DISB-7731'] }],
    ['disbursement reference after a bank reference ending in a digit', { references: ['B1', 'AMZN-DISB-7731'] }],
    ['settlement id in the remittance, split by the bank', { remittance: 'Amazon Payments 598486 0001' }],
    ['disbursement reference in a batch detail', { details: [{ counterparty: '', references: ['amzn disb 7731'] }] }],
    [
      'reference even from an unknown counterparty and late',
      { counterparty: 'SOME BANK', bookingDate: '2026-12-01', references: ['5984860001'] },
    ],
  ])('rule 1, reference: %s', (_, fields) => {
    const result = matchPayouts(
      [payout({ key: 'p', disbursementReferenceId: 'AMZN-DISB-7731' })],
      [entry({ id: 'e', ...fields })],
      OPTIONS,
    );
    expect(pairs(result.matches)).toEqual(['reference:p=e']);
    expect(result.matches[0]!.confidence).toBe('high');
    expect(result.matches[0]!.explanation).toMatch(
      /names the (disbursement reference|settlement id) .*the amount 1000.00 EUR agrees/,
    );
  });

  it('rule 1: a reference with a different amount is flagged, never matched', () => {
    const result = matchPayouts(
      [payout({ key: 'p' })],
      [entry({ id: 'e', amountMinor: 99000, references: ['5984860001'], counterparty: 'X' })],
      OPTIONS,
    );
    expect(result.matches).toEqual([]);
    expect(pairs(result.flags)).toEqual(['reference:p=e']);
    expect(result.flags[0]!.explanation).toMatch(/990.00 EUR and the payout 1000.00 EUR/);
  });

  it('rule 1: a settlement id inside a longer number is no reference', () => {
    const result = matchPayouts(
      [payout({ key: 'p' })],
      [entry({ id: 'e', remittance: 'INVOICE 159848600012', counterparty: 'X' })],
      OPTIONS,
    );
    expect(result.matches).toEqual([]);
  });

  it.each([
    ['booked the day of posting', { bookingDate: '2026-10-20' }, ['amount-window:p=e']],
    ['10 business days later', { bookingDate: '2026-11-03' }, ['amount-window:p=e']],
    ['11 business days later', { bookingDate: '2026-11-04' }, []],
    ['before the payout was posted', { bookingDate: '2026-10-19' }, []],
    ['another currency', { currency: 'GBP' }, []],
    ['one cent less', { amountMinor: 99999 }, []],
    ['a counterparty that is not Amazon', { counterparty: 'ACME GMBH' }, []],
    ['the Amazon marketplace, not Amazon Pay', { counterparty: 'AMAZON EU S.A R.L.' }, []],
    ['no counterparty at all', { counterparty: '' }, ['amount-window:p=e']],
    [
      'Amazon only in the remittance',
      { counterparty: 'CITIBANK', remittance: 'AMAZON PAYMENTS INC PAYOUT' },
      ['amount-window:p=e'],
    ],
    ['a pending entry', { status: 'pending' as const }, []],
    ['an information entry', { status: 'info' as const }, []],
    ['a debit', { amountMinor: -100000 }, []],
  ])('rule 2, amount and window: %s', (_, fields, expected) => {
    const result = matchPayouts([payout({ key: 'p' })], [entry({ id: 'e', ...fields })], OPTIONS);
    expect(pairs(result.matches)).toEqual(expected);
    if (expected.length) expect(result.matches[0]!.confidence).toBe('medium');
  });

  it('rule 2: counts business days, not weekend days', () => {
    expect(businessDaysBetween('2026-10-23', '2026-10-26')).toBe(1); // Friday → Monday
    expect(businessDaysBetween('2026-10-20', '2026-11-03')).toBe(10);
    expect(businessDaysBetween('2026-10-20', '2026-10-20')).toBe(0);
  });

  it('rule 2: two payouts of equal amount and two credits are suggestions, unless a reference settles one', () => {
    const payouts = [
      payout({ key: 'p1', settlementId: '5984860001' }),
      payout({ key: 'p2', settlementId: '5984860002', postedDate: '2026-10-21' }),
    ];
    const ambiguous = matchPayouts(
      payouts,
      [entry({ id: 'e1', bookingDate: '2026-10-22' }), entry({ id: 'e2', bookingDate: '2026-10-23' })],
      OPTIONS,
    );
    expect(ambiguous.matches).toEqual([]);
    expect(pairs(ambiguous.suggestions)).toEqual([
      'amount-window:p1=e1',
      'amount-window:p1=e2',
      'amount-window:p2=e1',
      'amount-window:p2=e2',
    ]);
    const settled = matchPayouts(
      payouts,
      [entry({ id: 'e1', remittance: 'settlement 5984860002' }), entry({ id: 'e2', bookingDate: '2026-10-23' })],
      OPTIONS,
    );
    expect(pairs(settled.matches)).toEqual(['reference:p2=e1', 'amount-window:p1=e2']);
  });

  it('rule 2: one credit, two payouts of its amount: both are suggestions', () => {
    const result = matchPayouts(
      [payout({ key: 'p1' }), payout({ key: 'p2', settlementId: '5984860002' })],
      [entry({ id: 'e' })],
      OPTIONS,
    );
    expect(result.matches).toEqual([]);
    expect(pairs(result.suggestions)).toEqual(['amount-window:p1=e', 'amount-window:p2=e']);
    expect(result.unmatchedPayouts.map((u) => u.payout.key)).toEqual(['p1', 'p2']);
  });

  it('rule 3: a credit that is the sum of consecutive payouts, and a payout split across credits, are suggestions only', () => {
    const payouts = [
      payout({ key: 'p1', amountMinor: 30000, settlementId: '1' }),
      payout({ key: 'p2', amountMinor: 70000, settlementId: '2', postedDate: '2026-10-21' }),
    ];
    const joined = matchPayouts(payouts, [entry({ id: 'e' })], OPTIONS);
    expect(joined.matches).toEqual([]);
    expect(pairs(joined.suggestions)).toEqual(['combination:p1+p2=e']);
    const split = matchPayouts(
      [payout({ key: 'p' })],
      [entry({ id: 'e1', amountMinor: 40000 }), entry({ id: 'e2', amountMinor: 60000, bookingDate: '2026-10-23' })],
      OPTIONS,
    );
    expect(split.matches).toEqual([]);
    expect(pairs(split.suggestions)).toEqual(['combination:p=e1+e2']);
  });

  it("the merchant's confirmation wins over the rules, and a rejection is never proposed again", () => {
    const payouts = [payout({ key: 'p' })];
    const entries = [
      entry({ id: 'right', counterparty: 'ACME', bookingDate: '2026-12-24' }),
      entry({ id: 'wrong', references: ['5984860001'] }),
    ];
    const decisions: Decision[] = [{ payoutKey: 'p', entryId: 'right', verdict: 'confirmed' }];
    expect(pairs(matchPayouts(payouts, entries, { ...OPTIONS, decisions }).matches)).toEqual(['confirmed:p=right']);
    const rejected = matchPayouts(payouts, entries.slice(1), {
      ...OPTIONS,
      decisions: [{ payoutKey: 'p', entryId: 'wrong', verdict: 'rejected' }],
    });
    expect(rejected.matches).toEqual([]);
    expect(rejected.suggestions).toEqual([]);
  });

  it('a reversal cancels the credit it reverses: the payout is unmatched again', () => {
    const credit = entry({ id: 'credit', references: ['5984860001'] });
    const reversal = entry({ id: 'reversal', amountMinor: -100000, reversal: true, bookingDate: '2026-10-23' });
    const result = matchPayouts([payout({ key: 'p' })], [credit, reversal], OPTIONS);
    expect(result.matches).toEqual([]);
    expect(result.reversed).toEqual([{ creditId: 'credit', reversalId: 'reversal' }]);
    expect(result.unmatchedCredits).toEqual([]);
  });

  it('lists what is unmatched on both sides with its age', () => {
    const payouts = [
      payout({ key: 'fresh', postedDate: '2026-10-22' }),
      payout({ key: 'late', postedDate: '2026-10-12', amountMinor: 5 }),
      payout({ key: 'overdue', postedDate: '2026-10-01', amountMinor: 6 }),
    ];
    const result = matchPayouts(
      payouts,
      [
        entry({ id: 'amazon', amountMinor: 7 }),
        entry({ id: 'other', counterparty: 'ACME', amountMinor: 8, bookingDate: '2026-10-02' }),
      ],
      OPTIONS,
    );
    expect(result.unmatchedPayouts.map((u) => [u.payout.key, u.ageBusinessDays, u.state])).toEqual([
      ['overdue', 16, 'overdue'],
      ['late', 9, 'late'],
      ['fresh', 1, 'waiting'],
    ]);
    expect(result.unmatchedCredits.map((u) => [u.entry.id, u.ageDays])).toEqual([['amazon', 1]]);
    expect(result.otherCredits).toBe(1);
  });

  it.each([
    ['the EU payer', { counterparty: 'AMAZON PAYMENTS EUROPE S.C.A.' }, true],
    ['the EU payer without dots', { counterparty: 'Amazon Payments Europe SCA' }, true],
    ['the US payer', { counterparty: 'Amazon Payments, Inc.' }, true],
    ['Amazon Pay in the remittance only', { counterparty: 'CITIBANK', remittance: 'AMAZON PAY PAYOUT' }, true],
    [
      'Amazon Pay as a batch detail',
      { counterparty: '', details: [{ counterparty: 'AMAZON PAYMENTS', references: [] }] },
      true,
    ],
    ['a payout reference from an unnamed payer', { counterparty: 'SOME BANK', references: ['AMZN-DISB-9999'] }, true],
    ['a settlement id in the remittance', { counterparty: '', remittance: 'Settlement 5984869999' }, true],
    ['a customer', { counterparty: 'Jane Customer', remittance: 'Rechnung 4711' }, false],
    ['the Amazon marketplace', { counterparty: 'AMAZON EU S.A R.L.', remittance: 'Marketplace 123' }, false],
    ['a refund of a purchase', { counterparty: 'AMAZON.DE', remittance: 'Erstattung 302-1234567' }, false],
    ['a short number that happens to be in a reference', { counterparty: 'ACME', remittance: '4711' }, false],
    ['no name at all', { counterparty: '', remittance: 'Zinsen' }, false],
    ['"Amazon" and "Pay…" in two different fields', { counterparty: 'AMAZON', remittance: 'Payment 4711' }, false],
  ])("an unmatched credit from %s is listed only when it is Amazon Pay's", (_, fields, listed) => {
    // The payout's amount differs from every credit, so nothing matches and the credit stays unmatched.
    const payouts = [payout({ key: 'p', settlementId: '5984869999', disbursementReferenceId: 'AMZN-DISB-9999' })];
    const result = matchPayouts(payouts, [entry({ id: 'c', amountMinor: 4711, ...fields })], OPTIONS);
    expect(result.matches).toEqual([]);
    expect(result.unmatchedCredits.map((u) => u.entry.id)).toEqual(listed ? ['c'] : []);
    expect(result.otherCredits).toBe(listed ? 0 : 1);
  });

  it('is deterministic: the same answer whatever order the inputs come in', () => {
    const payouts = [
      payout({ key: 'p1' }),
      payout({ key: 'p2', settlementId: '2', amountMinor: 500 }),
      payout({ key: 'p3', settlementId: '3', amountMinor: 700 }),
    ];
    const entries = [
      entry({ id: 'a' }),
      entry({ id: 'b', amountMinor: 500 }),
      entry({ id: 'c', amountMinor: 1200 }),
      entry({ id: 'd', amountMinor: 700 }),
    ];
    const first = matchPayouts(payouts, entries, OPTIONS);
    const again = matchPayouts([...payouts].reverse(), [...entries].reverse(), OPTIONS);
    expect(again).toEqual(first);
  });
});

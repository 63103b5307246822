/**
 * Bank credits matched to Amazon Pay payouts, deterministic and explained. In order:
 * 0. the merchant's confirmations are matches and their rejections are never proposed again;
 * 1. reference: the disbursement reference id or the settlement id appears in a reference, the remittance or the
 *    counterparty text (spaces and `-` ignored) — a match when the amount and currency agree, else a flag;
 * 2. amount and window: exactly the payout's amount and currency, booked within the window after the payout was
 *    posted, from a counterparty named Amazon Pay (or none given) — a match when the pair is unique both
 *    ways, otherwise every pair is a suggestion;
 * 3. combinations: a credit equal to 2–3 consecutive payouts, or a payout equal to 2–3 credits — suggestions only.
 * Pending and information entries are never matched; a reversal cancels the credit it reverses. Of the credits left
 * unmatched only Amazon Pay's are listed (by name, or naming a payout's reference); the others are counted.
 */
import { formatMinor } from '../books/money';
import type { LocalDate } from '../books/time-zone';
import { businessDaysBetween, calendarDaysBetween } from './business-days';
import { containsToken, entryText, namesAmazonPay, normalise } from './entry-text';
import type { PayoutCandidate } from './payouts';
import type { BankEntry } from './types';

export type MatchRule = 'confirmed' | 'reference' | 'amount-window' | 'combination';

export interface Match {
  rule: MatchRule;
  payoutKeys: string[];
  entryIds: string[];
  confidence: 'certain' | 'high' | 'medium' | 'low';
  explanation: string;
}

export interface Decision {
  payoutKey: string;
  entryId: string;
  verdict: 'confirmed' | 'rejected';
}

export interface MatchOptions {
  today: LocalDate;
  /** Business days after posting within which a payout may arrive (research: EU 3–5, US 1–2; default 10). */
  windowBusinessDays?: number;
  /** Business days after which an unseen payout is late (default 5). */
  expectedBusinessDays?: number;
  decisions?: readonly Decision[];
}

export interface MatchResult {
  matches: Match[];
  suggestions: Match[];
  /** A reference pointed at an entry whose amount or currency differs. */
  flags: Match[];
  /** Credits and the reversals that cancelled them. */
  reversed: { creditId: string; reversalId: string }[];
  unmatchedPayouts: { payout: PayoutCandidate; ageBusinessDays: number; state: 'waiting' | 'late' | 'overdue' }[];
  /** Credits from Amazon Pay (by name, or naming a payout's reference) that no payout explains. */
  unmatchedCredits: { entry: BankEntry; ageDays: number }[];
  /** Other unmatched credits (customers, other payers): not listed, only counted. */
  otherCredits: number;
}

const money = (minor: number, currency: string) => `${formatMinor(minor, currency)} ${currency}`;

function cancelReversals(entries: readonly BankEntry[]): { credits: BankEntry[]; reversed: MatchResult['reversed'] } {
  const reversed: MatchResult['reversed'] = [];
  const cancelled = new Set<string>();
  for (const reversal of entries.filter((e) => e.reversal && e.amountMinor < 0)) {
    const credit = entries.find(
      (e) =>
        !e.reversal &&
        !cancelled.has(e.id) &&
        e.amountMinor === -reversal.amountMinor &&
        e.currency === reversal.currency &&
        e.account === reversal.account &&
        e.bookingDate <= reversal.bookingDate,
    );
    if (!credit) continue;
    cancelled.add(credit.id);
    reversed.push({ creditId: credit.id, reversalId: reversal.id });
  }
  const credits = entries.filter(
    (e) => e.status === 'booked' && !e.reversal && e.amountMinor > 0 && !cancelled.has(e.id),
  );
  return { credits, reversed };
}

/** What a bank entry may name to point at the payout: its disbursement reference, its settlement id (9+ digits). */
function referenceTokens(payout: PayoutCandidate): string[] {
  return [payout.disbursementReferenceId, payout.settlementId.length >= 9 ? payout.settlementId : undefined].filter(
    (t): t is string => !!t,
  );
}

function subsetsOfConsecutive<T>(items: readonly T[], sizes: readonly number[]): T[][] {
  const out: T[][] = [];
  for (const size of sizes) for (let i = 0; i + size <= items.length; i++) out.push(items.slice(i, i + size));
  return out;
}

export function matchPayouts(
  payouts: readonly PayoutCandidate[],
  entries: readonly BankEntry[],
  options: MatchOptions,
): MatchResult {
  const window = options.windowBusinessDays ?? 10;
  const expected = options.expectedBusinessDays ?? 5;
  const byDate =
    <T extends { id?: string; key?: string }>(date: (x: T) => string) =>
    (a: T, b: T) =>
      date(a) === date(b) ? ((a.id ?? a.key)! < (b.id ?? b.key)! ? -1 : 1) : date(a) < date(b) ? -1 : 1;
  const { credits, reversed } = cancelReversals(entries);
  credits.sort(byDate<BankEntry>((e) => e.bookingDate));
  // Only money to the bank can meet a credit; a payout of zero or less shows in the settlement checks instead.
  const sortedPayouts = payouts.filter((p) => p.amountMinor > 0).sort(byDate<PayoutCandidate>((p) => p.postedDate));
  const texts = new Map(credits.map((e) => [e.id, entryText(e)]));
  const rejected = new Set(
    (options.decisions ?? []).filter((d) => d.verdict === 'rejected').map((d) => `${d.payoutKey}\u0000${d.entryId}`),
  );
  const allowed = (p: PayoutCandidate, e: BankEntry) => !rejected.has(`${p.key}\u0000${e.id}`);
  const matchedPayouts = new Set<string>();
  const matchedEntries = new Set<string>();
  const result: MatchResult = {
    matches: [],
    suggestions: [],
    flags: [],
    reversed,
    unmatchedPayouts: [],
    unmatchedCredits: [],
    otherCredits: 0,
  };
  const accept = (match: Match) => {
    result.matches.push(match);
    match.payoutKeys.forEach((k) => matchedPayouts.add(k));
    match.entryIds.forEach((id) => matchedEntries.add(id));
  };
  const open = <T>(list: readonly T[], key: (x: T) => string, taken: Set<string>) =>
    list.filter((x) => !taken.has(key(x)));

  for (const decision of options.decisions ?? []) {
    const payout = payouts.find((p) => p.key === decision.payoutKey);
    const entry = entries.find((e) => e.id === decision.entryId);
    if (
      decision.verdict !== 'confirmed' ||
      !payout ||
      !entry ||
      matchedPayouts.has(payout.key) ||
      matchedEntries.has(entry.id)
    )
      continue;
    accept({
      rule: 'confirmed',
      payoutKeys: [payout.key],
      entryIds: [entry.id],
      confidence: 'certain',
      explanation: 'Confirmed by you.',
    });
  }

  for (const payout of open(sortedPayouts, (p) => p.key, matchedPayouts)) {
    const tokens = referenceTokens(payout);
    const wanted = tokens.map(normalise);
    for (const entry of open(credits, (e) => e.id, matchedEntries)) {
      const token = tokens.find((t, i) => containsToken(texts.get(entry.id)!, wanted[i]!));
      if (!token || !allowed(payout, entry)) continue;
      const which = token === payout.disbursementReferenceId ? 'disbursement reference' : 'settlement id';
      if (entry.amountMinor === payout.amountMinor && entry.currency === payout.currency) {
        accept({
          rule: 'reference',
          payoutKeys: [payout.key],
          entryIds: [entry.id],
          confidence: 'high',
          explanation: `The bank entry names the ${which} ${token}; the amount ${money(entry.amountMinor, entry.currency)} agrees.`,
        });
        break;
      }
      result.flags.push({
        rule: 'reference',
        payoutKeys: [payout.key],
        entryIds: [entry.id],
        confidence: 'low',
        explanation: `The bank entry names the ${which} ${token}, but it is ${money(entry.amountMinor, entry.currency)} and the payout ${money(payout.amountMinor, payout.currency)}.`,
      });
    }
  }

  const inWindow = (p: PayoutCandidate, e: BankEntry) =>
    e.currency === p.currency &&
    e.amountMinor === p.amountMinor &&
    e.bookingDate >= p.postedDate &&
    businessDaysBetween(p.postedDate, e.bookingDate) <= window &&
    (e.counterparty === '' || namesAmazonPay(e)) &&
    allowed(p, e);
  const openPayouts = open(sortedPayouts, (p) => p.key, matchedPayouts);
  const openCredits = open(credits, (e) => e.id, matchedEntries);
  for (const payout of openPayouts) {
    const fits = openCredits.filter((e) => inWindow(payout, e));
    if (fits.length === 0) continue;
    const rivals = fits.length === 1 ? openPayouts.filter((p) => inWindow(p, fits[0]!)) : [];
    const explain = (e: BankEntry) =>
      `${money(e.amountMinor, e.currency)} from ${e.counterparty || 'an unnamed payer'} on ${e.bookingDate}, ${businessDaysBetween(payout.postedDate, e.bookingDate)} business days after the payout was posted.`;
    if (fits.length === 1 && rivals.length === 1) {
      accept({
        rule: 'amount-window',
        payoutKeys: [payout.key],
        entryIds: [fits[0]!.id],
        confidence: 'medium',
        explanation: `Same amount: ${explain(fits[0]!)}`,
      });
    } else {
      for (const e of fits) {
        result.suggestions.push({
          rule: 'amount-window',
          payoutKeys: [payout.key],
          entryIds: [e.id],
          confidence: 'low',
          explanation: `Same amount, but not the only pair: ${explain(e)}`,
        });
      }
    }
  }

  const restPayouts = open(sortedPayouts, (p) => p.key, matchedPayouts);
  const restCredits = open(credits, (e) => e.id, matchedEntries).filter(namesAmazonPay);
  for (const entry of restCredits) {
    const near = restPayouts
      .filter(
        (p) =>
          p.currency === entry.currency &&
          p.postedDate <= entry.bookingDate &&
          businessDaysBetween(p.postedDate, entry.bookingDate) <= window,
      )
      .slice(-10);
    for (const group of subsetsOfConsecutive(near, [2, 3])) {
      if (group.reduce((sum, p) => sum + p.amountMinor, 0) !== entry.amountMinor) continue;
      result.suggestions.push({
        rule: 'combination',
        payoutKeys: group.map((p) => p.key),
        entryIds: [entry.id],
        confidence: 'low',
        explanation: `${group.length} payouts together make ${money(entry.amountMinor, entry.currency)}.`,
      });
    }
  }
  for (const payout of restPayouts) {
    const near = restCredits
      .filter(
        (e) =>
          e.currency === payout.currency &&
          e.bookingDate >= payout.postedDate &&
          businessDaysBetween(payout.postedDate, e.bookingDate) <= window,
      )
      .slice(0, 10);
    for (const group of subsetsOfConsecutive(near, [2, 3])) {
      if (group.reduce((sum, e) => sum + e.amountMinor, 0) !== payout.amountMinor) continue;
      result.suggestions.push({
        rule: 'combination',
        payoutKeys: [payout.key],
        entryIds: group.map((e) => e.id),
        confidence: 'low',
        explanation: `${group.length} bank credits together make the payout of ${money(payout.amountMinor, payout.currency)}.`,
      });
    }
  }

  for (const payout of open(sortedPayouts, (p) => p.key, matchedPayouts)) {
    const age = businessDaysBetween(payout.postedDate, options.today);
    result.unmatchedPayouts.push({
      payout,
      ageBusinessDays: age,
      state: age > window ? 'overdue' : age > expected ? 'late' : 'waiting',
    });
  }
  const payoutTokens = sortedPayouts.flatMap((p) => referenceTokens(p).map(normalise));
  const fromAmazon = (e: BankEntry) =>
    namesAmazonPay(e) || payoutTokens.some((token) => containsToken(texts.get(e.id)!, token));
  for (const entry of open(credits, (e) => e.id, matchedEntries)) {
    if (!fromAmazon(entry)) {
      result.otherCredits += 1;
      continue;
    }
    result.unmatchedCredits.push({ entry, ageDays: calendarDaysBetween(entry.bookingDate, options.today) });
  }
  return result;
}

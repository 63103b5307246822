/**
 * How the matcher reads a bank entry's text: references, remittance and counterparty joined and normalised, and
 * whether the entry comes from Amazon Pay. Amazon pays out as "AMAZON PAYMENTS EUROPE S.C.A." in the EU and
 * "Amazon Payments, Inc." in the US, and puts the disbursement reference id on the statement; a credit that names
 * neither is someone else's money (a customer, a marketplace payout, a refund of a purchase).
 */
import type { BankEntry } from './types';

/** Upper case without spaces and `-`, as banks split and hyphenate references freely. */
export const normalise = (text: string) => text.toUpperCase().replace(/[\s-]/g, '');

/**
 * Every reference, the remittance and the counterparty of the entry and its details, each normalised, kept apart by
 * `|` (joined by a space, which normalising removes, a bank reference ending in a digit glued itself to the next
 * reference and hid it from the token check).
 */
export const entryText = (entry: BankEntry) =>
  [...entry.references, ...entry.details.flatMap((d) => d.references), entry.remittance, entry.counterparty]
    .map(normalise)
    .join('|');

/**
 * "Amazon Pay" and "Amazon Payments" once spaces are gone (bare "Amazon" is also the marketplace and the shop), and
 * Amazon Japan G.K., which pays Japanese merchants (its exact descriptor on a Japanese statement is not confirmed).
 */
const AMAZON_PAY_NAME = /AMAZONPAY|AMAZONJAPAN/;

/** The counterparty (of the entry or a detail) or the remittance names Amazon Pay, each read on its own. */
export function namesAmazonPay(entry: BankEntry): boolean {
  const names = [entry.counterparty, entry.remittance, ...entry.details.map((d) => d.counterparty)];
  return names.some((name) => AMAZON_PAY_NAME.test(normalise(name)));
}

/** The (normalised) token with no digit glued to either end; short tokens never count. */
export function containsToken(text: string, wanted: string): boolean {
  if (wanted.length < 6) return false;
  for (let at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) {
    const before = text[at - 1] ?? '';
    const after = text[at + wanted.length] ?? '';
    if (!/\d/.test(before) && !/\d/.test(after)) return true;
  }
  return false;
}

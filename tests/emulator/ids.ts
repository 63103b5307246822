/** Identifiers shaped like the ones in Amazon's docs and SDK tests (amazon-pay-api.md §2.3). */
import { randomUUID } from 'node:crypto';
import { DIGITS, HEX, UPPER_ALNUM, type Rng } from './prng';

/** Either `A08439021T39K6DTX4JS8` (docs) or an 11-digit number like `59007019641` (Node SDK test). */
export function reportId(rng: Rng): string {
  if (rng.next() < 0.5) return `A${rng.chars(DIGITS, 8)}T${rng.chars(UPPER_ALNUM, 11)}`;
  return `${rng.int(1, 9)}${rng.chars(DIGITS, 10)}`;
}

/** `amzn1.tortuga.3.45ee712dc-3512-6cbd-ad71-ab3cb4cffef7.T3FKJJI01Y1E32`: a 9-4-4-4-12 hex group, then 14 characters starting with T. */
export function documentId(rng: Rng): string {
  const uuidish = [9, 4, 4, 4, 12].map((n) => rng.chars(HEX, n)).join('-');
  return `amzn1.tortuga.3.${uuidish}.T${rng.chars(UPPER_ALNUM, 13)}`;
}

/** `68973459224` (docs) */
export function scheduleId(rng: Rng): string {
  return `${rng.int(1, 9)}${rng.chars(DIGITS, 10)}`;
}

/** Merchant ids look like `A3MIF7Z0W3XC2S`. */
export function sellerId(rng: Rng): string {
  return `A${rng.chars(UPPER_ALNUM, 13)}`;
}

export function requestId(): string {
  return randomUUID();
}

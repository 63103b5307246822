import type { SettlementCategory } from './types';

/** Amazon's TransactionType spellings vary in case and punctuation ("A to Z Guarantee Claim", "A-to-z …"). */
const BY_PREFIX: [prefix: string, category: SettlementCategory][] = [
  ['capture', 'capture'],
  ['refund', 'refund'],
  ['chargeback', 'chargeback'],
  ['atoz', 'atoz'],
  ['dispute', 'dispute'],
  ['debt', 'debt'],
  ['adjustment', 'adjustment'],
  ['authori', 'authorization'],
  ['reserve', 'reserve'],
  ['transfer', 'payout'],
];

/** The category of a TransactionType; one we do not know is `other` (shown, never dropped). */
export function categoryOf(transactionType: string): SettlementCategory {
  const key = transactionType.toLowerCase().replace(/[^a-z]/g, '');
  for (const [prefix, category] of BY_PREFIX) if (key.startsWith(prefix)) return category;
  return 'other';
}

/**
 * One settlement-report row as the ledger keeps it: every amount in integer minor units of `currency`, every id as
 * Amazon wrote it. The shape is the contract between the parser, the ledger store, the checks and the exports.
 */
export type SettlementCategory =
  | 'capture'
  | 'refund'
  | 'chargeback'
  | 'atoz'
  | 'dispute'
  | 'debt'
  | 'adjustment'
  | 'authorization'
  | 'reserve'
  | 'payout'
  | 'other';

export interface SettlementRow {
  /** 1-based physical line where the record starts in its file. */
  line: number;
  /** ISO 8601 in UTC. */
  postedAt: string;
  settlementId: string;
  /** TransactionType as written in the file. */
  transactionType: string;
  /** Transfer is `payout`; a type we do not know is `other`, never dropped. */
  category: SettlementCategory;
  currency: string;
  amountMinor: number;
  percentageFeeMinor: number;
  fixedFeeMinor: number;
  feeMinor: number;
  netMinor: number;
  amazonTransactionId: string;
  amazonOrderReferenceId: string;
  sellerReferenceId: string;
  sellerOrderId: string;
  storeName: string;
  description: string;
}

export interface SettlementReport {
  /** The file's `"Key","Value"` lines (SellerId, SettlementStartDate, …) as written. */
  header: Record<string, string>;
  rows: SettlementRow[];
  /** Records left out of `rows`, each with the physical line it starts on. */
  errors: { line: number; message: string }[];
}

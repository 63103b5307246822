/** One bank-statement line as the matcher sees it, whatever file it came from. */
import type { LocalDate } from '../books/time-zone';

export type BankEntryStatus = 'booked' | 'pending' | 'info';

export interface BankEntryDetail {
  /** Minor units of the detail, when the bank gives one (batch entries). */
  amountMinor?: number;
  counterparty: string;
  references: string[];
}

export interface BankEntry {
  /** Stable within its account: the bank's own reference, else a digest of the entry and its place among twins. */
  id: string;
  /** IBAN, or the account as the statement names it. */
  account: string;
  currency: string;
  /** Signed minor units: credits positive, debits negative. */
  amountMinor: number;
  bookingDate: LocalDate;
  valueDate?: LocalDate;
  status: BankEntryStatus;
  /** The entry undoes an earlier one (CAMT RvslInd, MT940 RC/RD). */
  reversal: boolean;
  counterparty: string;
  /** Every reference the bank gave: end-to-end id, mandate, bank reference, structured creditor reference. */
  references: string[];
  /** Remittance information, parts joined. */
  remittance: string;
  details: BankEntryDetail[];
  /** Where the entry was read: file name (inside a ZIP, its entry name) and 1-based position in it. */
  source: { file: string; position: number };
}

export interface BankStatementRead {
  format: 'camt.053' | 'mt940' | 'csv';
  entries: BankEntry[];
}

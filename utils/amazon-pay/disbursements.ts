/**
 * Get Disbursements answers (`GET /v2/disbursements`): one record per payout to the merchant's bank, whose
 * `amazonDisbursementReferenceId` also appears on the bank statement. Keys are read case-insensitively (clients in
 * the wild name them `AmazonDisbursementReferenceId` too); the amount, a decimal string, becomes integer minor units of
 * its currency, never rounded.
 */
import { currencyExponent } from '../ledger/currencies';
import { parseMinorUnits } from '../ledger/amounts';
import { asArray, asObject, malformed } from './response-decoder';
import { parseAmzDate } from './signing';

export interface Disbursement {
  sellerId: string;
  /** The settlement this payout belongs to. */
  settlementId: string;
  /** The reference on the merchant's bank statement. */
  amazonDisbursementReferenceId: string;
  amountMinor: number;
  currencyCode: string;
  transactionTime: Date;
}

export interface DisbursementsPage {
  disbursements: Disbursement[];
  nextToken?: string;
}

/** The object's fields under lower-case names. */
function lowerKeys(value: unknown, what: string): Map<string, unknown> {
  return new Map(Object.entries(asObject(value, what)).map(([k, v]) => [k.toLowerCase(), v]));
}

function text(fields: Map<string, unknown>, name: string): string {
  const value = fields.get(name.toLowerCase());
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string' || value.trim() === '') throw malformed(`disbursement (${name})`);
  return value.trim();
}

export function disbursementFromWire(value: unknown): Disbursement {
  const fields = lowerKeys(value, 'disbursement');
  const currencyCode = text(fields, 'currencyCode').toUpperCase();
  const exponent = currencyExponent(currencyCode);
  if (exponent === undefined) throw malformed(`disbursement (currencyCode ${currencyCode})`);
  const amountMinor = parseMinorUnits(text(fields, 'amount'), exponent);
  if (typeof amountMinor === 'string') throw malformed(`disbursement (amount: ${amountMinor})`);
  let transactionTime: Date;
  try {
    transactionTime = parseAmzDate(text(fields, 'transactionTime'));
  } catch {
    throw malformed('disbursement (transactionTime)');
  }
  return {
    sellerId: text(fields, 'sellerId'),
    settlementId: text(fields, 'settlementId'),
    amazonDisbursementReferenceId: text(fields, 'amazonDisbursementReferenceId'),
    amountMinor,
    currencyCode,
    transactionTime,
  };
}

export function disbursementsPageFromWire(value: unknown): DisbursementsPage {
  const fields = lowerKeys(value, 'disbursement list');
  const token = fields.get('nexttoken');
  return {
    disbursements: asArray(fields.get('disbursements') ?? [], 'disbursement list').map(disbursementFromWire),
    nextToken: typeof token === 'string' && token ? token : undefined,
  };
}

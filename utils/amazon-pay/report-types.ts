import type { Account } from '../accounts/types';
import type { MessageKey } from '../i18n';

/**
 * Every report type the product knows, once (amazon-pay-api.md §2.3, §2.4, §2.8): what Amazon calls it, the folder
 * its files go to, its name in the UI, and Amazon's rules for it. Other types Amazon may add still list and download.
 */
export const REPORT_TYPES = [
  {
    apiName: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_',
    shortName: 'Settlement',
    messageKey: 'typeSettlement',
    creatable: false,
    schedulable: false,
    sandboxOnly: false,
  },
  {
    apiName: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_',
    shortName: 'SandboxSettlement',
    messageKey: 'typeSandboxSettlement',
    creatable: true,
    schedulable: true,
    sandboxOnly: true,
  },
  {
    apiName: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_',
    shortName: 'OrderReference',
    messageKey: 'typeOrderReference',
    creatable: true,
    schedulable: true,
    sandboxOnly: false,
  },
  {
    apiName: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_BILLING_AGREEMENT_DATA_',
    shortName: 'BillingAgreement',
    messageKey: 'typeBillingAgreement',
    creatable: true,
    schedulable: true,
    sandboxOnly: false,
  },
  {
    apiName: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_AUTHORIZATION_DATA_',
    shortName: 'Authorization',
    messageKey: 'typeAuthorization',
    creatable: true,
    schedulable: true,
    sandboxOnly: false,
  },
  {
    // Listed and downloaded, but the Amazon Pay API cannot create capture reports (Seller Central can).
    apiName: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_CAPTURE_DATA_',
    shortName: 'Capture',
    messageKey: 'typeCapture',
    creatable: false,
    schedulable: false,
    sandboxOnly: false,
  },
  {
    apiName: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_',
    shortName: 'Refund',
    messageKey: 'typeRefund',
    creatable: true,
    schedulable: true,
    sandboxOnly: false,
  },
  {
    apiName: '_GET_CSV_CUSTOM_OFFAMAZONPAYMENTS_MULTI_CURRENCY_PAYMENTS_DATA_',
    shortName: 'MultiCurrency',
    messageKey: 'typeMultiCurrency',
    creatable: true,
    schedulable: false,
    sandboxOnly: false,
  },
] as const satisfies readonly ReportTypeInfo[];

export interface ReportTypeInfo {
  apiName: string;
  /** The folder name part of downloaded files. */
  shortName: string;
  messageKey: MessageKey;
  /** Amazon creates it on request (Create Report). */
  creatable: boolean;
  /** Amazon creates it on a schedule (Create Report Schedule). */
  schedulable: boolean;
  /** Offered to sandbox accounts only; sandbox accounts are offered nothing else. */
  sandboxOnly: boolean;
}

export type ReportType = (typeof REPORT_TYPES)[number]['apiName'];
type ShortName = (typeof REPORT_TYPES)[number]['shortName'];

const BY_API_NAME = new Map<string, ReportTypeInfo>(REPORT_TYPES.map((info) => [info.apiName, info]));

/** The table's row for a type, or undefined for a type Amazon added after this version. */
export function reportTypeInfo(apiName: string): ReportTypeInfo | undefined {
  return BY_API_NAME.get(apiName);
}

function named(shortName: ShortName): ReportType {
  return REPORT_TYPES.find((info) => info.shortName === shortName)!.apiName;
}

export const SETTLEMENT = named('Settlement');
export const SANDBOX_SETTLEMENT = named('SandboxSettlement');
export const CAPTURE = named('Capture');
export const MULTI_CURRENCY = named('MultiCurrency');

function rowsFor(environment: Account['environment']) {
  return REPORT_TYPES.filter((info) => info.sandboxOnly === (environment === 'sandbox'));
}

/** The types an account of this environment has: sandbox only the sandbox settlement, live every other type. */
export function typesFor(environment: Account['environment']): string[] {
  return rowsFor(environment).map((info) => info.apiName);
}

/** Types a merchant may create: sandbox only the sandbox settlement; live never the settlement nor capture. */
export function creatableTypes(environment: Account['environment']): string[] {
  return rowsFor(environment)
    .filter((info) => info.creatable)
    .map((info) => info.apiName);
}

/** Types that may be scheduled: as creatable, less multi-currency. */
export function schedulableTypes(environment: Account['environment']): string[] {
  return rowsFor(environment)
    .filter((info) => info.schedulable)
    .map((info) => info.apiName);
}

/**
 * The DATEV side of a merchant's accounting settings, its validation (each refusal says what to change) and the
 * suggested account plan. Suggestions follow what German payment-provider tools publish (clearing account as a
 * "fingiertes Bankkonto", fees on "Nebenkosten des Geldverkehrs", payouts through Geldtransit); the tax adviser
 * decides, so the UI calls them suggestions.
 */
import type { BookingRole } from './bookings';

/** DATEV's standard charts of accounts, by their names (the same in every language). */
export const CHARTS_OF_ACCOUNTS = ['SKR03', 'SKR04'] as const;
export type ChartOfAccounts = (typeof CHARTS_OF_ACCOUNTS)[number];
export type DatevAccountRole = 'clearing' | BookingRole;

export interface DatevSettings {
  /** Beraternummer, 1001–9999999. */
  consultantNumber: string;
  /** Mandantennummer, 1–99999. */
  clientNumber: string;
  /** Month (1–12) the fiscal year starts on, on its first day. */
  fiscalYearStartMonth: number;
  /** Sachkontenlänge, 4–8; general-ledger accounts have exactly this many digits. */
  accountLength: number;
  chart: ChartOfAccounts;
  /** `clearing` is the Amazon Pay account every booking touches; the rest are the accounts on the other side. */
  accounts: Record<DatevAccountRole, string>;
  /** Festschreibung in the header and on every line; the tax adviser decides, off by default. */
  lockBookings: boolean;
  /** BU-Schlüssel for fee bookings (for example reverse charge), empty for none. */
  feeTaxKey: string;
}

/** Why a setting is refused: `code` (with `params`) lets a view word it in the UI language; `message` is English. */
export type SettingProblemCode =
  | 'consultant-number'
  | 'client-number'
  | 'fiscal-month'
  | 'account-length'
  | 'account-digits'
  | 'debtor-start'
  | 'general-or-debtor'
  | 'account-exact'
  | 'same-as-clearing'
  | 'tax-key';

export interface SettingProblem {
  field: keyof DatevSettings | `accounts.${DatevAccountRole}`;
  code: SettingProblemCode;
  params?: number[];
  message: string;
}

const SUGGESTED: Readonly<Record<ChartOfAccounts, Record<DatevAccountRole, string>>> = {
  SKR03: {
    clearing: '1210',
    receivables: '10000',
    disputes: '10000',
    fees: '4970',
    transit: '1360',
    reserve: '1500',
    other: '1590',
  },
  SKR04: {
    clearing: '1810',
    receivables: '10000',
    disputes: '10000',
    fees: '6855',
    transit: '1460',
    reserve: '1300',
    other: '1370',
  },
};

const PERSONAL_ROLES: ReadonlySet<DatevAccountRole> = new Set(['receivables', 'disputes']);

/** Suggested accounts for the chart at the account length (general-ledger numbers padded with zeros, as DATEV does). */
export function suggestedAccounts(chart: ChartOfAccounts, accountLength: number): Record<DatevAccountRole, string> {
  const plan = { ...SUGGESTED[chart] };
  for (const role of Object.keys(plan) as DatevAccountRole[]) {
    const width = PERSONAL_ROLES.has(role) ? accountLength + 1 : accountLength;
    plan[role] = plan[role].padEnd(width, '0');
  }
  return plan;
}

export function defaultDatevSettings(): DatevSettings {
  return {
    consultantNumber: '',
    clientNumber: '',
    fiscalYearStartMonth: 1,
    accountLength: 4,
    chart: 'SKR03',
    accounts: suggestedAccounts('SKR03', 4),
    lockBookings: false,
    feeTaxKey: '',
  };
}

type AccountProblem = Pick<SettingProblem, 'code' | 'params' | 'message'>;

function accountProblem(role: DatevAccountRole, value: string, length: number): AccountProblem | undefined {
  if (!/^\d+$/.test(value) || /^0+$/.test(value))
    return { code: 'account-digits', message: 'Enter the account number in digits (not 0).' };
  if (value.length === length) return undefined;
  if (PERSONAL_ROLES.has(role) && value.length === length + 1) {
    return /^[1-6]/.test(value)
      ? undefined
      : {
          code: 'debtor-start',
          params: [length + 1],
          message: `A debtor account has ${length + 1} digits and starts with 1 to 6.`,
        };
  }
  return PERSONAL_ROLES.has(role)
    ? {
        code: 'general-or-debtor',
        params: [length, length + 1],
        message: `Use a general-ledger account of ${length} digits or a debtor account of ${length + 1} digits (the Sachkontenlänge is ${length}).`,
      }
    : {
        code: 'account-exact',
        params: [length],
        message: `Use an account of exactly ${length} digits (the Sachkontenlänge is ${length}).`,
      };
}

export function validateDatevSettings(settings: DatevSettings): SettingProblem[] {
  const problems: SettingProblem[] = [];
  const consultant = Number(settings.consultantNumber);
  if (!/^\d{4,7}$/.test(settings.consultantNumber) || consultant < 1001) {
    problems.push({
      field: 'consultantNumber',
      code: 'consultant-number',
      message: 'The Beraternummer has 4 to 7 digits (1001 to 9999999); your tax adviser has it.',
    });
  }
  const client = Number(settings.clientNumber);
  if (!/^\d{1,5}$/.test(settings.clientNumber) || client < 1) {
    problems.push({
      field: 'clientNumber',
      code: 'client-number',
      message: 'The Mandantennummer has 1 to 5 digits (1 to 99999); your tax adviser has it.',
    });
  }
  if (
    !Number.isInteger(settings.fiscalYearStartMonth) ||
    settings.fiscalYearStartMonth < 1 ||
    settings.fiscalYearStartMonth > 12
  ) {
    problems.push({
      field: 'fiscalYearStartMonth',
      code: 'fiscal-month',
      message: 'Choose the month your fiscal year starts in (1 to 12).',
    });
  }
  const length = settings.accountLength;
  if (!Number.isInteger(length) || length < 4 || length > 8) {
    problems.push({
      field: 'accountLength',
      code: 'account-length',
      message: 'The Sachkontenlänge is 4 to 8 digits, as set up for the client in DATEV.',
    });
    return problems;
  }
  for (const role of Object.keys(settings.accounts) as DatevAccountRole[]) {
    const problem = accountProblem(role, settings.accounts[role], length);
    if (problem) problems.push({ field: `accounts.${role}`, ...problem });
  }
  for (const role of Object.keys(settings.accounts) as DatevAccountRole[]) {
    if (role !== 'clearing' && settings.accounts[role] === settings.accounts.clearing) {
      problems.push({
        field: `accounts.${role}`,
        code: 'same-as-clearing',
        message: 'This account must differ from the Amazon Pay clearing account: a booking needs two accounts.',
      });
    }
  }
  if (settings.feeTaxKey !== '' && !/^\d{1,4}$/.test(settings.feeTaxKey)) {
    problems.push({
      field: 'feeTaxKey',
      code: 'tax-key',
      message: 'A BU-Schlüssel has 1 to 4 digits; leave it empty for none.',
    });
  }
  return problems;
}

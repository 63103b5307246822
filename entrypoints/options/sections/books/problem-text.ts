import type { AccountingProblem } from '@/utils/books/accounting-settings';
import { t, type MessageKey } from '@/utils/i18n';

const BY_CODE: Record<AccountingProblem['code'], MessageKey> = {
  'time-zone': 'acctErrTimeZone',
  'seller-id': 'acctErrSellerId',
  'consultant-number': 'acctErrConsultant',
  'client-number': 'acctErrClient',
  'fiscal-month': 'acctErrFiscalMonth',
  'account-length': 'acctErrAccountLength',
  'account-digits': 'acctErrAccountDigits',
  'debtor-start': 'acctErrDebtorStart',
  'general-or-debtor': 'acctErrGeneralOrDebtor',
  'account-exact': 'acctErrAccountExact',
  'same-as-clearing': 'acctErrSameAsClearing',
  'tax-key': 'acctErrTaxKey',
};

/** A refused setting in the UI language. */
export const problemText = (problem: Pick<AccountingProblem, 'code' | 'params'>): string =>
  t(BY_CODE[problem.code], problem.params ?? []);

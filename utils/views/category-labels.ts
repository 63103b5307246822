import type { MessageKey } from '../i18n';
import type { SettlementCategory } from '../ledger/types';

export const CATEGORY_LABEL: Record<SettlementCategory, MessageKey> = {
  capture: 'ledgerCategoryCapture',
  refund: 'ledgerCategoryRefund',
  chargeback: 'ledgerCategoryChargeback',
  atoz: 'ledgerCategoryAtoz',
  dispute: 'ledgerCategoryDispute',
  debt: 'ledgerCategoryDebt',
  adjustment: 'ledgerCategoryAdjustment',
  authorization: 'ledgerCategoryAuthorization',
  reserve: 'ledgerCategoryReserve',
  payout: 'ledgerCategoryPayout',
  other: 'ledgerCategoryOther',
};

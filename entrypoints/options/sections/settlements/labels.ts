import type { MessageKey } from '@/utils/i18n';
import type { SettlementCategory } from '@/utils/ledger/types';

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

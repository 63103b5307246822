import type { PayoutState } from '@/utils/bank/bank-store';
import { t } from '@/utils/i18n';
import { PayoutBadge } from './PayoutBadge';
import type { OrderTimelineView } from '@/utils/ledger/order-lookup';
import { CATEGORY_LABEL } from '@/utils/views/category-labels';
import { formatDateTime } from '@/utils/views/format';
import { formatMinor } from '@/utils/views/money';
import { openKey } from '@/utils/views/open-key';

interface Props {
  timeline: OrderTimelineView;
  /** Opens the settlement at a row; without it the rows name their settlement and line as text. */
  onOpen?(settlementId: string, currency: string, line: number): void;
  /** The bank match's payout states (extension pages only: the Seller Central panel cannot read them). */
  payoutStates?: Record<string, PayoutState>;
}

/** One order: capture → refunds → chargebacks or claims, each with fee, net and posting time, then the payouts that carried it. */
export function OrderTimeline({ timeline, onOpen, payoutStates = {} }: Props) {
  return (
    <article class="card ledger-timeline">
      <h4>{t('ledgerTimelineTitle', timeline.key)}</h4>
      <ol>
        {timeline.entries.map((row) => (
          <li key={`${row.settlementId}-${row.line}`}>
            <strong>{t(CATEGORY_LABEL[row.category])}</strong>{' '}
            {t('ledgerTimelineEntry', [
              formatMinor(row.amountMinor, row.currency),
              formatMinor(row.feeMinor, row.currency),
              formatMinor(row.netMinor, row.currency),
              formatDateTime(row.postedAt),
            ])}{' '}
            {onOpen ? (
              <button
                type="button"
                class="link"
                data-open-key={openKey(row.settlementId, row.currency, row.line)}
                onClick={() => onOpen(row.settlementId, row.currency, row.line)}
              >
                {t('ledgerTimelineOpen', [row.settlementId, row.line])}
              </button>
            ) : (
              <span class="timeline-where">{t('ledgerTimelineOpen', [row.settlementId, row.line])}</span>
            )}
          </li>
        ))}
        {timeline.payouts.map((payout) => (
          <li key={`payout-${payout.settlementId}-${payout.currency}`}>
            <strong>{t('ledgerCategoryPayout')}</strong>{' '}
            {t('ledgerTimelinePayout', [
              formatMinor(payout.payoutMinor, payout.currency),
              payout.settlementId,
              payout.payoutPostedAt ? formatDateTime(payout.payoutPostedAt) : '–',
            ])}
            <PayoutBadge state={payoutStates[payout.settlementId]} />
          </li>
        ))}
        {timeline.payouts.length === 0 && (
          <li class="timeline-where">
            <strong>{t('ledgerCategoryPayout')}</strong> {t('ledgerTimelineNotPaidOut')}
          </li>
        )}
      </ol>
    </article>
  );
}

import type { PayoutState } from '@/utils/bank/bank-store';
import { t } from '@/utils/i18n';

/** Whether the bank showed this settlement's payout: nothing before any bank statement was matched. */
export function PayoutBadge({ state }: { state: PayoutState | undefined }) {
  if (!state) return null;
  const text =
    state.state === 'matched'
      ? t('payoutBadgeMatched', state.bookingDate ?? '')
      : t(state.state === 'suggested' ? 'payoutBadgeSuggested' : 'payoutBadgeUnmatched');
  // The space before it comes with it, so a cell without a badge ends where its text ends.
  return (
    <>
      {' '}
      <span class={`badge payout-badge payout-badge-${state.state}`}>{text}</span>
    </>
  );
}

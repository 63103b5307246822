import { t, type MessageKey } from '@/utils/i18n';
import type { CheckLight } from '@/utils/ledger/checks';

const LABEL: Record<CheckLight, MessageKey> = {
  green: 'ledgerLightGreen',
  amber: 'ledgerLightAmber',
  red: 'ledgerLightRed',
};

/** A check light: colour and words, never colour alone. */
export function Light({ light }: { light: CheckLight }) {
  return (
    <span class={`light light-${light}`}>
      <span class="light-dot" aria-hidden="true" />
      {t(LABEL[light])}
    </span>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Light } from '@/components/Light';
import { t } from '@/utils/i18n';
import { formatDay } from '@/utils/views/format';
import type { LastPayout as Payout } from '@/utils/views/last-payout';
import { formatMinor } from '@/utils/views/money';

const openSettlements = () => void browser.tabs.create({ url: browser.runtime.getURL('/options.html#settlements') });

/**
 * The newest settlement's payout and check light in one line. It reads the ledger only once the popup's rows are
 * painted (effects run after paint, and the read waits one more task), so the first row never waits for it.
 */
export function LastPayout({ read }: { read: () => Promise<Payout | undefined> }) {
  const [payout, setPayout] = useState<Payout>();
  useEffect(() => {
    let live = true;
    // A ledger that cannot be read leaves the line out: the Settlements section says why.
    const timer = setTimeout(
      () =>
        void read().then(
          (p) => live && setPayout(p),
          () => undefined,
        ),
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [read]);
  if (!payout) return null;
  return (
    <p class="last-payout">
      <button type="button" class="link" onClick={openSettlements}>
        {t('popupLastPayout', [formatMinor(payout.payoutMinor, payout.currency), formatDay(payout.time)])}
      </button>{' '}
      <Light light={payout.light} />
    </p>
  );
}

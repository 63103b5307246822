import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { ListedSettlement } from '@/utils/ledger/queries';
import type { CategoryTotals } from '@/utils/ledger/summary';
import { formatDateTime } from '@/utils/views/format';
import { Light } from '@/components/Light';
import { PayoutBadge } from '@/components/PayoutBadge';
import { usePayoutStates } from '@/components/hooks/usePayoutStates';
import { formatMinor } from '@/utils/views/money';

const REVERSALS = new Set(['refund', 'chargeback', 'atoz', 'dispute']);
const sum = (
  categories: CategoryTotals[],
  pick: (c: CategoryTotals) => number,
  only?: (c: CategoryTotals) => boolean,
) => categories.filter((c) => !only || only(c)).reduce((total, c) => total + pick(c), 0);

interface Props {
  settlements: ListedSettlement[];
  onOpen(settlementId: string, currency: string): void;
}

/** Rows painted in the first frame (more than a screenful); the rest follow in the next one, as in the report list. */
const FIRST_FRAME_ROWS = 25;

/** One line per settlement and currency: period, gross, fees, refunds and claims, payout, check light. */
export function SettlementList({ settlements, onOpen }: Props) {
  const painted = settlements.length > 0;
  // The bench reads this mark: the first paint with settlements in it.
  useEffect(() => {
    if (painted) performance.mark('report-courier:settlements-painted');
  }, [painted]);
  const payoutStates = usePayoutStates();
  const [limit, setLimit] = useState(FIRST_FRAME_ROWS);
  const more = settlements.length > limit;
  useEffect(() => {
    if (!more) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setLimit(Infinity), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [more]);
  return (
    <div class="table-scroll">
      <table class="data ledger-list" aria-label={t('ledgerListLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('ledgerColPeriod')}</th>
            <th scope="col">{t('ledgerColSettlement')}</th>
            <th scope="col" class="num">
              {t('ledgerColGross')}
            </th>
            <th scope="col" class="num">
              {t('ledgerColFees')}
            </th>
            <th scope="col" class="num">
              {t('ledgerColReversals')}
            </th>
            <th scope="col" class="num">
              {t('ledgerColPayout')}
            </th>
            <th scope="col">{t('ledgerColCheck')}</th>
          </tr>
        </thead>
        <tbody>
          {settlements.slice(0, limit).map(({ summary, light }) => {
            const money = (minor: number) => formatMinor(minor, summary.currency);
            const { categories } = summary;
            return (
              <tr key={`${summary.settlementId}-${summary.currency}`}>
                <td class="ledger-period">
                  {summary.periodStart && summary.periodEnd
                    ? t('ledgerPeriod', [formatDateTime(summary.periodStart), formatDateTime(summary.periodEnd)])
                    : formatDateTime(summary.time)}
                </td>
                <td class="nowrap">
                  <button type="button" class="link" onClick={() => onOpen(summary.settlementId, summary.currency)}>
                    {t('ledgerSettlementName', [summary.settlementId, summary.currency])}
                  </button>
                </td>
                <td class="num">
                  {money(
                    sum(
                      categories,
                      (c) => c.grossMinor,
                      (c) => c.category === 'capture',
                    ),
                  )}
                </td>
                <td class="num">{money(sum(categories, (c) => c.feeMinor))}</td>
                <td class="num">
                  {money(
                    sum(
                      categories,
                      (c) => c.netMinor,
                      (c) => REVERSALS.has(c.category),
                    ),
                  )}
                </td>
                <td class="num">
                  {money(summary.identity.payout)}
                  <PayoutBadge state={payoutStates[summary.settlementId]} />
                </td>
                <td class="nowrap">
                  <Light light={light} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

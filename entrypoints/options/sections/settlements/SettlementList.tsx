import { t } from '@/utils/i18n';
import type { ListedLine } from '@/utils/ledger/queries';
import { formatDateTime } from '@/utils/views/format';
import { Light } from '@/components/Light';
import { PayoutBadge } from '@/components/PayoutBadge';
import { usePayoutStates } from '@/components/hooks/usePayoutStates';
import { useRowLimit } from '@/components/hooks/useRowLimit';
import { formatMinor } from '@/utils/views/money';
import { openKey } from '@/utils/views/open-key';

interface Props {
  lines: ListedLine[];
  onOpen(settlementId: string, currency: string): void;
}

/** One line per settlement and currency: period, gross, fees, refunds and claims, payout, check light. */
export function SettlementList({ lines, onOpen }: Props) {
  const payoutStates = usePayoutStates();
  const limit = useRowLimit(lines.length);
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
          {lines.slice(0, limit).map(({ line, light }) => {
            const money = (minor: number) => formatMinor(minor, line.currency);
            return (
              <tr key={`${line.settlementId}-${line.currency}`}>
                <td class="ledger-period">
                  {line.periodStart && line.periodEnd
                    ? t('ledgerPeriod', [formatDateTime(line.periodStart), formatDateTime(line.periodEnd)])
                    : formatDateTime(line.time)}
                </td>
                <td class="nowrap">
                  <button
                    type="button"
                    class="link"
                    data-open-key={openKey(line.settlementId, line.currency)}
                    onClick={() => onOpen(line.settlementId, line.currency)}
                  >
                    {t('ledgerSettlementName', [line.settlementId, line.currency])}
                  </button>
                </td>
                <td class="num">{money(line.grossMinor)}</td>
                <td class="num">{money(line.feeMinor)}</td>
                <td class="num">{money(line.reversalsMinor)}</td>
                <td class="num">
                  {money(line.identity.payout)}
                  <PayoutBadge state={payoutStates[line.settlementId]} />
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

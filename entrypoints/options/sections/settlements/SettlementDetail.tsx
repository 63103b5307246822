import { useEffect, useRef, useState } from 'preact/hooks';
import { PayoutBadge } from '@/components/PayoutBadge';
import { usePayoutStates } from '@/components/hooks/usePayoutStates';
import { t } from '@/utils/i18n';
import { explainingLines, type Check } from '@/utils/ledger/checks';
import type { StoredRow } from '@/utils/ledger/db';
import { settlementRows, type ListedSettlement } from '@/utils/ledger/queries';
import { effectiveFeeRate, largestReversals } from '@/utils/ledger/summary';
import { formatDateTime } from '@/utils/views/format';
import type { CurrencySeries } from '@/utils/views/settlement-chart';
import { CheckLines } from './CheckLines';
import { CATEGORY_LABEL } from '@/utils/views/category-labels';
import { ledgerDb } from './ledger-db';
import { formatMinor, formatRate } from '@/utils/views/money';
import { PayoutChart } from './PayoutChart';

interface Props {
  listed: ListedSettlement;
  /** Every settlement in this currency, for the chart. */
  series?: CurrencySeries;
  /** A row to show first, when the detail was opened from a search result. */
  focusLine?: number;
  onBack(): void;
  onSearch(query: string): void;
}

/** The category table, the effective fee rate, the largest reversals and the checks with their numbers. */
export function SettlementDetail({ listed, series, focusLine, onBack, onSearch }: Props) {
  const { summary } = listed;
  const payoutStates = usePayoutStates();
  const [rows, setRows] = useState<StoredRow[]>();
  // The control that opened the detail is gone: focus goes to its title, where reading and Tab continue.
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), [summary.settlementId, summary.currency]);
  useEffect(() => {
    let live = true;
    void ledgerDb()
      .then((db) => settlementRows(db, summary.settlementId, summary.currency))
      .then((loaded) => live && setRows(loaded));
    return () => {
      live = false;
    };
  }, [summary.settlementId, summary.currency]);

  const money = (minor: number) => formatMinor(minor, summary.currency);
  const checks: Check[] = [
    summary.rowArithmetic,
    summary.headerRows,
    {
      kind: 'payout-identity',
      ...summary.identity,
      ...listed.payout,
      candidates:
        rows && listed.payout.explanation === 'unexplained' ? explainingLines(rows, summary.identity.carry) : [],
    },
  ];
  const rate = rows && effectiveFeeRate(rows);
  const focused = rows?.find((r) => r.line === focusLine);

  return (
    <section class="ledger-detail" aria-labelledby="ledger-detail-title">
      <div class="card-actions ledger-detail-actions">
        <button type="button" class="link" onClick={onBack}>
          {t('ledgerBack')}
        </button>
        <button type="button" onClick={() => print()}>
          {t('ledgerPrint')}
        </button>
      </div>
      <h3 id="ledger-detail-title" ref={title} tabIndex={-1}>
        {t('ledgerSettlementName', [summary.settlementId, summary.currency])}
        <PayoutBadge state={payoutStates[summary.settlementId]} />
      </h3>
      <p class="hint">
        {summary.periodStart && summary.periodEnd
          ? t('ledgerPeriod', [formatDateTime(summary.periodStart), formatDateTime(summary.periodEnd)])
          : ''}
        {summary.periodStart && summary.periodEnd ? ' · ' : ''}
        {t('ledgerFileLine', [summary.fileName, summary.rowCount, summary.sellerId || '–'])}
      </p>
      {focused && <TimelineRowNote row={focused} money={money} />}
      <div class="table-scroll">
        <table class="data" aria-label={t('ledgerCategoryTableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('ledgerColCategory')}</th>
              <th scope="col" class="num">
                {t('ledgerColCount')}
              </th>
              <th scope="col" class="num">
                {t('ledgerColGross')}
              </th>
              <th scope="col" class="num">
                {t('ledgerColPercentageFee')}
              </th>
              <th scope="col" class="num">
                {t('ledgerColFixedFee')}
              </th>
              <th scope="col" class="num">
                {t('ledgerColTotalFee')}
              </th>
              <th scope="col" class="num">
                {t('ledgerColNet')}
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.categories.map((c) => (
              <tr key={c.category}>
                <th scope="row">{t(CATEGORY_LABEL[c.category])}</th>
                <td class="num">{c.count}</td>
                <td class="num">{money(c.grossMinor)}</td>
                <td class="num">{money(c.percentageFeeMinor)}</td>
                <td class="num">{money(c.fixedFeeMinor)}</td>
                <td class="num">{money(c.feeMinor)}</td>
                <td class="num">{money(c.netMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rate !== undefined && <p>{t('ledgerFeeRate', formatRate(rate))}</p>}
      <h4>{t('ledgerChecks')}</h4>
      <CheckLines checks={checks} currency={summary.currency} />
      {series && <PayoutChart series={series} current={summary.settlementId} />}
      {rows && largestReversals(rows).length > 0 && (
        <>
          <h4>{t('ledgerLargest')}</h4>
          <ul class="ledger-largest">
            {largestReversals(rows).map((row) => (
              <li key={row.line}>
                {t(CATEGORY_LABEL[row.category])} {money(row.amountMinor)}{' '}
                <button
                  type="button"
                  class="link"
                  onClick={() => onSearch(row.amazonOrderReferenceId || row.amazonTransactionId)}
                >
                  {row.amazonOrderReferenceId || row.amazonTransactionId || t('ledgerLine', row.line)}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function TimelineRowNote({ row, money }: { row: StoredRow; money: (minor: number) => string }) {
  return (
    <p class="notice notice-info" role="status">
      {t('ledgerFocusedRow', [
        row.line,
        t(CATEGORY_LABEL[row.category]),
        money(row.amountMinor),
        money(row.feeMinor),
        money(row.netMinor),
        row.amazonTransactionId || '–',
      ])}
    </p>
  );
}

import { t } from '@/utils/i18n';
import { layoutChart, type CurrencySeries } from '@/utils/views/settlement-chart';
import { formatDateTime, formatDay } from '@/utils/views/format';
import { formatAxisMinor, formatMinor } from '@/utils/views/money';

interface Props {
  series: CurrencySeries;
  /** The settlement the detail view shows, drawn stronger. */
  current?: string;
}

/** Payouts and fees per settlement in one currency: the drawing for the eye, the same numbers as a table for screen readers. */
export function PayoutChart({ series, current }: Props) {
  const { currency, points } = series;
  const layout = layoutChart(points);
  const money = (minor: number) => formatMinor(minor, currency);
  // The plot leaves about 12 characters for a tick label; longer amounts are written short there (the table and
  // each bar's title keep the exact figure).
  const axisMoney = (minor: number) => {
    const exact = money(minor);
    return exact.length > 12 ? formatAxisMinor(minor, currency) : exact;
  };
  const captionId = `ledger-chart-${currency}`;
  return (
    <figure class="ledger-chart" aria-labelledby={captionId}>
      <figcaption id={captionId}>{t('ledgerChartTitle', currency)}</figcaption>
      <p class="ledger-chart-legend" aria-hidden="true">
        <span class="legend-payout">{t('ledgerColPayout')}</span>
        <span class="legend-fee">{t('ledgerColFees')}</span>
      </p>
      <svg
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width={layout.width}
        height={layout.height}
        aria-hidden="true"
        focusable="false"
      >
        {layout.ticks.map((tick) => (
          <g key={tick.minor} class={tick.minor === 0 ? 'chart-zero' : 'chart-grid'}>
            <line x1={layout.left} x2={layout.width} y1={tick.y} y2={tick.y} />
            {tick.labelled && (
              <text x={layout.left - 6} y={tick.y} text-anchor="end" dominant-baseline="middle">
                {axisMoney(tick.minor)}
              </text>
            )}
          </g>
        ))}
        {layout.slots.map(({ point, payout, fee }) => (
          <g key={point.settlementId} class={point.settlementId === current ? 'chart-slot is-current' : 'chart-slot'}>
            <title>{t('ledgerChartBar', [point.settlementId, money(point.payoutMinor), money(point.feeMinor)])}</title>
            <rect class="chart-payout" x={payout.x} y={payout.y} width={payout.width} height={payout.height} />
            <rect class="chart-fee" x={fee.x} y={fee.y} width={fee.width} height={fee.height} />
          </g>
        ))}
        {layout.labels.map((label) => (
          <text key={label.anchor} class="chart-axis" x={label.x} y={layout.height - 6} text-anchor={label.anchor}>
            {formatDay(label.point.periodEnd ?? label.point.time)}
          </text>
        ))}
      </svg>
      {/* The figures behind the drawing: read by screen readers, and a Tab stop that shows them to keyboard users. */}
      <div class="ledger-chart-table" tabIndex={0} role="region" aria-labelledby={`${captionId}-table`}>
        <table class="data">
          <caption id={`${captionId}-table`}>{t('ledgerChartTableLabel', currency)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ledgerColPeriod')}</th>
              <th scope="col">{t('ledgerColSettlement')}</th>
              <th scope="col" class="num">
                {t('ledgerColPayout')}
              </th>
              <th scope="col" class="num">
                {t('ledgerColFees')}
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.settlementId}>
                <td>
                  {point.periodStart && point.periodEnd
                    ? t('ledgerPeriod', [formatDateTime(point.periodStart), formatDateTime(point.periodEnd)])
                    : formatDateTime(point.time)}
                </td>
                <th scope="row">{point.settlementId}</th>
                <td class="num">{money(point.payoutMinor)}</td>
                <td class="num">{money(point.feeMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** One chart per currency under a heading. */
export function PayoutCharts({ series }: { series: CurrencySeries[] }) {
  return (
    <section class="ledger-charts" aria-labelledby="ledger-charts-title">
      <h3 id="ledger-charts-title">{t('ledgerChartsTitle')}</h3>
      {series.map((s) => (
        <PayoutChart key={s.currency} series={s} />
      ))}
    </section>
  );
}

import { t } from '@/utils/i18n';
import type { SearchResult } from '@/utils/ledger/search';
import { OrderTimeline } from '@/components/OrderTimeline';
import { usePayoutStates } from '@/components/hooks/usePayoutStates';

interface Props {
  query: string;
  result?: SearchResult;
  onQuery(query: string): void;
  onOpen(settlementId: string, currency: string, line?: number): void;
}

/** Search by any id, prefix or amount; each hit is an order timeline ending in the payout that carried it. */
export function LedgerSearch({ query, result, onQuery, onOpen }: Props) {
  const payoutStates = usePayoutStates();
  return (
    <section class="ledger-search" aria-labelledby="ledger-search-title">
      <h3 id="ledger-search-title">{t('ledgerSearchTitle')}</h3>
      <label class="field">
        {t('ledgerSearchLabel')}
        <input type="search" value={query} onInput={(e) => onQuery((e.currentTarget as HTMLInputElement).value)} />
      </label>
      {result && result.query.kind !== 'empty' && (
        <div role="status">
          {result.timelines.length === 0 && result.settlements.length === 0 && (
            <p class="hint">{t('ledgerSearchNone')}</p>
          )}
          {result.truncated && <p class="hint">{t('ledgerSearchTruncated')}</p>}
          {result.settlements.map((s) => (
            <p key={`${s.settlementId}-${s.currency}`}>
              <button type="button" class="link" onClick={() => onOpen(s.settlementId, s.currency)}>
                {t('ledgerSettlementName', [s.settlementId, s.currency])}
              </button>
            </p>
          ))}
          {result.timelines.map((timeline) => (
            <OrderTimeline key={timeline.key} timeline={timeline} onOpen={onOpen} payoutStates={payoutStates} />
          ))}
        </div>
      )}
    </section>
  );
}

import { t } from '@/utils/i18n';
import { MIN_PREFIX, SEARCH_PAGE_SIZE, type SearchResult } from '@/utils/ledger/search';
import { OrderTimeline } from '@/components/OrderTimeline';
import { usePayoutStates } from '@/components/hooks/usePayoutStates';

interface Props {
  query: string;
  result?: SearchResult;
  onQuery(query: string): void;
  /** Shows the timelines from `offset` on. */
  onPage(offset: number): void;
  onOpen(settlementId: string, currency: string, line?: number): void;
}

/** Search by any id, prefix or amount; each hit is an order timeline ending in the payout that carried it. */
export function LedgerSearch({ query, result, onQuery, onPage, onOpen }: Props) {
  const payoutStates = usePayoutStates();
  return (
    <section class="ledger-search" aria-labelledby="ledger-search-title">
      <h3 id="ledger-search-title">{t('ledgerSearchTitle')}</h3>
      <label class="field">
        {t('ledgerSearchLabel')}
        <input
          type="search"
          data-open-key="search"
          value={query}
          onInput={(e) => onQuery((e.currentTarget as HTMLInputElement).value)}
        />
      </label>
      {result && result.query.kind !== 'empty' && (
        <div role="status">
          {result.timelines.length === 0 && result.settlements.length === 0 && (
            <p class="hint">{t('ledgerSearchNone')}</p>
          )}
          {result.prefixTooShort && <p class="hint">{t('ledgerSearchPrefixTooShort', MIN_PREFIX)}</p>}
          {result.timelines.length > 0 && (
            <p>
              {t('ledgerSearchShowing', [
                result.offset + 1,
                result.offset + result.timelines.length,
                result.matchedRows,
              ])}
            </p>
          )}
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
          {(result.offset > 0 || result.more) && (
            <nav class="ledger-search-pages" aria-label={t('ledgerSearchPages')}>
              {result.offset > 0 && (
                <button type="button" onClick={() => onPage(Math.max(0, result.offset - SEARCH_PAGE_SIZE))}>
                  {t('ledgerSearchPrevious')}
                </button>
              )}
              {result.more && (
                <button type="button" onClick={() => onPage(result.offset + result.timelines.length)}>
                  {t('ledgerSearchNext')}
                </button>
              )}
            </nav>
          )}
        </div>
      )}
    </section>
  );
}

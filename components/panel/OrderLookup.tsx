import { useCallback, useEffect, useState } from 'preact/hooks';
import { Notice } from '@/components/Notice';
import { OrderTimeline } from '@/components/OrderTimeline';
import { toSerialized } from '@/utils/messaging/client';
import { t } from '@/utils/i18n';
import type { OrderTimelineView } from '@/utils/ledger/order-lookup';
import type { SerializedError } from '@/utils/messaging/protocol';
import { errorText } from '@/utils/views/error-text';

interface Props {
  /** The order ids the page shows now (read from the page, never typed: the panel has no text fields). */
  findOrderIds(): string[];
  lookup(orderReferenceId: string): Promise<{ timelines: OrderTimelineView[] }>;
}

type Looked =
  | { id: string; state: 'loading' }
  | { id: string; state: 'done'; timelines: OrderTimelineView[] }
  | { id: string; state: 'failed'; error: SerializedError };

/** The timeline of the order this page shows, from the merchant's imported settlements; a choice when it shows several. */
export function OrderLookup({ findOrderIds, lookup }: Props) {
  const [ids, setIds] = useState(findOrderIds);
  const [looked, setLooked] = useState<Looked>();
  const show = useCallback(
    (id: string) => {
      setLooked({ id, state: 'loading' });
      const settle = (next: Looked) => setLooked((current) => (current?.id === id ? next : current));
      lookup(id).then(
        ({ timelines }) => settle({ id, state: 'done', timelines }),
        (error: unknown) => settle({ id, state: 'failed', error: toSerialized(error) }),
      );
    },
    [lookup],
  );
  // One order on the page: its timeline at once; several: the merchant picks.
  useEffect(() => {
    if (ids.length === 1) show(ids[0]!);
  }, [ids, show]);
  const lookAgain = () => {
    setLooked(undefined);
    setIds(findOrderIds());
  };

  return (
    <section class="rc-lookup" aria-labelledby="rc-lookup-title">
      <h3 id="rc-lookup-title">{t('panelOrderTitle')}</h3>
      {ids.length === 0 && <p class="rc-status">{t('panelOrderNone')}</p>}
      {ids.length > 1 && (
        <ul class="rc-order-ids" aria-label={t('panelOrderPick')}>
          {ids.map((id) => (
            <li key={id}>
              <button type="button" class="link" aria-pressed={looked?.id === id} onClick={() => show(id)}>
                {id}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div aria-live="polite">
        {looked?.state === 'loading' && <p class="rc-status">{t('panelOrderLoading', looked.id)}</p>}
        {looked?.state === 'done' && looked.timelines.length === 0 && (
          <p class="rc-status">{t('panelOrderNotInLedger', looked.id)}</p>
        )}
        {looked?.state === 'done' &&
          looked.timelines.map((timeline) => <OrderTimeline key={timeline.key} timeline={timeline} />)}
      </div>
      {looked?.state === 'failed' && <Notice tone="error">{errorText(looked.error)}</Notice>}
      <button type="button" class="link" onClick={lookAgain}>
        {t('panelOrderLookAgain')}
      </button>
    </section>
  );
}

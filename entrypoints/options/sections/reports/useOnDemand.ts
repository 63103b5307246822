import { useCallback, useEffect, useState } from 'preact/hooks';
import { useRequest } from '@/components/hooks/useRequest';
import { sendMessage } from '@/utils/messaging/client';
import type { OnDemandView } from '@/utils/messaging/protocol';

/** How often the list is read again while Amazon is still working on a report. */
export const ON_DEMAND_REFRESH_MS = 3_000;

/** The account's requested reports, read again on an interval while any is still IN_PROGRESS. */
export function useOnDemand(accountId: string) {
  const [items, setItems] = useState<OnDemandView[]>();
  const { error, fail, clear } = useRequest();

  const reload = useCallback(() => {
    sendMessage('listOnDemand', { accountId })
      .then((r) => {
        setItems(r.items);
        clear();
      })
      .catch(fail);
  }, [accountId, clear, fail]);

  useEffect(() => {
    setItems(undefined);
    reload();
  }, [reload]);

  const pending = items?.some((item) => item.status === 'IN_PROGRESS') ?? false;
  useEffect(() => {
    if (!pending) return undefined;
    const timer = setInterval(reload, ON_DEMAND_REFRESH_MS);
    return () => clearInterval(timer);
  }, [pending, reload]);

  return { items, error, reload };
}

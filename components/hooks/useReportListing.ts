import { useCallback, useEffect, useState } from 'preact/hooks';
import { sendMessage, toSerialized } from '@/utils/messaging/client';
import type { ReportListing, SerializedError } from '@/utils/messaging/protocol';

export interface ListingState {
  listing?: ReportListing;
  refreshing: boolean;
  /** A failure that left nothing to show (a failed refresh over a cached list is `listing.refreshError`). */
  error?: SerializedError;
  refresh(): void;
}

/**
 * Stale-while-revalidate: the cached list paints at once, then a fresh one replaces it. A view that already
 * holds the cached list (the popup asks for it while it starts) passes it as `initial` and saves a round trip.
 */
export function useReportListing(accountId: string | undefined, initial?: ReportListing): ListingState {
  const seed = initial?.accountId === accountId ? initial : undefined;
  const [listing, setListing] = useState<ReportListing | undefined>(seed);
  const [refreshing, setRefreshing] = useState(false);
  const [error, setError] = useState<SerializedError>();

  const refresh = useCallback(() => {
    if (!accountId) return;
    setRefreshing(true);
    sendMessage('listReports', { accountId, mode: 'fresh' })
      .then((fresh) => {
        setListing(fresh);
        setError(undefined);
      })
      .catch((e) => setError(toSerialized(e)))
      .finally(() => setRefreshing(false));
  }, [accountId]);

  useEffect(() => {
    if (!accountId) return;
    let live = true;
    setListing(seed);
    setError(undefined);
    if (!seed) {
      sendMessage('listReports', { accountId, mode: 'cached' })
        .then((cached) => {
          if (live) setListing((current) => current ?? cached);
        })
        .catch((e) => {
          if (live) setError(toSerialized(e));
        });
    }
    refresh();
    return () => {
      live = false;
    };
  }, [accountId, refresh, seed]);

  return { listing, refreshing, error, refresh };
}

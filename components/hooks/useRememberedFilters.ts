import { useEffect, useState } from 'preact/hooks';
import { storage } from 'wxt/utils/storage';
import { DEFAULT_FILTERS, type ReportFilters } from '@/utils/views/report-filters';

const filtersItem = storage.defineItem<ReportFilters>('local:reportFilters', { fallback: DEFAULT_FILTERS });

/** The filters last chosen, over the defaults (a filter added since then starts at its default). */
export async function loadRememberedFilters(): Promise<ReportFilters> {
  return { ...DEFAULT_FILTERS, ...(await filtersItem.getValue()) };
}

/**
 * Filters survive closing the popup; they load before the first render that uses them. A view that read them while
 * it started passes them as `initial`.
 */
export function useRememberedFilters(
  initial?: ReportFilters,
): [ReportFilters | undefined, (filters: ReportFilters) => void] {
  const [filters, setFilters] = useState<ReportFilters | undefined>(initial);
  useEffect(() => {
    if (!initial) void loadRememberedFilters().then((stored) => setFilters((current) => current ?? stored));
  }, [initial]);
  const update = (next: ReportFilters) => {
    setFilters(next);
    void filtersItem.setValue(next);
  };
  return [filters, update];
}

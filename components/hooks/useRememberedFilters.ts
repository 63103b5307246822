import { useEffect, useState } from 'preact/hooks';
import { storage } from 'wxt/utils/storage';
import { DEFAULT_FILTERS, type ReportFilters } from '@/utils/views/report-filters';

const filtersItem = storage.defineItem<ReportFilters>('local:reportFilters', { fallback: DEFAULT_FILTERS });

/** Filters survive closing the popup; they load before the first render that uses them. */
export function useRememberedFilters(): [ReportFilters | undefined, (filters: ReportFilters) => void] {
  const [filters, setFilters] = useState<ReportFilters>();
  useEffect(() => {
    void filtersItem.getValue().then((stored) => setFilters((current) => current ?? { ...DEFAULT_FILTERS, ...stored }));
  }, []);
  const update = (next: ReportFilters) => {
    setFilters(next);
    void filtersItem.setValue(next);
  };
  return [filters, update];
}

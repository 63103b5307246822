import { PROCESSING_STATUSES } from '@/utils/amazon-pay/types';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { reportTypeName } from '@/utils/views/format';
import type { PeriodChoice, ReportFilters } from '@/utils/views/report-filters';

const PERIODS: Array<[PeriodChoice, Parameters<typeof t>[0]]> = [
  ['7', 'period7'],
  ['30', 'period30'],
  ['90', 'period90'],
  ['custom', 'periodCustom'],
];

interface Props {
  filters: ReportFilters;
  /** Types present in the account's reports, so the picker offers nothing that cannot match. */
  availableTypes: string[];
  onChange(filters: ReportFilters): void;
  /** False where a page could read keystrokes (the Seller Central panel): no search, no typed dates. */
  typing?: boolean;
}

export function Filters({ filters, availableTypes, onChange, typing = true }: Props) {
  const set = (patch: Partial<ReportFilters>) => onChange({ ...filters, ...patch });
  const picker = useRef<HTMLDetailsElement>(null);
  // The type list floats over the reports: Escape or a click elsewhere closes it, like a menu.
  useEffect(() => {
    const closeOutside = (e: Event) => {
      if (picker.current?.open && !e.composedPath().includes(picker.current)) picker.current.open = false;
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, []);
  const closeOnEscape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !picker.current?.open) return;
    picker.current.open = false;
    picker.current.querySelector('summary')?.focus();
  };
  const toggleType = (type: string, on: boolean) =>
    set({ types: on ? [...filters.types, type] : filters.types.filter((x) => x !== type) });
  const typeSummary =
    filters.types.length === 0
      ? t('filterTypeAll')
      : filters.types.length === 1
        ? reportTypeName(filters.types[0]!)
        : t('filterTypeSome', filters.types.length);

  return (
    <div class="filters">
      <details class="type-picker" ref={picker} onKeyDown={closeOnEscape}>
        <summary aria-label={`${t('filterType')}: ${typeSummary}`}>{typeSummary}</summary>
        <fieldset>
          <legend class="visually-hidden">{t('filterType')}</legend>
          {availableTypes.map((type) => (
            <label key={type} class="check">
              <input
                type="checkbox"
                checked={filters.types.includes(type)}
                onChange={(e) => toggleType(type, e.currentTarget.checked)}
              />
              {reportTypeName(type)}
            </label>
          ))}
        </fieldset>
      </details>
      <label class="field">
        <span class="visually-hidden">{t('filterStatus')}</span>
        <select
          value={filters.status}
          onChange={(e) => set({ status: e.currentTarget.value as ReportFilters['status'] })}
        >
          <option value="">{t('filterStatusAll')}</option>
          {PROCESSING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span class="visually-hidden">{t('filterPeriod')}</span>
        <select value={filters.period} onChange={(e) => set({ period: e.currentTarget.value as PeriodChoice })}>
          {PERIODS.filter(([value]) => typing || value !== 'custom').map(([value, key]) => (
            <option key={value} value={value}>
              {t(key)}
            </option>
          ))}
        </select>
      </label>
      {typing && filters.period === 'custom' && (
        <div class="custom-period">
          <label class="field">
            {t('periodFrom')}
            <input type="date" value={filters.from ?? ''} onChange={(e) => set({ from: e.currentTarget.value })} />
          </label>
          <label class="field">
            {t('periodTo')}
            <input type="date" value={filters.to ?? ''} onChange={(e) => set({ to: e.currentTarget.value })} />
          </label>
        </div>
      )}
      {typing && (
        <label class="field search">
          <span class="visually-hidden">{t('filterSearch')}</span>
          <input
            type="search"
            placeholder={t('filterSearch')}
            value={filters.search}
            onInput={(e) => set({ search: e.currentTarget.value })}
          />
        </label>
      )}
    </div>
  );
}

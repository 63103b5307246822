/**
 * The options page's sections, each loaded on its own when first shown: the page's own code is the navigation and
 * the active section, so a direct link paints without loading (or preloading) the others.
 */
import type { ComponentType } from 'preact';
import type { MessageKey } from '@/utils/i18n';

export interface Section {
  id: string;
  label: MessageKey;
  load(): Promise<ComponentType>;
}

export const SECTIONS: readonly Section[] = [
  {
    id: 'accounts',
    label: 'navAccounts',
    load: () => import('./sections/accounts/AccountsSection').then((m) => m.AccountsSection),
  },
  { id: 'bulk', label: 'navBulk', load: () => import('./sections/bulk/BulkSection').then((m) => m.BulkSection) },
  {
    id: 'history',
    label: 'navHistory',
    load: () => import('./sections/history/HistorySection').then((m) => m.HistorySection),
  },
  {
    id: 'auto-archive',
    label: 'navAutoArchive',
    load: () => import('./sections/auto-archive/AutoArchiveSection').then((m) => m.AutoArchiveSection),
  },
  {
    id: 'reports',
    label: 'navReports',
    load: () => import('./sections/reports/ReportsSection').then((m) => m.ReportsSection),
  },
  {
    id: 'settlements',
    label: 'navSettlements',
    load: () => import('./sections/settlements/SettlementsSection').then((m) => m.SettlementsSection),
  },
  {
    id: 'accounting',
    label: 'navAccounting',
    load: () => import('./sections/books/AccountingSection').then((m) => m.AccountingSection),
  },
  {
    id: 'exports',
    label: 'navExports',
    load: () => import('./sections/books/ExportsSection').then((m) => m.ExportsSection),
  },
  { id: 'bank', label: 'navBank', load: () => import('./sections/books/BankSection').then((m) => m.BankSection) },
];

/** The section an address names (`#settlements`), or the first one. */
export function sectionFor(hash: string): Section {
  const id = hash.slice(1);
  return SECTIONS.find((s) => s.id === id) ?? SECTIONS[0]!;
}

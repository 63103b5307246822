/**
 * All the popup's first row needs, read straight from storage and IndexedDB: a message to the background would wait
 * for it to wake. The panel asks the background for a fresh list once the cached rows are on screen.
 */
import { loadRememberedFilters } from '@/components/hooks/useRememberedFilters';
import { openReportCache } from '../amazon-pay/report-cache';
import { listAccountsAndSelection } from '../accounts/store';
import type { Account } from '../accounts/types';
import { openJobsDb, type JobsDb } from '../downloads/jobs-store';
import type { ReportListing } from '../messaging/protocol';
import { readCachedListing } from './cached-listing';
import type { ReportFilters } from './report-filters';

export interface PopupStart {
  accounts: Account[];
  selectedId?: string;
  /** The selected account's cached list; without it (IndexedDB unusable here) the panel asks the background. */
  listing?: ReportListing;
  filters?: ReportFilters;
}

export async function readPopupStart(db: JobsDb = openJobsDb()): Promise<PopupStart> {
  // The three databases open together: the list's two are opening while the accounts are read.
  // A failure to open shows up where the list is read, below.
  void Promise.all([openReportCache(), db('readonly', () => undefined)]).catch(() => undefined);
  const [{ accounts, selected }, filters] = await Promise.all([listAccountsAndSelection(), loadRememberedFilters()]);
  const listing = selected && (await readCachedListing(db, selected.id).catch(() => undefined));
  return { accounts, selectedId: selected?.id, listing, filters };
}

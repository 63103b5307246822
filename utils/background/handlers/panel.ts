import { selectedAccount } from '../../accounts/store';
import type { Account } from '../../accounts/types';
import type { Region } from '../../amazon-pay/endpoints';
import { baseName } from '../../downloads/filenames';
import type { PanelAccount, ProgressEvent, ReportListing } from '../../messaging/protocol';
import type { Caller } from '../../messaging/senders';
import type { Services } from '../services';
import { NoAccountError } from '../errors';

/** The account a listing without an id is about: the remembered one; for a panel, its region's (the remembered one if it is there). */
export async function defaultAccount(services: Services, caller: Caller): Promise<Account> {
  const remembered = await selectedAccount();
  if (caller.kind !== 'seller-central') {
    if (!remembered) throw new NoAccountError();
    return remembered;
  }
  const inRegion = await services.accountsInRegion(caller.region);
  const chosen = inRegion.find((a) => a.id === remembered?.id) ?? inRegion[0];
  if (!chosen) throw new NoAccountError(caller.region);
  return chosen;
}

/** A region's accounts as a panel may see them: names and environments, never key ids or key details. */
export async function regionAccounts(services: Services, region: Region): Promise<PanelAccount[]> {
  return (await services.accountsInRegion(region)).map(({ id, label, region: r, environment }) => ({
    id,
    label,
    region: r,
    environment,
  }));
}

/** A panel runs next to a page: it learns a saved file's name, never the folders of the merchant's disk. */
export function panelListing(listing: ReportListing): ReportListing {
  return {
    ...listing,
    reports: listing.reports.map((r) =>
      r.downloaded ? { ...r, downloaded: { ...r.downloaded, filename: baseName(r.downloaded.filename) } } : r,
    ),
  };
}

const eventAccount = (event: ProgressEvent) => (event.type === 'job' ? event.job.accountId : event.batch.accountId);

/**
 * What a panel's progress port hears: events of its region's accounts, decided per event (accounts come and go
 * while a page stays open), with file names and no folders.
 */
export function panelProgress(services: Pick<Services, 'account'>, region: Region) {
  return async (event: ProgressEvent): Promise<ProgressEvent | undefined> => {
    const account = await services.account(eventAccount(event)).catch(() => undefined);
    if (account?.region !== region) return undefined;
    if (event.type === 'job' && event.job.filename)
      return { ...event, job: { ...event.job, filename: baseName(event.job.filename) } };
    return event;
  };
}

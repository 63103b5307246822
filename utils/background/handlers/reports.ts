import { writeCachedReports } from '../../amazon-pay/report-cache';
import { retentionStart } from '../../amazon-pay/retention';
import type { Account } from '../../accounts/types';
import { candidateKeyId } from '../../keys/candidate-key';
import type { CandidateSettings, ReportListing } from '../../messaging/protocol';
import { readCachedListing, toListing } from '../../views/cached-listing';
import type { Handlers } from '../router';
import { toSerialized } from '../../messaging/client';
import { accountFor } from '../access';
import type { Services } from '../services';
import { defaultAccount, panelListing, regionAccounts } from './panel';

/** Only the four settings a key replacement may change, whatever else the message carries. */
function candidateSettings({ region, environment, publicKeyId, algorithm }: CandidateSettings): CandidateSettings {
  return { region, environment, publicKeyId, algorithm };
}

export function reportHandlers(services: Services): Pick<Handlers, 'listReports' | 'testConnection'> {
  async function listingFor(account: Account, mode: 'cached' | 'fresh'): Promise<ReportListing> {
    if (mode === 'cached') return readCachedListing(services.db, account.id);
    try {
      const reports = await services.client(account).listReports({ createdSince: retentionStart(Date.now()) });
      const fresh = await writeCachedReports(account.id, reports);
      const clockSkewSeconds = Math.round(services.skew.offset(account.region) / 1000);
      return { ...(await toListing(services.db, account.id, fresh.reports, fresh.fetchedAt)), clockSkewSeconds };
    } catch (error) {
      // A failed refresh keeps what we had on screen and says why.
      return { ...(await readCachedListing(services.db, account.id)), refreshError: toSerialized(error) };
    }
  }

  return {
    async listReports({ accountId, mode }, caller) {
      const account =
        accountId === undefined
          ? await defaultAccount(services, caller)
          : await accountFor(services, accountId, caller);
      const result = await listingFor(account, mode);
      // The panel learns its region's accounts here, so the content script needs no account-listing message of its own.
      return caller.kind === 'seller-central'
        ? { ...panelListing(result), regionAccounts: await regionAccounts(services, caller.region) }
        : result;
    },

    async testConnection({ accountId, candidate }) {
      const stored = await services.account(accountId);
      const account = candidate ? { ...stored, ...candidateSettings(candidate) } : stored;
      try {
        const page = await services
          .client(account, candidate ? candidateKeyId(accountId) : accountId)
          .listReportsPage({ pageSize: 1 });
        const skewMs = services.skew.offset(account.region);
        return { ok: true, reportsSeen: page.reports.length, clockSkewSeconds: Math.round(skewMs / 1000) };
      } catch (error) {
        return { ok: false, error: toSerialized(error) };
      }
    },
  };
}

import { accountSettlements, dropAccountSettlements } from '../../accounts/settlements';
import { listAccounts, removeAccount, selectAccount, selectedAccount } from '../../accounts/store';
import { deleteCachedReports } from '../../amazon-pay/report-cache';
import { removeAutoArchiveState } from '../../archive/auto-archive';
import { removeOnDemandFor } from '../../archive/on-demand';
import { searchHistory } from '../../downloads/history';
import { discardCandidateKey } from '../../keys/candidate-key';
import { deleteKey, hasKey, loadKeyRecord } from '../../keys/keystore';
import type { Handlers } from '../router';
import { syncAutoArchiveAlarm } from './auto-archive';
import type { Services } from '../services';

export function accountHandlers(
  services: Services,
): Pick<Handlers, 'listAccounts' | 'selectAccount' | 'accountSettlements' | 'removeAccount'> {
  return {
    async listAccounts() {
      const accounts = await listAccounts();
      const withKeys = await Promise.all(
        accounts.map(async (a) => {
          const record = await loadKeyRecord(a.id);
          return {
            ...a,
            hasKey: Boolean(record),
            keyAddedAt: record?.addedAt,
            keyFingerprint: record?.publicKeyFingerprint,
          };
        }),
      );
      return { accounts: withKeys, selectedId: (await selectedAccount())?.id };
    },
    async selectAccount({ accountId }) {
      await services.account(accountId);
      await selectAccount(accountId);
      return null;
    },
    async accountSettlements({ accountId }) {
      return accountSettlements(await services.ledger(), accountId);
    },
    /**
     * Drops the account's own settlements from the ledger when asked (first: if that fails, nothing is removed),
     * stops its downloads, then forgets its key, settings, requested reports, auto-archive and report list: nothing
     * of it is left to sign with or to follow. Its download history stays, like the files it names.
     */
    async removeAccount({ accountId, dropSettlements = false }) {
      const ledger = await services.ledger();
      const settlementsDropped = dropSettlements ? await dropAccountSettlements(ledger, accountId) : 0;
      const { own, shared } = await accountSettlements(ledger, accountId);
      const { jobs } = await services.pipeline.snapshot();
      await services.pipeline.cancelJobs(jobs.filter((j) => j.accountId === accountId).map((j) => j.id));
      await deleteKey(accountId);
      await discardCandidateKey(accountId);
      await removeOnDemandFor(accountId);
      await syncAutoArchiveAlarm(services.alarms, accountId, false, 0);
      await removeAutoArchiveState(accountId);
      await deleteCachedReports(accountId);
      await removeAccount(accountId);
      const historyKept = (await searchHistory(services.db, { accountId })).length;
      return { keyDeleted: !(await hasKey(accountId)), historyKept, settlementsDropped, settlementsKept: own + shared };
    },
  };
}

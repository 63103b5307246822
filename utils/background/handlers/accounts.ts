import { listAccounts, removeAccount, selectAccount, selectedAccount } from '../../accounts/store';
import { discardCandidateKey } from '../../keys/candidate-key';
import { deleteKey, hasKey, loadKeyRecord } from '../../keys/keystore';
import type { Handlers } from '../router';
import type { Services } from '../services';

export function accountHandlers(services: Services): Pick<Handlers, 'listAccounts' | 'selectAccount' | 'removeAccount'> {
  return {
    async listAccounts() {
      const accounts = await listAccounts();
      const withKeys = await Promise.all(accounts.map(async (a) => {
        const record = await loadKeyRecord(a.id);
        return { ...a, hasKey: Boolean(record), keyAddedAt: record?.addedAt, keyFingerprint: record?.publicKeyFingerprint };
      }));
      return { accounts: withKeys, selectedId: (await selectedAccount())?.id };
    },
    async selectAccount({ accountId }) {
      await services.account(accountId);
      await selectAccount(accountId);
      return null;
    },
    /** Stops the account's downloads, then forgets its key and settings: nothing of it is left to sign with. */
    async removeAccount({ accountId }) {
      const { jobs } = await services.pipeline.snapshot();
      await services.pipeline.cancelJobs(jobs.filter((j) => j.accountId === accountId).map((j) => j.id));
      await deleteKey(accountId);
      await discardCandidateKey(accountId);
      await removeAccount(accountId);
      return { keyDeleted: !(await hasKey(accountId)) };
    },
  };
}

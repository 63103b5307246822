import { useCallback, useEffect, useState } from 'preact/hooks';
import { type AccountMatch, matchAccount } from '@/utils/bank/account-match';
import { decide as keepDecision } from '@/utils/bank/bank-store';
import type { Decision } from '@/utils/bank/match';
import { matchCsv } from '@/utils/bank/match-csv';
import { readAccountingSettings } from '@/utils/books/accounting-settings';
import { fileNamePart } from '@/utils/books/export-types';
import type { AccountView } from '@/utils/messaging/protocol';
import { saveTextFile } from '@/utils/views/save-file';
import { ledgerDb } from '../settlements/ledger-db';

/** The account's bank match, recomputed after an import or a decision. */
export function useBankMatch(account: AccountView) {
  const [match, setMatch] = useState<AccountMatch>();
  const refresh = useCallback(async () => {
    const settings = await readAccountingSettings(account.id, account.region);
    setMatch(await matchAccount(await ledgerDb(), account.id, settings, new Date()));
  }, [account.id, account.region]);
  useEffect(() => {
    setMatch(undefined);
    void refresh();
  }, [refresh]);
  const decide = async (decision: Decision) => {
    await keepDecision(account.id, decision);
    await refresh();
  };
  const exportCsv = () => {
    if (match) saveTextFile(matchCsv(match), `bank-match_${fileNamePart(account.label)}_${match.today}.csv`);
  };
  return { match, refresh, decide, exportCsv };
}

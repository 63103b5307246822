import { useCallback, useEffect, useState } from 'preact/hooks';
import { type AccountMatch, matchAccount } from '@/utils/bank/account-match';
import { keepDisbursements, decide as keepDecision } from '@/utils/bank/bank-store';
import { disbursementWindow } from '@/utils/bank/disbursement-views';
import type { Decision } from '@/utils/bank/match';
import { matchCsv } from '@/utils/bank/match-csv';
import { readAccountingSettings } from '@/utils/books/accounting-settings';
import { fileNamePart } from '@/utils/books/export-types';
import { sendMessage } from '@/utils/messaging/client';
import type { AccountView } from '@/utils/messaging/protocol';
import { saveTextFile } from '@/utils/views/save-file';
import { ledgerDb } from '../settlements/ledger-db';

/** The account's bank match, recomputed after an import, a decision or payouts fetched from Amazon. */
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
  /** Asks Amazon for the payouts the imported statements may show, keeps them, matches again; how many came. */
  const fetchPayouts = async () => {
    const dates = match ? [...match.entries.values()].map((e) => e.bookingDate) : [];
    const window = disbursementWindow(dates, new Date());
    const { disbursements } = await sendMessage('listDisbursements', { accountId: account.id, ...window });
    await keepDisbursements(account.id, disbursements);
    await refresh();
    return disbursements.length;
  };
  return { match, refresh, decide, exportCsv, fetchPayouts };
}

import { useEffect, useState } from 'preact/hooks';
import { type AccountingSettings, readAccountingSettings } from '@/utils/books/accounting-settings';
import { ledgerSellers } from '@/utils/books/ledger-source';
import type { AccountView } from '@/utils/messaging/protocol';
import { ledgerDb } from '../settlements/ledger-db';

export interface AccountBooks {
  settings: AccountingSettings;
  /** Currencies the ledger holds for the account's seller id. */
  currencies: string[];
}

/** An account's accounting settings and the currencies of its settlements in the ledger; undefined while loading. */
export function useAccountBooks(account: AccountView | undefined): AccountBooks | undefined {
  const [books, setBooks] = useState<AccountBooks>();
  useEffect(() => {
    setBooks(undefined);
    if (!account) return;
    let current = true;
    void (async () => {
      const settings = await readAccountingSettings(account.id, account.region);
      const sellers = await ledgerSellers(await ledgerDb());
      const currencies = sellers.find((s) => s.sellerId === settings.sellerId)?.currencies ?? [];
      if (current) setBooks({ settings, currencies });
    })();
    return () => {
      current = false;
    };
  }, [account]);
  return books;
}

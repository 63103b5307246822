import { useEffect, useState } from 'preact/hooks';
import { type LedgerSeller, ledgerSellers } from '@/utils/books/ledger-source';
import { t } from '@/utils/i18n';
import { AccountGate } from '../../AccountGate';
import { ledgerDb } from '../settlements/ledger-db';
import { AccountingCard } from './AccountingCard';

/** Accounting settings per account: what the exports and the bank match book with. */
export function AccountingSection() {
  const [sellers, setSellers] = useState<LedgerSeller[]>([]);
  useEffect(() => {
    ledgerDb()
      .then(ledgerSellers)
      .then(setSellers)
      .catch(() => setSellers([]));
  }, []);
  return (
    <div>
      <p class="hint">{t('acctIntro')}</p>
      <AccountGate>
        {(accounts) =>
          accounts.map((account) => <AccountingCard key={account.id} account={account} sellers={sellers} />)
        }
      </AccountGate>
    </div>
  );
}

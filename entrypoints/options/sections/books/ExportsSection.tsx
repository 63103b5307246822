import { t } from '@/utils/i18n';
import { AccountGate } from '../../AccountGate';
import { ExportForm } from './ExportForm';

/** Accounting files from the ledger: one account, currency, period and format at a time. */
export function ExportsSection() {
  return (
    <div>
      <p class="hint">{t('exportIntro')}</p>
      <AccountGate>{(accounts) => <ExportForm accounts={accounts} />}</AccountGate>
    </div>
  );
}

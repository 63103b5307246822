import { t } from '@/utils/i18n';
import { AccountGate } from '../../AccountGate';
import { AutoArchiveCard } from './AutoArchiveCard';

export function AutoArchiveSection() {
  return (
    <div>
      <p class="hint">{t('autoArchiveIntro')}</p>
      <AccountGate>
        {(accounts) => accounts.map((account) => <AutoArchiveCard key={account.id} account={account} />)}
      </AccountGate>
    </div>
  );
}

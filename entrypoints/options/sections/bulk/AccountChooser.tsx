import { accountDescription } from '@/components/AccountPicker';
import { t } from '@/utils/i18n';
import type { AccountView } from '@/utils/messaging/protocol';

interface Props {
  accounts: AccountView[];
  selectedId: string;
  onSelect(accountId: string): void;
}

/** A labelled account choice; with a single account it just names the account. */
export function AccountChooser({ accounts, selectedId, onSelect }: Props) {
  if (accounts.length === 1)
    return (
      <p class="account-line">
        {t('accountLabel')}: <strong>{accountDescription(accounts[0]!)}</strong>
      </p>
    );
  return (
    <label class="field account-line">
      {t('accountLabel')}
      <select value={selectedId} onChange={(e) => onSelect(e.currentTarget.value)}>
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {accountDescription(a)}
          </option>
        ))}
      </select>
    </label>
  );
}

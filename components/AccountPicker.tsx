import { t } from '@/utils/i18n';
import type { Account } from '@/utils/accounts/types';

const REGION_KEYS = { na: 'regionNa', eu: 'regionEu', jp: 'regionJp' } as const;

interface Props {
  accounts: Account[];
  selectedId: string;
  onSelect(id: string): void;
  /** The options page's form: a visible label, and a lone account named instead of hidden. */
  labelled?: boolean;
}

export function regionName(region: Account['region']): string {
  return t(REGION_KEYS[region]);
}

export function accountDescription(account: Account): string {
  return `${account.label} · ${regionName(account.region)} · ${t(account.environment === 'live' ? 'envLive' : 'envSandbox')}`;
}

/** The one account choice of every view; a select only when there is a choice to make. */
export function AccountPicker({ accounts, selectedId, onSelect, labelled = false }: Props) {
  if (labelled && accounts.length === 1)
    return (
      <p class="account-line">
        {t('accountLabel')}: <strong>{accountDescription(accounts[0]!)}</strong>
      </p>
    );
  if (accounts.length < 2) return null;
  return (
    <label class={labelled ? 'field account-line' : 'field account-picker'}>
      {labelled ? t('accountLabel') : <span class="visually-hidden">{t('accountLabel')}</span>}
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

export function EnvironmentBadge({ account }: { account: Account }) {
  return (
    <span class={`badge badge-${account.environment}`}>
      {t(account.environment === 'live' ? 'envLive' : 'envSandbox')}
    </span>
  );
}

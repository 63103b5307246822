import { useEffect, useState } from 'preact/hooks';
import { EnvironmentBadge } from '@/components/AccountPicker';
import { Notice } from '@/components/Notice';
import {
  type AccountingProblem,
  type AccountingSettings,
  accountingProblems,
  readAccountingSettings,
  saveAccountingSettings,
} from '@/utils/books/accounting-settings';
import type { LedgerSeller } from '@/utils/books/ledger-source';
import { DEFAULT_TIME_ZONE } from '@/utils/books/time-zone';
import { t } from '@/utils/i18n';
import type { AccountView } from '@/utils/messaging/protocol';
import { DatevFields } from './DatevFields';
import { Field } from './Field';
import { problemText } from './problem-text';

interface Props {
  account: AccountView;
  sellers: readonly LedgerSeller[];
}

const zones = (): string[] => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return Object.values(DEFAULT_TIME_ZONE);
  }
};

/** Problem text per field, as DatevFields and the other fields look them up. */
function byField(problems: readonly AccountingProblem[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) out[p.field.replace(/^datev\./, '')] ??= problemText(p);
  return out;
}

interface SuggestFieldProps {
  id: string;
  label: string;
  hint: string;
  problem: string | undefined;
  value: string;
  suggestions: readonly { value: string; label?: string }[];
  onInput(value: string): void;
}

/** A free-text field with a list of known values to pick from (time zones, the ledger's seller ids). */
function SuggestField({ id, label, hint, problem, value, suggestions, onInput }: SuggestFieldProps) {
  const listId = `${id}-suggestions`;
  return (
    <Field id={id} label={label} hint={hint} problem={problem}>
      {(describedBy, invalid) => (
        <>
          <input
            id={id}
            type="text"
            list={listId}
            autocomplete="off"
            spellcheck={false}
            value={value}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={(e) => onInput(e.currentTarget.value.trim())}
          />
          <datalist id={listId}>
            {suggestions.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}

/** One account's accounting settings: loaded, edited, validated as they are typed once Save was tried, saved. */
export function AccountingCard({ account, sellers }: Props) {
  const [settings, setSettings] = useState<AccountingSettings>();
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    readAccountingSettings(account.id, account.region)
      .then(setSettings)
      .catch((e: unknown) => setFailure(String(e)));
  }, [account.id, account.region]);
  if (!settings) {
    return failure ? (
      <Notice tone="error">{failure}</Notice>
    ) : (
      <p class="hint" role="status">
        {t('loading')}
      </p>
    );
  }
  const problems = tried ? accountingProblems(settings) : [];
  const shown = byField(problems);
  const edit = (next: AccountingSettings) => {
    setSettings(next);
    setSaved(false);
  };
  const save = (e: Event) => {
    e.preventDefault();
    setTried(true);
    setFailure(undefined);
    saveAccountingSettings(account.id, settings)
      .then((refused) => setSaved(refused.length === 0))
      .catch((error: unknown) => setFailure(String(error)));
  };
  const id = (name: string) => `acct-${account.id}-${name}`;
  return (
    <form class="form card books-settings" noValidate onSubmit={save} aria-label={account.label}>
      <h3>
        {account.label} <EnvironmentBadge account={account} />
      </h3>
      <SuggestField
        id={id('zone')}
        label={t('acctTimeZone')}
        hint={t('acctTimeZoneHint', DEFAULT_TIME_ZONE[account.region])}
        problem={shown.timeZone}
        value={settings.timeZone}
        suggestions={zones().map((zone) => ({ value: zone }))}
        onInput={(timeZone) => edit({ ...settings, timeZone })}
      />
      <SuggestField
        id={id('seller')}
        label={t('acctSellerId')}
        hint={t('acctSellerIdHint')}
        problem={shown.sellerId}
        value={settings.sellerId}
        suggestions={sellers.map((s) => ({ value: s.sellerId, label: s.currencies.join(', ') }))}
        onInput={(sellerId) => edit({ ...settings, sellerId })}
      />
      <DatevFields
        idPrefix={id('datev')}
        value={settings.datev}
        problems={shown}
        onChange={(datev) => edit({ ...settings, datev })}
      />
      {problems.length > 0 && (
        <Notice tone="error" title={t('acctNotSaved')}>
          <ul>
            {problems.map((p) => (
              <li key={p.field + p.code}>{problemText(p)}</li>
            ))}
          </ul>
        </Notice>
      )}
      {failure && <Notice tone="error">{failure}</Notice>}
      {saved && <Notice tone="info">{t('acctSaved')}</Notice>}
      <div class="card-actions">
        <button type="submit" class="primary">
          {t('acctSave')}
        </button>
      </div>
    </form>
  );
}

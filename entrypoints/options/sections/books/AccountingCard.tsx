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
      <Field
        id={id('zone')}
        label={t('acctTimeZone')}
        hint={t('acctTimeZoneHint', DEFAULT_TIME_ZONE[account.region])}
        problem={shown.timeZone}
      >
        {(describedBy, invalid) => (
          <>
            <input
              id={id('zone')}
              type="text"
              list={id('zones')}
              autocomplete="off"
              spellcheck={false}
              value={settings.timeZone}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onInput={(e) => edit({ ...settings, timeZone: e.currentTarget.value.trim() })}
            />
            <datalist id={id('zones')}>
              {zones().map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field id={id('seller')} label={t('acctSellerId')} hint={t('acctSellerIdHint')} problem={shown.sellerId}>
        {(describedBy, invalid) => (
          <>
            <input
              id={id('seller')}
              type="text"
              list={id('sellers')}
              autocomplete="off"
              spellcheck={false}
              value={settings.sellerId}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onInput={(e) => edit({ ...settings, sellerId: e.currentTarget.value.trim() })}
            />
            <datalist id={id('sellers')}>
              {sellers.map((s) => (
                <option key={s.sellerId} value={s.sellerId}>
                  {s.currencies.join(', ')}
                </option>
              ))}
            </datalist>
          </>
        )}
      </Field>
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

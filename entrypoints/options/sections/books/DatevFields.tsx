import type { ChartOfAccounts, DatevAccountRole, DatevSettings } from '@/utils/books/datev-settings';
import { CHARTS_OF_ACCOUNTS, suggestedAccounts } from '@/utils/books/datev-settings';
import { t, type MessageKey, uiLanguage } from '@/utils/i18n';
import { Field } from './Field';

interface Props {
  idPrefix: string;
  value: DatevSettings;
  onChange(value: DatevSettings): void;
  /** Problem text per field name (`consultantNumber`, `accounts.fees`, …). */
  problems: Record<string, string>;
}

const ROLES: readonly [DatevAccountRole, MessageKey][] = [
  ['clearing', 'acctRoleClearing'],
  ['receivables', 'acctRoleReceivables'],
  ['disputes', 'acctRoleDisputes'],
  ['fees', 'acctRoleFees'],
  ['transit', 'acctRoleTransit'],
  ['reserve', 'acctRoleReserve'],
  ['other', 'acctRoleOther'],
];

const monthName = (month: number) =>
  new Intl.DateTimeFormat(uiLanguage(), { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, month - 1, 1));

/** The DATEV numbers, fiscal year, chart and account plan; every suggestion is labelled as one. */
export function DatevFields({ idPrefix, value, onChange, problems }: Props) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const suggestions = suggestedAccounts(value.chart, value.accountLength);
  const text = (name: 'consultantNumber' | 'clientNumber' | 'feeTaxKey', label: MessageKey, hint: MessageKey) => (
    <Field id={id(name)} label={t(label)} hint={t(hint)} problem={problems[name]}>
      {(describedBy, invalid) => (
        <input
          id={id(name)}
          type="text"
          inputMode="numeric"
          autocomplete="off"
          value={value[name]}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onInput={(e) => onChange({ ...value, [name]: e.currentTarget.value.trim() })}
        />
      )}
    </Field>
  );
  return (
    <fieldset class="books-datev">
      <legend>{t('acctDatevLegend')}</legend>
      <p class="hint">{t('acctDatevHint')}</p>
      {text('consultantNumber', 'acctConsultant', 'acctConsultantHint')}
      {text('clientNumber', 'acctClient', 'acctClientHint')}
      <Field id={id('fiscal')} label={t('acctFiscalStart')} problem={problems.fiscalYearStartMonth}>
        {(describedBy) => (
          <select
            id={id('fiscal')}
            value={value.fiscalYearStartMonth}
            aria-describedby={describedBy}
            onChange={(e) => onChange({ ...value, fiscalYearStartMonth: Number(e.currentTarget.value) })}
          >
            {Array.from({ length: 12 }, (_, i) => (
              <option key={i} value={i + 1}>
                {monthName(i + 1)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={id('length')} label={t('acctAccountLength')} hint={t('acctAccountLengthHint')}>
        {(describedBy) => (
          <select
            id={id('length')}
            value={value.accountLength}
            aria-describedby={describedBy}
            onChange={(e) => onChange({ ...value, accountLength: Number(e.currentTarget.value) })}
          >
            {[4, 5, 6, 7, 8].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={id('chart')} label={t('acctChart')}>
        {() => (
          <select
            id={id('chart')}
            value={value.chart}
            onChange={(e) => onChange({ ...value, chart: e.currentTarget.value as ChartOfAccounts })}
          >
            {CHARTS_OF_ACCOUNTS.map((chart) => (
              <option key={chart} value={chart}>
                {chart}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset class="books-plan">
        <legend>{t('acctPlan')}</legend>
        <p class="hint">{t('acctPlanHint', [value.chart, value.accountLength])}</p>
        {ROLES.map(([role, label]) => (
          <Field
            key={role}
            id={id(`account-${role}`)}
            label={t(label)}
            hint={t('acctSuggested', suggestions[role])}
            problem={problems[`accounts.${role}`]}
          >
            {(describedBy, invalid) => (
              <input
                id={id(`account-${role}`)}
                type="text"
                inputMode="numeric"
                autocomplete="off"
                value={value.accounts[role]}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onInput={(e) =>
                  onChange({ ...value, accounts: { ...value.accounts, [role]: e.currentTarget.value.trim() } })
                }
              />
            )}
          </Field>
        ))}
        <div class="card-actions">
          <button type="button" onClick={() => onChange({ ...value, accounts: suggestions })}>
            {t('acctUseSuggestions', [value.chart, value.accountLength])}
          </button>
        </div>
      </fieldset>
      <label class="choice">
        <input
          type="checkbox"
          checked={value.lockBookings}
          onChange={(e) => onChange({ ...value, lockBookings: e.currentTarget.checked })}
        />
        {t('acctLockBookings')}
      </label>
      {text('feeTaxKey', 'acctFeeTaxKey', 'acctFeeTaxKeyHint')}
    </fieldset>
  );
}

import { PROCESSING_STATUSES } from '@/utils/amazon-pay/types';
import { accountDescription } from '@/components/AccountPicker';
import { t } from '@/utils/i18n';
import type { AccountView, BulkPreview } from '@/utils/messaging/protocol';
import { reportTypeName } from '@/utils/views/format';
import { oldestDay, typesForAccounts, type BulkForm } from '@/utils/bulk/selection';
import { utcDay } from '@/utils/time/days';
import { CheckGroup } from '../../form/CheckGroup';
import { DayField } from '../../form/DayField';
import { PreviewTable } from './PreviewTable';

interface Props {
  accounts: AccountView[];
  form: BulkForm;
  onChange(form: BulkForm): void;
  /** Shown once the merchant tried to check an incomplete form. */
  problem?: string;
  preview?: BulkPreview;
  busy: boolean;
  now: number;
  onCheck(): void;
  onStart(): void;
}

/** What to download: accounts, types, statuses and a period; "Check" counts before anything starts. */
export function BulkFormView({ accounts, form, onChange, problem, preview, busy, now, onCheck, onStart }: Props) {
  const set = (patch: Partial<BulkForm>) => onChange({ ...form, ...patch });
  const chosen = accounts.filter((a) => form.accountIds.includes(a.id));
  const types = typesForAccounts(chosen.length ? chosen : accounts);
  const newReports = preview ? preview.perAccount.reduce((n, p) => n + p.matching - p.archived, 0) : 0;

  return (
    <form
      class="form bulk-form"
      aria-label={t('bulkFormLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        onCheck();
      }}
    >
      {accounts.length > 1 && (
        <CheckGroup
          legend={t('bulkAccounts')}
          options={accounts.map((a) => ({ value: a.id, label: accountDescription(a) }))}
          selected={form.accountIds}
          onChange={(accountIds) => set({ accountIds })}
        />
      )}
      <CheckGroup
        legend={t('bulkTypes')}
        options={types.map((type) => ({ value: type, label: reportTypeName(type) }))}
        selected={form.reportTypes.filter((type) => types.includes(type))}
        onChange={(reportTypes) => set({ reportTypes })}
      />
      <CheckGroup
        legend={t('bulkStatuses')}
        options={PROCESSING_STATUSES.map((s) => ({ value: s, label: t(`status${s}`) }))}
        selected={form.statuses}
        onChange={(statuses) => set({ statuses: statuses as BulkForm['statuses'] })}
      />
      {form.statuses.some((s) => s !== 'COMPLETED') && <p class="hint">{t('bulkOnlyCompleted')}</p>}
      <fieldset class="check-group">
        <legend>{t('bulkPeriod')}</legend>
        <div class="period">
          <DayField
            label={t('periodFrom')}
            value={form.from}
            min={oldestDay(now)}
            max={utcDay(now)}
            onInput={(from) => set({ from })}
          />
          <DayField
            label={t('periodTo')}
            value={form.to}
            min={oldestDay(now)}
            max={utcDay(now)}
            onInput={(to) => set({ to })}
          />
        </div>
        <p class="hint">{t('bulkPeriodHint')}</p>
      </fieldset>
      {problem && (
        <p class="invalid" role="alert">
          {problem}
        </p>
      )}
      <div class="card-actions">
        <button type="submit" disabled={busy}>
          {t('bulkCheck')}
        </button>
        {preview && (
          <button type="button" class="primary" disabled={busy || newReports === 0} onClick={onStart}>
            {newReports === 0 ? t('bulkNothingNew') : t('bulkStart', newReports)}
          </button>
        )}
      </div>
      {preview && <PreviewTable accounts={accounts} preview={preview} />}
    </form>
  );
}

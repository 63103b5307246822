import { SCHEDULE_FREQUENCIES } from '@/utils/amazon-pay/types';
import { t } from '@/utils/i18n';
import { frequencyLabel, type ScheduleForm as Form } from '@/utils/archive/schedule-form';
import { InlineForm } from '../../form/InlineForm';
import { ReportTypeField } from './ReportTypeField';

interface Props {
  types: string[];
  form: Form;
  onChange(form: Form): void;
  onSubmit(): void;
  problem?: string;
  busy: boolean;
}

/** A new schedule: Amazon then creates the report by itself at this frequency. */
export function ScheduleForm({ types, form, onChange, onSubmit, problem, busy }: Props) {
  const set = (patch: Partial<Form>) => onChange({ ...form, ...patch });
  return (
    <InlineForm
      label={t('scheduleCreateTitle')}
      submitLabel={t('scheduleCreate')}
      busy={busy}
      problem={problem}
      onSubmit={onSubmit}
    >
      <ReportTypeField types={types} value={form.reportType} onChange={(reportType) => set({ reportType })} />
      <label class="field">
        {t('scheduleFrequency')}
        <select value={form.scheduleFrequency} onChange={(e) => set({ scheduleFrequency: e.currentTarget.value })}>
          {SCHEDULE_FREQUENCIES.map((f) => (
            <option key={f} value={f}>
              {frequencyLabel(f)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        {t('scheduleNextCreation')}
        <input
          type="datetime-local"
          value={form.nextCreation}
          onInput={(e) => set({ nextCreation: e.currentTarget.value })}
        />
      </label>
      <label class="check form-wide">
        <input
          type="checkbox"
          checked={form.replaceExisting}
          onChange={(e) => set({ replaceExisting: e.currentTarget.checked })}
        />
        {t('scheduleReplace')}
      </label>
    </InlineForm>
  );
}

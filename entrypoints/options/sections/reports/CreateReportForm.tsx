import { t } from '@/utils/i18n';
import { utcDay } from '@/utils/time/days';
import type { ReportRequestForm } from '@/utils/archive/report-range';
import { InlineForm } from '../../form/InlineForm';
import { DayField } from '../../form/DayField';
import { ReportTypeField } from './ReportTypeField';

interface Props {
  types: string[];
  form: ReportRequestForm;
  onChange(form: ReportRequestForm): void;
  onSubmit(): void;
  problem?: string;
  busy: boolean;
  now: number;
}

/** Ask Amazon for a report of a period; the types offered are those Amazon allows for this account. */
export function CreateReportForm({ types, form, onChange, onSubmit, problem, busy, now }: Props) {
  const set = (patch: Partial<ReportRequestForm>) => onChange({ ...form, ...patch });
  return (
    <InlineForm
      label={t('createReportTitle')}
      submitLabel={t('createReport')}
      busy={busy}
      problem={problem}
      onSubmit={onSubmit}
    >
      <ReportTypeField types={types} value={form.reportType} onChange={(reportType) => set({ reportType })} />
      <DayField label={t('periodFrom')} value={form.from} max={utcDay(now)} onInput={(from) => set({ from })} />
      <DayField label={t('periodTo')} value={form.to} max={utcDay(now)} onInput={(to) => set({ to })} />
    </InlineForm>
  );
}

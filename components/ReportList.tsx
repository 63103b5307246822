import type { JobView, ReportView } from '@/utils/messaging/protocol';
import { t } from '@/utils/i18n';
import { useRowLimit } from './hooks/useRowLimit';
import { ReportRow, type RowActions } from './ReportRow';

interface Props extends RowActions {
  reports: ReportView[];
  /** The latest job per report id, to show live state in its row. */
  jobs: Map<string, JobView>;
  emptyText: string;
}

export function ReportList({ reports, jobs, emptyText, ...actions }: Props) {
  const limit = useRowLimit(reports.length);
  if (reports.length === 0) return <p class="empty">{emptyText}</p>;
  return (
    <ul class="reports" aria-label={t('reportsListLabel')}>
      {reports.slice(0, limit).map((report) => (
        <ReportRow key={report.reportId} report={report} job={jobs.get(report.reportId)} {...actions} />
      ))}
    </ul>
  );
}

import { useEffect, useState } from 'preact/hooks';
import type { JobView, ReportView } from '@/utils/messaging/protocol';
import { t } from '@/utils/i18n';
import { ReportRow, type RowActions } from './ReportRow';

interface Props extends RowActions {
  reports: ReportView[];
  /** The latest job per report id, to show live state in its row. */
  jobs: Map<string, JobView>;
  emptyText: string;
}

/** Rows painted in the first frame; the rest follow in the next one, so a long list does not delay the first. */
const FIRST_FRAME_ROWS = 25;

export function ReportList({ reports, jobs, emptyText, ...actions }: Props) {
  const [limit, setLimit] = useState(FIRST_FRAME_ROWS);
  const more = reports.length > limit;
  useEffect(() => {
    if (!more) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setLimit(Infinity), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [more]);
  if (reports.length === 0) return <p class="empty">{emptyText}</p>;
  return (
    <ul class="reports" aria-label={t('reportsListLabel')}>
      {reports.slice(0, limit).map((report) => (
        <ReportRow key={report.reportId} report={report} job={jobs.get(report.reportId)} {...actions} />
      ))}
    </ul>
  );
}

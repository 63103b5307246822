import { t } from '@/utils/i18n';
import type { JobView, OnDemandView } from '@/utils/messaging/protocol';
import { errorText } from '@/utils/views/error-text';
import { formatBytes, formatDateTime, formatDay, reportTypeName, shortPath } from '@/utils/views/format';

interface Props {
  items: OnDemandView[];
  /** The newest download job per report ID. */
  jobs: Map<string, JobView>;
}

/** Reports requested here, followed until Amazon finishes them; finished ones are downloaded by the background. */
export function OnDemandList({ items, jobs }: Props) {
  if (items.length === 0) return <p class="empty">{t('onDemandEmpty')}</p>;
  const rows = [...items].sort((a, b) => Date.parse(b.requestedAt) - Date.parse(a.requestedAt));
  return (
    <div class="table-scroll">
      <table class="data on-demand" aria-label={t('onDemandTableLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('columnReport')}</th>
            <th scope="col">{t('columnPeriod')}</th>
            <th scope="col">{t('columnRequested')}</th>
            <th scope="col">{t('columnStatus')}</th>
            <th scope="col">{t('columnDownload')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((item) => (
            <tr key={item.reportId} data-report-id={item.reportId} data-status={item.status}>
              <td>
                {reportTypeName(item.reportType)} <span class="report-id">{item.reportId}</span>
              </td>
              <td>{t('reportPeriod', [formatDay(item.startTime), formatDay(item.endTime)])}</td>
              <td>{formatDateTime(item.requestedAt)}</td>
              <td>{statusText(item)}</td>
              <td aria-live="polite">{downloadText(item, jobs.get(item.reportId))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function statusText(item: OnDemandView): string {
  switch (item.status) {
    case 'IN_PROGRESS':
      return t('onDemandInProgress');
    case 'COMPLETED':
      return t('statusCOMPLETED');
    case 'CANCELLED':
      return t('onDemandCancelled');
    case 'FAILED':
      return item.error ? t('onDemandStopped', errorText(item.error)) : t('onDemandFailed');
  }
}

function downloadText(item: OnDemandView, job: JobView | undefined): string {
  if (job) {
    if (job.state === 'done') return t('onDemandSavedAs', job.filename ? shortPath(job.filename) : '');
    if (job.state === 'failed') return t('stateFailed', job.error ? errorText(job.error) : '');
    if (job.state === 'cancelled') return t('stateCancelled');
    if (job.state === 'downloading')
      return job.bytes ? t('stateDownloadingBytes', formatBytes(job.bytes)) : t('stateDownloading');
    return job.state === 'queued' ? t('stateQueued') : t('stateRequestingUrl');
  }
  return item.status === 'IN_PROGRESS' ? t('onDemandWillDownload') : '';
}

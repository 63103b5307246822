import type { JobView, ReportView } from '@/utils/messaging/protocol';
import { baseName } from '@/utils/downloads/filenames';
import { t } from '@/utils/i18n';
import { errorText } from '@/utils/views/error-text';
import { formatBytes, formatDay, formatDateTime, reportTypeName } from '@/utils/views/format';

export interface RowActions {
  onDownload(reportId: string, force: boolean): void;
  /** Absent where the browser's download folder cannot be opened (the Seller Central panel). */
  onShow?: (downloadId: number) => void;
  /** False where archived reports may not be fetched again (the Seller Central panel); retries then never force. */
  downloadAgain?: boolean;
}

interface Props extends RowActions {
  report: ReportView;
  job?: JobView;
}

export function ReportRow({ report, job, onDownload, onShow, downloadAgain = true }: Props) {
  const typeName = reportTypeName(report.reportType);
  return (
    <li class="report" data-report-id={report.reportId}>
      <div class="report-main">
        <div class="report-title">
          <span class="report-type">{typeName}</span>
          <span class={`status status-${report.processingStatus.toLowerCase()}`}>
            {t(`status${report.processingStatus}`)}
          </span>
        </div>
        <div class="report-meta">{t('reportPeriod', [formatDay(report.startTime), formatDay(report.endTime)])}</div>
        <div class="report-meta">
          {t('reportCreated', formatDateTime(report.createdTime))}
          <span class="report-id"> · {report.reportId}</span>
        </div>
        {report.downloaded && !job && (
          <div class="report-saved" title={report.downloaded.filename}>
            {t('reportDownloaded', baseName(report.downloaded.filename))}
          </div>
        )}
      </div>
      <div class="report-action" aria-live="polite">
        <RowAction
          report={report}
          job={job}
          typeName={typeName}
          onDownload={onDownload}
          onShow={onShow}
          downloadAgain={downloadAgain}
        />
      </div>
    </li>
  );
}

function RowAction({ report, job, typeName, onDownload, onShow, downloadAgain }: Props & { typeName: string }) {
  const label = t('downloadReportLabel', [typeName, report.reportId]);
  if (job && (job.state === 'queued' || job.state === 'requesting-url' || job.state === 'downloading')) {
    return <span class="job-state">{liveText(job)}</span>;
  }
  if (job?.state === 'done') {
    return (
      <span class="job-state">
        <span>{t('stateDone')}</span>
        {job.downloadId !== undefined && onShow && (
          <button type="button" class="link" onClick={() => onShow(job.downloadId!)}>
            {t('showInFolder')}
          </button>
        )}
      </span>
    );
  }
  if (job?.state === 'failed') {
    return (
      <span class="job-state job-failed">
        {t('stateFailed', job.error ? errorText(job.error) : '')}
        <button
          type="button"
          onClick={() => onDownload(report.reportId, downloadAgain !== false)}
          aria-label={`${t('retry')}: ${label}`}
        >
          {t('retry')}
        </button>
      </span>
    );
  }
  if (report.downloaded && downloadAgain === false) return <span class="job-state">{t('stateDone')}</span>;
  const again = downloadAgain !== false && (Boolean(report.downloaded) || job?.state === 'cancelled');
  return (
    <button
      type="button"
      class={again ? 'secondary' : 'primary'}
      disabled={report.processingStatus !== 'COMPLETED'}
      aria-label={label}
      onClick={() => onDownload(report.reportId, again)}
    >
      {again ? t('downloadAgain') : t('download')}
    </button>
  );
}

function liveText(job: JobView): string {
  if (job.state === 'queued') return t('stateQueued');
  if (job.state === 'requesting-url') return t('stateRequestingUrl');
  return job.bytes ? t('stateDownloadingBytes', formatBytes(job.bytes)) : t('stateDownloading');
}

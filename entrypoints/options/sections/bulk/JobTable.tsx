import { t, type MessageKey } from '@/utils/i18n';
import type { JobState } from '@/utils/downloads/types';
import type { AccountView, JobView } from '@/utils/messaging/protocol';
import { errorText } from '@/utils/views/error-text';
import { formatBytes, shortPath } from '@/utils/views/format';

const STATE_KEYS: Record<JobState, MessageKey> = {
  queued: 'stateQueued',
  'requesting-url': 'stateRequestingUrl',
  downloading: 'stateDownloading',
  done: 'stateDone',
  failed: 'statusFAILED',
  cancelled: 'stateCancelled',
};

interface Props {
  jobs: JobView[];
  accounts: AccountView[];
}

/** Every report of the run with its live state, by account, type and period; rows keep their place while states change. */
export function JobTable({ jobs, accounts }: Props) {
  const label = (id: string) => accounts.find((a) => a.id === id)?.label ?? id;
  const rows = [...jobs].sort(
    (a, b) =>
      label(a.accountId).localeCompare(label(b.accountId)) ||
      shortPath(a.filename ?? '').localeCompare(shortPath(b.filename ?? '')) ||
      a.reportId.localeCompare(b.reportId),
  );
  return (
    <div class="table-scroll">
      <table class="data jobs" aria-label={t('bulkJobsLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('accountLabel')}</th>
            <th scope="col">{t('columnReport')}</th>
            <th scope="col">{t('columnState')}</th>
            <th scope="col" class="num">
              {t('columnSize')}
            </th>
            <th scope="col">{t('columnFile')}</th>
            <th scope="col">{t('columnError')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((job) => (
            <tr key={job.jobId} data-report-id={job.reportId} data-state={job.state} class={`job-${job.state}`}>
              <td class="nowrap">{label(job.accountId)}</td>
              <td class="report-id">{job.reportId}</td>
              <td class="nowrap">{t(STATE_KEYS[job.state])}</td>
              <td class="num">{job.bytes !== undefined ? formatBytes(job.bytes) : ''}</td>
              <td class="file" title={job.filename}>
                {job.filename ? shortPath(job.filename) : ''}
              </td>
              <td class="job-failed">{job.error ? errorText(job.error) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

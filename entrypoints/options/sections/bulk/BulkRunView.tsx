import { Notice } from '@/components/Notice';
import { ProgressBar } from '@/components/ProgressBar';
import { t } from '@/utils/i18n';
import type { AccountView, JobView } from '@/utils/messaging/protocol';
import type { FailureGroup, RunProgress } from '@/utils/bulk/run';
import { JobTable } from './JobTable';

export interface RunActions {
  onPause(): void;
  onResume(): void;
  onCancel(): void;
  onRetryFailed(): void;
  /** Forgets the finished run and shows the form again. */
  onNew(): void;
}

interface Props extends RunActions {
  progress: RunProgress;
  failures: FailureGroup[];
  jobs: JobView[];
  accounts: AccountView[];
  skipped: number;
}

/** One bar for the whole run, its controls, the failures by reason, and every report's state. */
export function BulkRunView({ progress, failures, jobs, accounts, skipped, ...actions }: Props) {
  const finished = progress.live === 0;
  return (
    <section class="bulk-run" aria-label={t('bulkRunLabel')}>
      <div class="bulk">
        <ProgressBar done={progress.done} total={progress.total} />
      </div>
      <p role="status" class="run-status">
        {statusText(progress, finished)}
      </p>
      {skipped > 0 && <p class="hint">{t('bulkSkipped', skipped)}</p>}
      {progress.stoppedReason && (
        <Notice tone="warning" title={t('bulkStopped')}>
          {progress.stoppedReason}
        </Notice>
      )}
      <div class="card-actions">
        {!finished &&
          (progress.paused ? (
            <button type="button" class="primary" onClick={actions.onResume}>
              {t('bulkResume')}
            </button>
          ) : (
            <button type="button" onClick={actions.onPause}>
              {t('bulkPause')}
            </button>
          ))}
        {!finished && (
          <button type="button" onClick={actions.onCancel}>
            {t('bulkCancel')}
          </button>
        )}
        {finished && (
          <button type="button" class="primary" onClick={actions.onNew}>
            {t('bulkNewRun')}
          </button>
        )}
        {finished && progress.done > 0 && (
          <a class="button-link" href="#history">
            {t('bulkSeeHistory')}
          </a>
        )}
      </div>
      {failures.length > 0 && (
        <section class="failures" aria-label={t('bulkFailuresLabel')}>
          <h3>{t('bulkFailuresTitle', progress.failed)}</h3>
          <ul>
            {failures.map((f) => (
              <li key={f.reason}>
                <strong>{t('bulkFailureCount', f.reportIds.length)}</strong> {f.reason}
                <div class="hint report-id">{f.reportIds.join(', ')}</div>
              </li>
            ))}
          </ul>
          <button type="button" class="primary" onClick={actions.onRetryFailed}>
            {t('bulkRetryFailed')}
          </button>
        </section>
      )}
      <JobTable jobs={jobs} accounts={accounts} />
    </section>
  );
}

function statusText(p: RunProgress, finished: boolean): string {
  if (!finished) return p.paused ? t('bulkPaused', [p.done, p.total]) : t('bulkRunning', [p.done, p.total]);
  return t('bulkFinished', [p.done, p.failed, p.cancelled]);
}

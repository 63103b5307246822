import { useState } from 'preact/hooks';
import { Notice } from '@/components/Notice';
import { useRequest } from '@/components/hooks/useRequest';
import { sendMessage } from '@/utils/messaging/client';
import { t } from '@/utils/i18n';
import type { AccountView, BulkPreview } from '@/utils/messaging/protocol';
import { errorText } from '@/utils/views/error-text';
import { AccountGate } from '../../AccountGate';
import { groupFailures } from '@/utils/bulk/run';
import { defaultForm, formProblem, toSelection, type BulkForm } from '@/utils/bulk/selection';
import { BulkFormView } from './BulkFormView';
import { BulkRunView } from './BulkRunView';
import { useBulkRun } from './useBulkRun';

export function BulkSection() {
  return <AccountGate>{(accounts) => <BulkDownload accounts={accounts} />}</AccountGate>;
}

/** While a run is stored, its progress; otherwise the form that starts one. */
function BulkDownload({ accounts }: { accounts: AccountView[] }) {
  const bulk = useBulkRun();
  const [form, setForm] = useState<BulkForm>(() => defaultForm(accounts, Date.now()));
  const [preview, setPreview] = useState<BulkPreview>();
  const [problem, setProblem] = useState<string>();
  const { busy, error, notice, run } = useRequest();

  const check = () => {
    const key = formProblem(form, Date.now());
    setProblem(key && t(key));
    if (key) return;
    void run(async () => setPreview(await sendMessage('previewBulk', toSelection(form, Date.now()))));
  };
  const start = () =>
    void run(async () => {
      const { queued, skipped } = await bulk.start(preview!);
      setPreview(undefined);
      return queued === 0 ? t('bulkNothingQueued', skipped) : undefined;
    });

  const showRun = bulk.run && bulk.loaded;
  return (
    <div>
      <p class="hint">{t('bulkIntro')}</p>
      {error && (
        <Notice tone="error" title={t('bulkFailedTitle')}>
          {errorText(error)}
        </Notice>
      )}
      {bulk.error && (
        <Notice tone="error" title={t('bulkFailedTitle')}>
          {errorText(bulk.error)}
        </Notice>
      )}
      {notice && <Notice tone="info">{notice}</Notice>}
      {showRun ? (
        <BulkRunView
          progress={bulk.progress}
          failures={groupFailures(bulk.jobs, t('bulkUnknownReason'))}
          jobs={bulk.jobs}
          accounts={accounts}
          skipped={bulk.run!.skipped}
          onPause={bulk.pause}
          onResume={bulk.resume}
          onCancel={bulk.cancel}
          onRetryFailed={bulk.retryFailed}
          onNew={bulk.clear}
        />
      ) : (
        bulk.run === null && (
          <BulkFormView
            accounts={accounts}
            form={form}
            onChange={(next) => {
              setForm(next);
              setPreview(undefined);
              setProblem(undefined);
            }}
            problem={problem}
            preview={preview}
            busy={busy}
            now={Date.now()}
            onCheck={check}
            onStart={start}
          />
        )
      )}
    </div>
  );
}

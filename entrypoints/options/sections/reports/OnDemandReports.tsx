import { useState } from 'preact/hooks';
import { Notice } from '@/components/Notice';
import { useDownloads } from '@/components/hooks/useDownloads';
import { useRequest } from '@/components/hooks/useRequest';
import { sendMessage } from '@/utils/messaging/client';
import { creatableTypes } from '@/utils/amazon-pay/report-types';
import { t } from '@/utils/i18n';
import type { AccountView } from '@/utils/messaging/protocol';
import { errorText } from '@/utils/views/error-text';
import { CreateReportForm } from './CreateReportForm';
import { OnDemandList } from './OnDemandList';
import { defaultReportForm, rangeProblem, toRange, type ReportRequestForm } from '@/utils/archive/report-range';
import { useOnDemand } from './useOnDemand';

/** Create a report, then watch it: Amazon prepares it, the background downloads it when it is done. */
export function OnDemandReports({ account }: { account: AccountView }) {
  const types = creatableTypes(account.environment);
  const { items, error: listError, reload } = useOnDemand(account.id);
  const { jobsByReport } = useDownloads(account.id);
  const [form, setForm] = useState<ReportRequestForm>(() => defaultReportForm(types[0] ?? '', Date.now()));
  const [problem, setProblem] = useState<string>();
  const { busy, error, run, clear } = useRequest();

  const create = () => {
    const now = Date.now();
    const key = rangeProblem(form, now);
    setProblem(key && t(key));
    clear();
    if (key) return;
    void run(async () => {
      await sendMessage('createReport', { accountId: account.id, reportType: form.reportType, ...toRange(form, now) });
      reload();
    });
  };

  return (
    <section class="card" aria-labelledby="on-demand-title">
      <h3 id="on-demand-title">{t('createReportTitle')}</h3>
      <p class="hint">{t('createReportHint')}</p>
      <CreateReportForm
        types={types}
        form={form}
        onChange={setForm}
        onSubmit={create}
        problem={problem}
        busy={busy}
        now={Date.now()}
      />
      {error && (
        <Notice tone="error" title={t('createReportFailed')}>
          {errorText(error)}
        </Notice>
      )}
      {listError && (
        <Notice tone="error" title={t('onDemandLoadFailed')} action={{ label: t('retry'), onClick: reload }}>
          {errorText(listError)}
        </Notice>
      )}
      {items && <OnDemandList items={items} jobs={jobsByReport} />}
    </section>
  );
}

import { useCallback, useEffect, useState } from 'preact/hooks';
import { Notice } from '@/components/Notice';
import { useRequest } from '@/components/hooks/useRequest';
import { sendMessage } from '@/utils/messaging/client';
import { schedulableTypes } from '@/utils/amazon-pay/report-types';
import { t } from '@/utils/i18n';
import type { AccountView, ScheduleView } from '@/utils/messaging/protocol';
import { errorText } from '@/utils/views/error-text';
import { defaultScheduleForm, scheduleProblem, type ScheduleForm as Form } from '@/utils/archive/schedule-form';
import { ScheduleForm } from './ScheduleForm';
import { ScheduleList } from './ScheduleList';

/** The account's report schedules at Amazon: list, create, cancel. */
export function Schedules({ account }: { account: AccountView }) {
  const types = schedulableTypes(account.environment);
  const [schedules, setSchedules] = useState<ScheduleView[]>();
  const [form, setForm] = useState<Form>(() => defaultScheduleForm(types[0] ?? '', Date.now()));
  const [problem, setProblem] = useState<string>();
  const { busy, error, notice, run, fail } = useRequest();

  const reload = useCallback(() => {
    sendMessage('listSchedules', { accountId: account.id })
      .then((r) => setSchedules(r.schedules))
      .catch(fail);
  }, [account.id, fail]);
  useEffect(reload, [reload]);

  const act = (work: () => Promise<string>) =>
    void run(async () => {
      const message = await work();
      reload();
      return message;
    });

  const create = () => {
    const key = scheduleProblem(form, schedules ?? [], Date.now());
    setProblem(key && t(key));
    if (key) return;
    act(async () => {
      await sendMessage('createSchedule', {
        accountId: account.id,
        reportType: form.reportType,
        scheduleFrequency: form.scheduleFrequency,
        nextReportCreationTime: form.nextCreation ? new Date(form.nextCreation).toISOString() : undefined,
        deleteExistingSchedule: form.replaceExisting,
      });
      return t('scheduleCreated');
    });
  };
  const cancel = (reportScheduleId: string) =>
    act(async () => {
      await sendMessage('cancelSchedule', { accountId: account.id, reportScheduleId });
      return t('scheduleCancelled');
    });

  return (
    <section class="card" aria-labelledby="schedules-title">
      <h3 id="schedules-title">{t('schedulesTitle')}</h3>
      <p class="hint">{t('schedulesHint')}</p>
      {notice && <Notice tone="info">{notice}</Notice>}
      {error && (
        <Notice tone="error" title={t('scheduleFailed')}>
          {errorText(error)}
        </Notice>
      )}
      {schedules ? (
        <ScheduleList schedules={schedules} onCancel={cancel} busy={busy} />
      ) : (
        !error && (
          <p class="hint" role="status">
            {t('loading')}
          </p>
        )
      )}
      <h4>{t('scheduleCreateTitle')}</h4>
      <ScheduleForm types={types} form={form} onChange={setForm} onSubmit={create} problem={problem} busy={busy} />
    </section>
  );
}

import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { ScheduleView } from '@/utils/messaging/protocol';
import { formatDateTime, reportTypeName } from '@/utils/views/format';
import { frequencyLabel } from '@/utils/archive/schedule-form';

interface Props {
  schedules: ScheduleView[];
  onCancel(reportScheduleId: string): void;
  busy: boolean;
}

/** The account's schedules (Amazon allows one per report type); cancelling asks once more. */
export function ScheduleList({ schedules, onCancel, busy }: Props) {
  const [confirming, setConfirming] = useState<string>();
  if (schedules.length === 0) return <p class="empty">{t('schedulesEmpty')}</p>;
  return (
    <table class="data schedules" aria-label={t('schedulesTableLabel')}>
      <thead>
        <tr>
          <th scope="col">{t('reportType')}</th>
          <th scope="col">{t('scheduleFrequency')}</th>
          <th scope="col">{t('scheduleNextCreation')}</th>
          <th scope="col">
            <span class="visually-hidden">{t('columnActions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {schedules.map((s) => {
          const name = reportTypeName(s.reportType);
          return (
            <tr key={s.reportScheduleId} data-schedule-id={s.reportScheduleId}>
              <td>{name}</td>
              <td>{frequencyLabel(s.scheduleFrequency)}</td>
              <td>{s.nextReportCreationTime ? formatDateTime(s.nextReportCreationTime) : t('scheduleNextUnknown')}</td>
              <td class="row-actions">
                {confirming === s.reportScheduleId ? (
                  <>
                    <button type="button" class="danger" disabled={busy} onClick={() => onCancel(s.reportScheduleId)}>
                      {t('scheduleConfirmCancel', name)}
                    </button>
                    <button type="button" onClick={() => setConfirming(undefined)}>
                      {t('scheduleKeep')}
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={t('scheduleCancelLabel', name)}
                    onClick={() => setConfirming(s.reportScheduleId)}
                  >
                    {t('scheduleCancel')}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

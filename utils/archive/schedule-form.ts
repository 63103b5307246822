import { SCHEDULE_FREQUENCIES } from '@/utils/amazon-pay/types';
import { t, type MessageKey } from '@/utils/i18n';
import type { ScheduleView } from '@/utils/messaging/protocol';
import { DAY_MS } from '@/utils/time/days';

const HOUR_MS = 3_600_000;

export interface ScheduleForm {
  reportType: string;
  scheduleFrequency: string;
  /** datetime-local text (the merchant's local time), or empty to let Amazon choose. */
  nextCreation: string;
  replaceExisting: boolean;
}

/** "Every 8 hours", "Every day", … from Amazon's ISO 8601 durations. */
export function frequencyLabel(frequency: string): string {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(frequency);
  if (!match) return frequency;
  const [, days, hours, minutes] = match.map(Number);
  if (days) return days === 1 ? t('freqDay') : t('freqDays', days);
  if (hours) return hours === 1 ? t('freqHour') : t('freqHours', hours);
  if (minutes) return t('freqMinutes', minutes);
  return frequency;
}

/** The value a datetime-local input shows for a moment, in local time. */
export function localInputValue(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function defaultScheduleForm(reportType: string, now: number): ScheduleForm {
  const tomorrowOnTheHour = Math.ceil(now / HOUR_MS) * HOUR_MS + DAY_MS;
  return {
    reportType,
    scheduleFrequency: 'P1D',
    nextCreation: localInputValue(tomorrowOnTheHour),
    replaceExisting: false,
  };
}

/** Amazon's rules checked before asking (one schedule per type; the list offers only schedulable types). */
export function scheduleProblem(form: ScheduleForm, existing: ScheduleView[], now: number): MessageKey | undefined {
  if (!form.reportType) return 'reportNeedType';
  if (!(SCHEDULE_FREQUENCIES as readonly string[]).includes(form.scheduleFrequency)) return 'scheduleNeedFrequency';
  if (form.nextCreation) {
    const at = new Date(form.nextCreation).getTime();
    if (Number.isNaN(at)) return 'scheduleBadTime';
    if (at <= now) return 'scheduleTimePast';
  }
  if (!form.replaceExisting && existing.some((s) => s.reportType === form.reportType)) return 'scheduleExists';
  return undefined;
}

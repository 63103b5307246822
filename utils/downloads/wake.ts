import type { AlarmsApi } from '../browser-api';

export const WAKE_ALARM = 'report-courier-downloads-wake';

/**
 * A `schedule` for the pipeline: a timer while the worker lives, and an alarm that starts the worker again if the
 * browser stopped it first. The background calls `pipeline.pump()` (or `recover()`, also safe
 * at any time) when the alarm fires.
 */
export function alarmSchedule(
  alarms: AlarmsApi,
  name: string = WAKE_ALARM,
  now: () => number = Date.now,
): (at: number, wake: () => void) => void {
  return (at, wake) => {
    setTimeout(wake, Math.max(0, at - now()));
    // Without the alarm a retry that was due while the worker slept starts at its next start instead.
    Promise.resolve(alarms.create(name, { when: at })).catch(() => undefined);
  };
}

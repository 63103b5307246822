import { ALARM_PREFIX, readState, viewOf, writeState } from '../../archive/auto-archive';
import type { AlarmsApi } from '../../browser-api';
import type { Handlers } from '../router';
import type { Services } from '../services';

/** Creates or clears the account's periodic alarm to match its settings. */
export async function syncAutoArchiveAlarm(
  alarms: AlarmsApi,
  accountId: string,
  enabled: boolean,
  intervalHours: number,
): Promise<number | undefined> {
  const name = `${ALARM_PREFIX}${accountId}`;
  await alarms.clear(name);
  if (!enabled) return undefined;
  const periodInMinutes = Math.max(30, Math.round(intervalHours * 60));
  const when = Date.now() + periodInMinutes * 60_000;
  await alarms.create(name, { when, periodInMinutes });
  return when;
}

export function autoArchiveHandlers(services: Services): Pick<Handlers, 'getAutoArchive' | 'setAutoArchive'> {
  return {
    async getAutoArchive({ accountId }) {
      const account = await services.account(accountId);
      return viewOf(services.archive, accountId, await readState(accountId, account.environment));
    },
    async setAutoArchive({ accountId, settings }) {
      const account = await services.account(accountId);
      const intervalHours = Math.min(168, Math.max(1, Math.round(settings.intervalHours)));
      const state = await readState(accountId, account.environment);
      const nextRun = await syncAutoArchiveAlarm(services.alarms, accountId, settings.enabled, intervalHours);
      const next = { ...state, settings: { ...settings, intervalHours }, nextRun };
      await writeState(accountId, next);
      return viewOf(services.archive, accountId, next);
    },
  };
}

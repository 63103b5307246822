import type { MessageKey } from '@/utils/i18n';
import type { AutoArchiveSettings } from '@/utils/messaging/protocol';

export const MIN_INTERVAL_HOURS = 1;
/** A week: the background clamps to it too, and a longer gap would risk Amazon's 90 days on a machine often off. */
export const MAX_INTERVAL_HOURS = 168;

export function settingsProblem(settings: AutoArchiveSettings): MessageKey | undefined {
  if (settings.reportTypes.length === 0) return 'autoArchiveNeedType';
  const hours = settings.intervalHours;
  if (!Number.isInteger(hours) || hours < MIN_INTERVAL_HOURS || hours > MAX_INTERVAL_HOURS)
    return 'autoArchiveIntervalRange';
  return undefined;
}

/** Types and interval only: they wait for "Save", while the switch saves itself. */
export function sameSettings(a: AutoArchiveSettings, b: AutoArchiveSettings): boolean {
  return (
    a.intervalHours === b.intervalHours &&
    a.reportTypes.length === b.reportTypes.length &&
    a.reportTypes.every((type) => b.reportTypes.includes(type))
  );
}

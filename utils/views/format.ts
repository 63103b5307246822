import { reportTypeInfo } from '../amazon-pay/report-types';
import { localNumber, t, uiLanguage } from '../i18n';

export function reportTypeName(reportType: string): string {
  return t(reportTypeInfo(reportType)?.messageKey ?? 'typeUnknown');
}

/** Intl formatters are costly to build and a list formats hundreds of dates: build each once per language. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormat(kind: 'day' | 'dateTime'): Intl.DateTimeFormat {
  const key = `${uiLanguage()}|${kind}`;
  let format = formatters.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'day' ? { dateStyle: 'medium', timeZone: 'UTC' } : { dateStyle: 'medium', timeStyle: 'short' };
    format = new Intl.DateTimeFormat(uiLanguage(), options);
    formatters.set(key, format);
  }
  return format;
}

/** Report periods are whole UTC days, so they are shown in UTC (a local zone would shift them by a day). */
export function formatDay(iso: string): string {
  return dateFormat('day').format(new Date(iso));
}

export function formatDateTime(iso: string | number): string {
  return dateFormat('dateTime').format(new Date(iso));
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return t('bytesB', localNumber(bytes, 0));
  if (bytes < 1024 * 1024) return t('bytesKB', localNumber(bytes / 1024, 0));
  return t('bytesMB', localNumber(bytes / (1024 * 1024), 1));
}

/** A whole number as the UI language writes it (1,234 / 1.234 / 1 234). */
export function formatCount(value: number): string {
  return localNumber(value, 0);
}

/** "Updated just now" / "N min ago" / a time: how fresh the list on screen is. */
export function formatUpdated(fetchedAt: number | null, now: number): string {
  if (fetchedAt === null) return t('notUpdatedYet');
  const minutes = Math.floor((now - fetchedAt) / 60_000);
  if (minutes < 1) return t('updatedJustNow');
  if (minutes < 60) return t('updatedMinutesAgo', minutes);
  return t('updatedAt', formatDateTime(fetchedAt));
}

/** The type folder and the file name: enough to recognise the file, the full path is in the tooltip. */
export function shortPath(path: string): string {
  return path.split(/[\\/]/).slice(-2).join('/');
}

/**
 * Report-file dates as Amazon writes them: local time of the merchant's region with a numeric offset after a space,
 * `2015-10-01T11:10:34 -0700` (real US files; the docs' tables show no space). The offsets follow each zone's
 * daylight-saving changes. Which zone EU and JP files use is not documented: our guess is the marketplace's.
 */
import type { Region } from './merchants';

export const REGION_TIME_ZONES: Record<Region, string> = {
  na: 'America/Los_Angeles',
  eu: 'Europe/Luxembourg',
  jp: 'Asia/Tokyo',
};

const HOUR_MS = 3_600_000;
const offsetFormats = new Map<string, Intl.DateTimeFormat>();
/** Offsets in minutes, cached per zone and UTC hour: zones change offset on whole hours of UTC. */
const offsets = new Map<string, number>();

/** Minutes east of UTC in `timeZone` at `ms`. */
export function offsetMinutes(ms: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(ms / HOUR_MS)}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormats.set(timeZone, format);
  }
  const name =
    format.formatToParts(new Date(Math.floor(ms / HOUR_MS) * HOUR_MS)).find((p) => p.type === 'timeZoneName')?.value ??
    'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  const minutes = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  offsets.set(key, minutes);
  return minutes;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY-MM-DDTHH:MM:SS ±hhmm` in the zone (whole seconds, truncated). */
export function formatLocal(ms: number, timeZone: string): string {
  const offset = offsetMinutes(ms, timeZone);
  const local = new Date(Math.floor(ms / 1000) * 1000 + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:` +
    `${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())} ${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
  );
}

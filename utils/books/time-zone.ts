/**
 * Booking dates in the account's accounting time zone: a settlement row's instant (UTC) becomes the calendar date
 * the books see, so month and fiscal-year boundaries follow the zone. Intl does the zone arithmetic; offsets are
 * cached per UTC hour (zones change offset only on whole or half hours, and the cache is keyed by quarter hour).
 */
import type { Region } from '../amazon-pay/endpoints';
import { DAY_MS, utcDay } from '../time/days';

export const DEFAULT_TIME_ZONE: Readonly<Record<Region, string>> = {
  na: 'America/Los_Angeles',
  eu: 'Europe/Berlin',
  jp: 'Asia/Tokyo',
};

/** `YYYY-MM-DD`. */
export type LocalDate = string;

const QUARTER_HOUR_MS = 15 * 60_000;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Turns instants into local dates and times of one zone; reuse one per export. */
export class ZoneClock {
  private readonly format: Intl.DateTimeFormat;
  private readonly offsets = new Map<number, number>();
  private readonly days = new Map<number, LocalDate>();

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  }

  /** Local time minus UTC, in ms, at the instant. */
  offsetMs(epochMs: number): number {
    const slot = Math.floor(epochMs / QUARTER_HOUR_MS);
    let offset = this.offsets.get(slot);
    if (offset === undefined) {
      const start = slot * QUARTER_HOUR_MS;
      const parts: Record<string, string> = {};
      for (const part of this.format.formatToParts(start)) parts[part.type] = part.value;
      const asUtc = Date.UTC(
        +parts.year!,
        +parts.month! - 1,
        +parts.day!,
        +parts.hour!,
        +parts.minute!,
        +parts.second!,
      );
      offset = asUtc - start;
      this.offsets.set(slot, offset);
    }
    return offset;
  }

  /** The instant as local wall-clock fields, expressed as a UTC Date (read it with getUTC*). */
  wallClock(epochMs: number): Date {
    return new Date(epochMs + this.offsetMs(epochMs));
  }

  localDate(instant: string | number): LocalDate {
    const epochMs = typeof instant === 'number' ? instant : Date.parse(instant);
    if (Number.isNaN(epochMs)) throw new RangeError(`Not an instant: ${String(instant)}`);
    // A month of rows falls on some thirty local days: format each day once.
    const day = Math.floor((epochMs + this.offsetMs(epochMs)) / DAY_MS);
    let date = this.days.get(day);
    if (date === undefined) {
      date = utcDay(day * DAY_MS);
      this.days.set(day, date);
    }
    return date;
  }
}

export function isLocalDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

export interface Period {
  /** First local date, inclusive. */
  from: LocalDate;
  /** Last local date, inclusive. */
  to: LocalDate;
}

export function monthPeriod(year: number, month: number): Period {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(last).padStart(2, '0')}` };
}

export const inPeriod = (date: LocalDate, period: Period): boolean => date >= period.from && date <= period.to;

/** Monday-to-Friday arithmetic on local dates (bank holidays differ per country and are not modelled). */
import type { LocalDate } from '../books/time-zone';
import { DAY_MS } from '../time/days';

const epochDay = (date: LocalDate) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const isWeekday = (day: number) => {
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

/** Business days after `from` up to and including `to` (0 when `to` is not later). */
export function businessDaysBetween(from: LocalDate, to: LocalDate): number {
  const start = epochDay(from);
  const days = epochDay(to) - start;
  if (days <= 0) return 0;
  // Every seven consecutive days hold five weekdays; only the remainder needs looking at.
  const whole = Math.floor(days / 7);
  let count = whole * 5;
  for (let day = start + whole * 7 + 1; day <= start + days; day++) if (isWeekday(day)) count++;
  return count;
}

export function calendarDaysBetween(from: LocalDate, to: LocalDate): number {
  return Math.max(0, epochDay(to) - epochDay(from));
}

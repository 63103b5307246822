/**
 * The first line of a DATEV Buchungsstapel: its 31 header fields (format 700 / 21 / 13, the consultant and client,
 * the fiscal year and the dates the file covers), and the fiscal-year arithmetic the file split needs.
 */
import type { DatevExportInput } from './datev';
import type { LocalDate } from './time-zone';
import { ZoneClock } from './time-zone';

export const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
export const compact = (date: LocalDate) => date.replaceAll('-', '');

/** First day of the fiscal year the date falls in. */
export function fiscalYearStart(date: LocalDate, startMonth: number): LocalDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const startYear = month >= startMonth ? year : year - 1;
  return `${startYear}-${String(startMonth).padStart(2, '0')}-01`;
}

export function fiscalYearEnd(start: LocalDate): LocalDate {
  const [year, month] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
  return new Date(Date.UTC(year + 1, month - 1, 0)).toISOString().slice(0, 10);
}

export function headerLine(
  input: Pick<DatevExportInput, 'settings' | 'createdAt' | 'timeZone'>,
  fiscalStart: LocalDate,
  from: LocalDate,
  to: LocalDate,
): string {
  const { settings } = input;
  const created = new ZoneClock(input.timeZone)
    .wallClock(input.createdAt.getTime())
    .toISOString()
    .replace(/\D/g, '')
    .slice(0, 17);
  const month = (date: LocalDate) => `${date.slice(5, 7)}/${date.slice(0, 4)}`;
  const title = month(from) === month(to) ? `Amazon Pay ${month(from)}` : `Amazon Pay ${month(from)} ${month(to)}`;
  const lock = settings.lockBookings ? '1' : '0';
  return [
    '"EXTF"',
    '700',
    '21',
    '"Buchungsstapel"',
    '13',
    created,
    '',
    '"RC"',
    '""',
    '""',
    settings.consultantNumber,
    settings.clientNumber,
    compact(fiscalStart),
    String(settings.accountLength),
    compact(from),
    compact(to),
    quote(title),
    '""',
    '1',
    '0',
    lock,
    '"EUR"',
    '',
    '""',
    '',
    '',
    quote(settings.chart === 'SKR03' ? '03' : '04'),
    '',
    '',
    '""',
    '""',
  ].join(';');
}

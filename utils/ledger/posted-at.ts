/**
 * Settlement timestamps → ISO 8601 UTC. Real files write `2015-10-01T07:06:47 -0700` (a space before the offset);
 * Amazon's documentation shows none; `±hh:mm` and `Z` are accepted too. Fractional seconds are kept as written.
 * Calendar arithmetic by hand, not through `Date`: this runs once per row and `Date` made it the slowest step.
 */
import { DAY_MS, utcDay } from '../time/days';

const POSTED_AT = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(\.\d+)?\s*(?:(Z)|([+-])(\d\d):?(\d\d))$/;

const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const DAY_MINUTES = 1440;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

const dayNames = new Map<number, string>();
function dayName(days: number): string {
  let name = dayNames.get(days);
  if (name === undefined) {
    name = utcDay(days * DAY_MS);
    dayNames.set(days, name);
  }
  return name;
}

function toUtc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  seconds: string,
  fraction: string,
  offset: number,
): string | undefined {
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    +seconds > 59
  ) {
    return undefined;
  }
  let days = daysFromCivil(year, month, day);
  let minutes = hour * 60 + minute - offset;
  if (minutes < 0) {
    minutes += DAY_MINUTES;
    days--;
  } else if (minutes >= DAY_MINUTES) {
    minutes -= DAY_MINUTES;
    days++;
  }
  const time = `${TWO_DIGITS[Math.floor(minutes / 60)]}:${TWO_DIGITS[minutes % 60]}:${seconds}`;
  return `${dayName(days)}T${time}${fraction}Z`;
}

/** The digit at `i` (NaN for any other character), and two of them as a number. */
const digit = (raw: string, i: number): number => {
  const d = raw.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
};
const twoDigits = (raw: string, i: number): number => digit(raw, i) * 10 + digit(raw, i + 1);

/**
 * The shape real files write, `2015-10-01T07:06:47 -0700` (with or without the space, or `Z`), read by position
 * without the regular expression; `null` for anything else, which the general reading decides.
 */
function commonShape(raw: string): string | undefined | null {
  const length = raw.length;
  if (length < 20 || raw.charCodeAt(4) !== 45 || raw.charCodeAt(7) !== 45 || raw.charCodeAt(13) !== 58) return null;
  const separator = raw.charCodeAt(10);
  if ((separator !== 84 && separator !== 32) || raw.charCodeAt(16) !== 58) return null;
  let offset = 0;
  const zulu = length === 20 && raw.charCodeAt(19) === 90;
  if (!zulu) {
    const at = length === 25 && raw.charCodeAt(19) === 32 ? 20 : length === 24 ? 19 : -1;
    const sign = raw.charCodeAt(at);
    if (at === -1 || (sign !== 43 && sign !== 45)) return null;
    const hours = twoDigits(raw, at + 1);
    const minutes = twoDigits(raw, at + 3);
    if (Number.isNaN(hours + minutes)) return null;
    if (hours > 14 || minutes > 59) return undefined;
    offset = (sign === 45 ? -1 : 1) * (hours * 60 + minutes);
  }
  const year = digit(raw, 0) * 1000 + digit(raw, 1) * 100 + twoDigits(raw, 2);
  const month = twoDigits(raw, 5);
  const day = twoDigits(raw, 8);
  const hour = twoDigits(raw, 11);
  const minute = twoDigits(raw, 14);
  const second = twoDigits(raw, 17);
  if (Number.isNaN(year + month + day + hour + minute + second)) return null;
  return toUtc(year, month, day, hour, minute, TWO_DIGITS[second] ?? String(second), '', offset);
}

/** The instant in UTC (`YYYY-MM-DDTHH:MM:SS[.f]Z`), or `undefined` when the text is not a valid timestamp. */
export function parsePostedAt(raw: string): string | undefined {
  const common = commonShape(raw);
  if (common !== null) return common;
  const match = POSTED_AT.exec(raw.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction = '', zulu, sign, oh, om] = match;
  let offset = 0;
  if (!zulu) {
    if (+oh! > 14 || +om! > 59) return undefined;
    offset = (sign === '-' ? -1 : 1) * (+oh! * 60 + +om!);
  }
  return toUtc(+y!, +mo!, +d!, +h!, +mi!, s!, fraction, offset);
}

/**
 * Settlement timestamps → ISO 8601 UTC. Real files write `2015-10-01T07:06:47 -0700` (a space before the offset);
 * Amazon's documentation shows none; `±hh:mm` and `Z` are accepted too. Fractional seconds are kept as written.
 * Calendar arithmetic by hand, not through `Date`: this runs once per row and `Date` made it the slowest step.
 */
import { DAY_MS, utcDay } from '../time/days';

const POSTED_AT = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(\.\d+)?\s*(?:(Z)|([+-])(\d\d):?(\d\d))$/;

const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const DAY_MINUTES = 1440;
const SECONDS_Z = TWO_DIGITS.map((seconds) => `${seconds}Z`);

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

/**
 * `YYYY-MM-DDTHH:MM:` by minute since the epoch: rows come many to a minute, so most rows cost one string (this
 * prefix and their seconds) instead of one per part. Bounded, as a page may read years of files.
 */
const minutePrefixes = new Map<number, string>();
const MAX_PREFIXES = 100_000;
function minutePrefix(days: number, minutes: number): string {
  const key = days * DAY_MINUTES + minutes;
  let prefix = minutePrefixes.get(key);
  if (prefix === undefined) {
    if (minutePrefixes.size >= MAX_PREFIXES) minutePrefixes.clear();
    prefix = `${utcDay(days * DAY_MS)}T${TWO_DIGITS[Math.floor(minutes / 60)]}:${TWO_DIGITS[minutes % 60]}:`;
    minutePrefixes.set(key, prefix);
  }
  return prefix;
}

/** `tail`: the seconds as written, with any fraction, and the `Z`. */
function toUtc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  tail: string,
  offset: number,
): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
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
  return minutePrefix(days, minutes) + tail;
}

/** The digit at `i` (NaN for any other character), and two of them as a number. */
const digit = (raw: string, i: number): number => {
  const d = raw.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
};
const twoDigits = (raw: string, i: number): number => digit(raw, i) * 10 + digit(raw, i + 1);

/**
 * The shape real files write, `2015-10-01T07:06:47 -0700` (with or without the space, or `Z`), read in place in
 * raw[from, to) without the regular expression; `null` for anything else, which the general reading decides.
 */
function commonShape(raw: string, from: number, to: number): string | undefined | null {
  const length = to - from;
  if (
    length < 20 ||
    raw.charCodeAt(from + 4) !== 45 ||
    raw.charCodeAt(from + 7) !== 45 ||
    raw.charCodeAt(from + 13) !== 58
  ) {
    return null;
  }
  const separator = raw.charCodeAt(from + 10);
  if ((separator !== 84 && separator !== 32) || raw.charCodeAt(from + 16) !== 58) return null;
  let offset = 0;
  const zulu = length === 20 && raw.charCodeAt(from + 19) === 90;
  if (!zulu) {
    const signAt = length === 25 && raw.charCodeAt(from + 19) === 32 ? 20 : length === 24 ? 19 : -1;
    const sign = raw.charCodeAt(from + signAt);
    if (signAt === -1 || (sign !== 43 && sign !== 45)) return null;
    const hours = twoDigits(raw, from + signAt + 1);
    const minutes = twoDigits(raw, from + signAt + 3);
    if (Number.isNaN(hours + minutes)) return null;
    if (hours > 14 || minutes > 59) return undefined;
    offset = (sign === 45 ? -1 : 1) * (hours * 60 + minutes);
  }
  const year = digit(raw, from) * 1000 + digit(raw, from + 1) * 100 + twoDigits(raw, from + 2);
  const month = twoDigits(raw, from + 5);
  const day = twoDigits(raw, from + 8);
  const hour = twoDigits(raw, from + 11);
  const minute = twoDigits(raw, from + 14);
  const second = twoDigits(raw, from + 17);
  if (Number.isNaN(year + month + day + hour + minute + second)) return null;
  return toUtc(year, month, day, hour, minute, second, SECONDS_Z[second] ?? '', offset);
}

/** The instant in UTC (`YYYY-MM-DDTHH:MM:SS[.f]Z`), or `undefined` when the text is not a valid timestamp. */
export function parsePostedAt(raw: string): string | undefined {
  return parsePostedAtIn(raw, 0, raw.length);
}

/** parsePostedAt of text[from, to), read in place in the shape real files write. */
export function parsePostedAtIn(text: string, from: number, to: number): string | undefined {
  const common = commonShape(text, from, to);
  if (common !== null) return common;
  const match = POSTED_AT.exec(text.slice(from, to).trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction = '', zulu, sign, oh, om] = match;
  let offset = 0;
  if (!zulu) {
    if (+oh! > 14 || +om! > 59) return undefined;
    offset = (sign === '-' ? -1 : 1) * (+oh! * 60 + +om!);
  }
  return toUtc(+y!, +mo!, +d!, +h!, +mi!, +s!, `${s}${fraction}Z`, offset);
}

/**
 * Settlement timestamps → ISO 8601 UTC. Real files write `2015-10-01T07:06:47 -0700` (a space before the offset);
 * Amazon's documentation shows none; `±hh:mm` and `Z` are accepted too. Fractional seconds are kept as written.
 * Calendar arithmetic by hand, not through `Date`: this runs once per row and `Date` made it the slowest step.
 */
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
    name = new Date(days * 86_400_000).toISOString().slice(0, 10);
    dayNames.set(days, name);
  }
  return name;
}

/** The instant in UTC (`YYYY-MM-DDTHH:MM:SS[.f]Z`), or `undefined` when the text is not a valid timestamp. */
export function parsePostedAt(raw: string): string | undefined {
  const match = POSTED_AT.exec(raw.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction = '', zulu, sign, oh, om] = match;
  const year = +y!;
  const month = +mo!;
  const day = +d!;
  const hour = +h!;
  const minute = +mi!;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || +s! > 59) {
    return undefined;
  }
  let offset = 0;
  if (!zulu) {
    if (+oh! > 14 || +om! > 59) return undefined;
    offset = (sign === '-' ? -1 : 1) * (+oh! * 60 + +om!);
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
  const time = `${TWO_DIGITS[Math.floor(minutes / 60)]}:${TWO_DIGITS[minutes % 60]}:${s}`;
  return `${dayName(days)}T${time}${fraction}Z`;
}

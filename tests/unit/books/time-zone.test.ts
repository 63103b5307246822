import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE, isLocalDate, isTimeZone, monthPeriod, ZoneClock } from '../../../utils/books/time-zone';

describe('accounting time zone', () => {
  it.each([
    // [zone, instant, local date] on both sides of midnight and of each zone's DST changes
    ['Europe/Berlin', '2026-09-30T21:59:59Z', '2026-09-30'],
    ['Europe/Berlin', '2026-09-30T22:00:00Z', '2026-10-01'], // CEST, UTC+2
    ['Europe/Berlin', '2026-10-31T22:59:59Z', '2026-10-31'], // CET, UTC+1
    ['Europe/Berlin', '2026-10-31T23:00:00Z', '2026-11-01'],
    ['Europe/Berlin', '2026-03-28T23:00:00Z', '2026-03-29'], // the night the clocks go forward
    ['America/Los_Angeles', '2026-11-01T06:59:59Z', '2026-10-31'], // PDT, UTC−7
    ['America/Los_Angeles', '2026-11-01T07:00:00Z', '2026-11-01'],
    ['America/Los_Angeles', '2026-12-01T07:59:59Z', '2026-11-30'], // PST, UTC−8
    ['America/Los_Angeles', '2026-12-01T08:00:00Z', '2026-12-01'],
    ['Asia/Tokyo', '2026-10-31T14:59:59Z', '2026-10-31'],
    ['Asia/Tokyo', '2026-10-31T15:00:00Z', '2026-11-01'],
    ['Europe/Berlin', '2026-10-01T07:06:47-07:00', '2026-10-01'], // an instant written with an offset
  ])('%s: %s is %s', (zone, instant, date) => {
    expect(new ZoneClock(zone).localDate(instant)).toBe(date);
  });

  it('keeps the right date for every minute across a DST change (the offset cache never leaks across it)', () => {
    const clock = new ZoneClock('Europe/Berlin');
    const reference = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Berlin',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    for (let t = Date.parse('2026-10-24T20:00:00Z'); t < Date.parse('2026-10-25T04:00:00Z'); t += 60_000) {
      expect(clock.localDate(t)).toBe(reference.format(t));
    }
  });

  it('defaults per region and checks zones and dates', () => {
    expect(DEFAULT_TIME_ZONE).toEqual({ na: 'America/Los_Angeles', eu: 'Europe/Berlin', jp: 'Asia/Tokyo' });
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(monthPeriod(2028, 2)).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(() => new ZoneClock('Europe/Berlin').localDate('yesterday')).toThrow(RangeError);
  });
});

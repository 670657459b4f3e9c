import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { addDays, daysBetween, isoWeekday, startOfIsoWeek } from './calendar-date';
import { formatInZone, formatUtc, formatUtcOffset } from './format-instant';
import { dateInZone, wallClockToInstant } from './wall-clock';
import { dateSpanRange, dayRange, isoWeekRange, monthRange } from './zoned-ranges';

const HOUR = 3_600_000;
const hours = ({ start, end }: { start: Date; end: Date }): number => (end.getTime() - start.getTime()) / HOUR;
const iso = (date: Date): string => date.toISOString();

describe('calendar dates', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(addDays('0001-01-02', -1)).toBe('0001-01-01');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2024-01-01', '2024-12-31')).toBe(365);
    expect(daysBetween('2024-03-10', '2024-03-09')).toBe(-1);
  });

  it('numbers ISO weekdays from Monday', () => {
    expect(isoWeekday('2024-01-15')).toBe(1);
    expect(isoWeekday('2024-01-21')).toBe(7);
    expect(startOfIsoWeek('2024-01-21')).toBe('2024-01-15');
    expect(startOfIsoWeek('2025-01-01')).toBe('2024-12-30');
  });

  it('refuses a malformed date', () => expect(() => addDays('2024-02-30', 1)).toThrow(RangeError));
});

describe('dayRange', () => {
  it.each([
    ['UTC', '2024-03-10', '2024-03-10T00:00:00.000Z', 24],
    ['America/New_York', '2024-03-10', '2024-03-10T05:00:00.000Z', 23],
    ['America/New_York', '2024-11-03', '2024-11-03T04:00:00.000Z', 25],
    ['America/New_York', '2024-07-04', '2024-07-04T04:00:00.000Z', 24],
    ['Europe/London', '2024-03-31', '2024-03-31T00:00:00.000Z', 23],
    ['Europe/London', '2024-10-27', '2024-10-26T23:00:00.000Z', 25],
    ['Australia/Lord_Howe', '2024-10-06', '2024-10-05T13:30:00.000Z', 23.5],
    ['Australia/Lord_Howe', '2024-04-07', '2024-04-06T13:00:00.000Z', 24.5],
    ['Asia/Kathmandu', '2024-03-10', '2024-03-09T18:15:00.000Z', 24],
    ['Asia/Tokyo', '2024-03-10', '2024-03-09T15:00:00.000Z', 24],
  ])('in %s, %s starts at %s and lasts %d hours', (zone, date, start, length) => {
    const range = dayRange(date, zone);
    expect(iso(range.start)).toBe(start);
    expect(hours(range)).toBe(length);
  });

  it('takes the day of an instant as the zone sees it', () => {
    // 03:00Z on 15 January is still the 14th in New York.
    const range = dayRange(new Date('2024-01-15T03:00:00Z'), 'America/New_York');
    expect(iso(range.start)).toBe('2024-01-14T05:00:00.000Z');
    expect(iso(range.end)).toBe('2024-01-15T05:00:00.000Z');
  });

  it('starts a day whose midnight is skipped at the end of the gap (Havana springs forward at 00:00)', () => {
    const range = dayRange('2024-03-10', 'America/Havana');
    expect(iso(range.start)).toBe('2024-03-10T05:00:00.000Z');
    expect(formatInZone(range.start, 'America/Havana')).toBe('2024-03-10T01:00:00-04:00');
    expect(hours(range)).toBe(23);
  });

  it('gives an empty range for a date the zone skipped (Samoa crossed the date line in 2011)', () => {
    const skipped = dayRange('2011-12-30', 'Pacific/Apia');
    expect(hours(skipped)).toBe(0);
    expect(skipped.start).toEqual(dayRange('2011-12-31', 'Pacific/Apia').start);
  });
});

describe('isoWeekRange and monthRange', () => {
  it('gives the Monday-to-Monday week holding a date, across a DST change', () => {
    const week = isoWeekRange('2024-03-13', 'America/New_York');
    expect(iso(week.start)).toBe('2024-03-11T04:00:00.000Z');
    expect(iso(week.end)).toBe('2024-03-18T04:00:00.000Z');
    const dstWeek = isoWeekRange('2024-03-10', 'America/New_York');
    expect(iso(dstWeek.start)).toBe('2024-03-04T05:00:00.000Z');
    expect(hours(dstWeek)).toBe(7 * 24 - 1);
  });

  it('gives the calendar month holding a date', () => {
    const march = monthRange('2024-03-31', 'Europe/London');
    expect(iso(march.start)).toBe('2024-03-01T00:00:00.000Z');
    expect(iso(march.end)).toBe('2024-03-31T23:00:00.000Z');
    const december = monthRange(new Date('2024-12-31T20:00:00Z'), 'Asia/Kathmandu');
    expect(iso(december.start)).toBe('2024-12-31T18:15:00.000Z');
    expect(iso(december.end)).toBe('2025-01-31T18:15:00.000Z');
  });

  it('turns an inclusive date_from..date_to into a half-open range', () => {
    const range = dateSpanRange('2024-01-01', '2024-01-31', 'UTC');
    expect(iso(range.start)).toBe('2024-01-01T00:00:00.000Z');
    expect(iso(range.end)).toBe('2024-02-01T00:00:00.000Z');
  });
});

describe('wallClockToInstant', () => {
  it.each([
    // Ordinary readings.
    ['2024-01-15', '09:00', 'America/New_York', '2024-01-15T14:00:00.000Z'],
    ['2024-01-15', '09:00', 'Asia/Kathmandu', '2024-01-15T03:15:00.000Z'],
    ['2024-01-15', '09:00:30', 'UTC', '2024-01-15T09:00:30.000Z'],
    // Nonexistent: shifted forward by the gap.
    ['2024-03-10', '02:30', 'America/New_York', '2024-03-10T07:30:00.000Z'],
    ['2024-03-31', '01:15', 'Europe/London', '2024-03-31T01:15:00.000Z'],
    ['2024-10-06', '02:10', 'Australia/Lord_Howe', '2024-10-05T15:40:00.000Z'],
    // Ambiguous: the earlier instant (the offset before the transition).
    ['2024-11-03', '01:30', 'America/New_York', '2024-11-03T05:30:00.000Z'],
    ['2024-10-27', '01:30', 'Europe/London', '2024-10-27T00:30:00.000Z'],
    ['2024-04-07', '01:45', 'Australia/Lord_Howe', '2024-04-06T14:45:00.000Z'],
  ])('reads %s %s in %s as %s', (date, time, zone, instant) => expect(iso(wallClockToInstant(date, time, zone))).toBe(instant));

  it('lands a gap reading on the clock time one gap later', () => {
    expect(formatInZone(wallClockToInstant('2024-03-10', '02:30', 'America/New_York'), 'America/New_York')).toBe(
      '2024-03-10T03:30:00-04:00',
    );
    expect(formatInZone(wallClockToInstant('2024-10-06', '02:10', 'Australia/Lord_Howe'), 'Australia/Lord_Howe')).toBe(
      '2024-10-06T02:40:00+11:00',
    );
  });

  it.each(['24:00', '9:00', '09:60', '09:00:60', ''])('refuses the time %p', (time) =>
    expect(() => wallClockToInstant('2024-01-15', time, 'UTC')).toThrow(RangeError),
  );

  it('refuses an unknown zone', () => expect(() => wallClockToInstant('2024-01-15', '09:00', 'Mars/Base')).toThrow(RangeError));
});

describe('formatting', () => {
  const instant = new Date('2024-01-15T10:30:00.789Z');

  it('writes UTC to the second with Z', () => expect(formatUtc(instant)).toBe('2024-01-15T10:30:00Z'));
  it('writes UTC with +00:00 (time tracking)', () => expect(formatUtcOffset(instant)).toBe('2024-01-15T10:30:00+00:00'));

  it.each([
    ['America/New_York', '2024-01-15T05:30:00-05:00'],
    ['Asia/Kathmandu', '2024-01-15T16:15:00+05:45'],
    ['Australia/Lord_Howe', '2024-01-15T21:30:00+11:00'],
    ['America/St_Johns', '2024-01-15T07:00:00-03:30'],
    ['UTC', '2024-01-15T10:30:00+00:00'],
  ])('writes the wall clock of %s with its offset', (zone, text) => expect(formatInZone(instant, zone)).toBe(text));

  it('keeps the seconds of a local-mean-time offset, so the text still names the instant', () => {
    const text = formatInZone(new Date('1880-01-01T12:00:00Z'), 'America/New_York');
    expect(text).toBe('1880-01-01T07:03:58-04:56:02');
  });
});

// Property tests over zones with every kind of offset change: whole hours, half hours, +05:45, none.
const ZONES = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC', 'Asia/Tokyo', 'America/Sao_Paulo'];
const zone = fc.constantFrom(...ZONES);
// 1971..2099: the years any member's time entry can plausibly be in.
const instant = fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 11, 31) }).map((ms) => new Date(ms));
const date = instant.map((moment) => moment.toISOString().slice(0, 10));

describe('properties', () => {
  it('every instant lies in the day range of its own date in the zone', () =>
    fc.assert(
      fc.property(instant, zone, (moment, timeZone) => {
        const { start, end } = dayRange(moment, timeZone);
        return start <= moment && moment < end && dateInZone(start, timeZone) === dateInZone(moment, timeZone);
      }),
    ));

  it('day ranges tile the timeline: each ends where the next begins, and none is empty', () =>
    fc.assert(
      fc.property(date, zone, (day, timeZone) => {
        const today = dayRange(day, timeZone);
        const tomorrow = dayRange(addDays(day, 1), timeZone);
        return today.end.getTime() === tomorrow.start.getTime() && today.start < today.end;
      }),
    ));

  it('a day lasts 24 hours give or take one DST change of at most an hour', () =>
    fc.assert(fc.property(date, zone, (day, timeZone) => Math.abs(hours(dayRange(day, timeZone)) - 24) <= 1)));

  it('a week is its seven days, and a month its days', () =>
    fc.assert(
      fc.property(date, zone, (day, timeZone) => {
        const week = isoWeekRange(day, timeZone);
        const month = monthRange(day, timeZone);
        const monday = dateInZone(week.start, timeZone);
        return (
          isoWeekday(monday) === 1 &&
          week.end.getTime() === dayRange(addDays(monday, 6), timeZone).end.getTime() &&
          month.start <= dayRange(day, timeZone).start &&
          dayRange(day, timeZone).end <= month.end
        );
      }),
    ));

  it('a wall reading that exists once comes back unchanged', () =>
    fc.assert(
      fc.property(instant, zone, (moment, timeZone) => {
        const text = formatInZone(moment, timeZone);
        const roundTrip = wallClockToInstant(text.slice(0, 10), text.slice(11, 19), timeZone);
        // Second pass of an overlap: the rule picks the earlier instant, one DST shift before.
        const shift = (moment.getTime() - roundTrip.getTime()) / HOUR;
        return Math.floor(moment.getTime() / 1000) * 1000 === roundTrip.getTime() || shift === 1 || shift === 0.5;
      }),
    ));

  it('formatInZone names the same instant as the UTC form', () =>
    fc.assert(
      fc.property(instant, zone, (moment, timeZone) => Date.parse(formatInZone(moment, timeZone)) === Date.parse(formatUtc(moment))),
    ));
});

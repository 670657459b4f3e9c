import { addDays, startOfIsoWeek, startOfMonth, startOfNextMonth } from './calendar-date';
import { dateInZone, wallClockToInstant } from './wall-clock';

/** A half-open span of time `[start, end)` in UTC instants, ready for `col >= $1 AND col < $2`. */
export interface InstantRange {
  start: Date;
  end: Date;
}

/**
 * A day, ISO week or month of a member's (or workspace owner's) zone as UTC instants, for report and
 * timesheet queries. `day` is a `YYYY-MM-DD` date, or an instant whose date in the zone is meant.
 *
 * A period starts at the first instant its first date's clock reads 00:00 (or, where midnight falls in a
 * spring-forward gap, at the end of the gap), and ends where the next period starts, so periods tile the
 * timeline with no gap or overlap and a DST day is 23 or 25 hours long (23.5 or 24.5 on Lord Howe).
 * A date a zone skipped entirely (Pacific/Apia, 2011-12-30) is an empty range. Where clocks fall back
 * across midnight, the repeated hour reads as the previous date but belongs to the new date's range.
 */
export function dayRange(day: string | Date, timeZone: string): InstantRange {
  const date = toDate(day, timeZone);
  return between(date, addDays(date, 1), timeZone);
}

/** The ISO week (Monday to Sunday) holding `day`. */
export function isoWeekRange(day: string | Date, timeZone: string): InstantRange {
  const monday = startOfIsoWeek(toDate(day, timeZone));
  return between(monday, addDays(monday, 7), timeZone);
}

/** The calendar month holding `day`. */
export function monthRange(day: string | Date, timeZone: string): InstantRange {
  const date = toDate(day, timeZone);
  return between(startOfMonth(date), startOfNextMonth(date), timeZone);
}

/** Inclusive dates `from`..`to` (a `date_from`/`date_to` query) as one range. */
export function dateSpanRange(from: string, to: string, timeZone: string): InstantRange {
  return between(from, addDays(to, 1), timeZone);
}

function toDate(day: string | Date, timeZone: string): string {
  return typeof day === 'string' ? day : dateInZone(day, timeZone);
}

function between(firstDate: string, nextDate: string, timeZone: string): InstantRange {
  return { start: wallClockToInstant(firstDate, '00:00', timeZone), end: wallClockToInstant(nextDate, '00:00', timeZone) };
}

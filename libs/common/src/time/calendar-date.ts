import { isCalendarDate } from '../validation/is-date-only.decorator';

const DAY_MS = 86_400_000;

/**
 * Calendar fields of a `YYYY-MM-DD` string (years 0001-9999); a malformed or impossible date is a programming
 * error. Client dates are narrower (`isDateOnly`, 1900-2999), so a day, week or month after one always fits.
 */
export function dateFields(date: string): { year: number; month: number; day: number } {
  if (!isCalendarDate(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** Milliseconds of a wall-clock reading taken as if it were UTC (years below 100 included, unlike Date.UTC). */
export function wallMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/** `YYYY-MM-DD` of a `wallMs` value. */
export function dateOfWallMs(ms: number): string {
  const date = new Date(ms);
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  return `${year}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

/**
 * Pure calendar arithmetic on `YYYY-MM-DD` strings, with no time zone involved: the day `days` after
 * `date` (negative: before). Services use it to walk a timesheet's days or a report's range.
 */
export function addDays(date: string, days: number): string {
  const { year, month, day } = dateFields(date);
  return dateOfWallMs(wallMs(year, month, day) + days * DAY_MS);
}

/** Whole days from `from` to `to` (0 for the same date, negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = dateFields(from);
  const b = dateFields(to);
  return Math.round((wallMs(b.year, b.month, b.day) - wallMs(a.year, a.month, a.day)) / DAY_MS);
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: string): number {
  const { year, month, day } = dateFields(date);
  return new Date(wallMs(year, month, day)).getUTCDay() || 7;
}

/** The Monday that starts the ISO week holding `date`. */
export function startOfIsoWeek(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** The first day of `date`'s month. */
export function startOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** The first day of the month after `date`'s. */
export function startOfNextMonth(date: string): string {
  const { year, month } = dateFields(date);
  return dateOfWallMs(wallMs(year, month + 1, 1));
}

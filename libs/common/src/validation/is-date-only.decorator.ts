import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

// Years 0001-9999: PostgreSQL has no year 0, and five-digit years are no one's real dates.
const CALENDAR_DATE = /^(?!0000)(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The dates a client may send (conventions.md "Date and time formats"). Services turn a date into the next
 * day, week or month and into instants in zones up to 14 hours from UTC, so a date at the calendar's end
 * (9999-12-31 + 1 day is year 10000) would overflow that arithmetic; and no one records time, leave or an
 * expense in year 1 or year 9000. The bounds leave centuries of margin on both sides of any real date.
 */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2999-12-31';

/** `$property must be a date from 1900-01-01 to 2999-12-31.` (the field name or `$property` first). */
export const DATE_RANGE_TEXT = `must be a date from ${EARLIEST_DATE} to ${LATEST_DATE}.`;

/** A `YYYY-MM-DD` date that exists (no 2024-02-30), in years 0001-9999: what the calendar arithmetic takes. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (!CALENDAR_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** A calendar date a client may send: one that exists, from 1900-01-01 to 2999-12-31. */
export function isDateOnly(value: unknown): value is string {
  return isCalendarDate(value) && value >= EARLIEST_DATE && value <= LATEST_DATE;
}

/**
 * Why `value` is not a date a client may send, for a field called `subject`: malformed or impossible, or
 * a real date outside the supported range (the message then says which range).
 */
export function dateOnlyMessage(value: unknown, subject = '$property'): string {
  return isCalendarDate(value) ? `${subject} ${DATE_RANGE_TEXT}` : `${subject} must be a valid date in YYYY-MM-DD format.`;
}

/** A calendar date `YYYY-MM-DD` that exists (no 2024-02-30), from 1900-01-01 to 2999-12-31. */
export function IsDateOnly(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isDateOnly',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: ({ value }: ValidationArguments) => dateOnlyMessage(value), ...options },
      validator: { validate: isDateOnly },
    });
}

import { isCalendarDate } from '@app/common';
import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

// ISO 8601 with a `Z` or a numeric offset (conventions.md: no offset is a 422); seconds and fractions optional.
const OFFSET_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

/**
 * The instant an ISO 8601 date-time names, cut to the whole second (recorded time is kept to the second);
 * undefined for anything else, including impossible dates (2024-02-30) and clock values (24:00, 23:60).
 */
export function parseOffsetDateTime(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const match = OFFSET_DATE_TIME.exec(value);
  if (!match || !isCalendarDate(match[1])) return undefined;
  const [hours, minutes, seconds] = [Number(match[2]), Number(match[3]), Number(match[4] ?? 0)];
  const [offsetHours, offsetMinutes] = [Number(match[8] ?? 0), Number(match[9] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59 || offsetHours > 23 || offsetMinutes > 59) return undefined;
  const wall = new Date(`${match[1]}T00:00:00Z`).getTime() + ((hours * 60 + minutes) * 60 + seconds) * 1000;
  const offsetMs = (match[7] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  return new Date(wall - offsetMs);
}

/** No tracked time predates the Unix epoch; it also keeps week and zone arithmetic away from year 1. */
const EARLIEST_MS = 0;

/** `start`/`end` of a time request: an ISO 8601 date-time with an offset, not before 1970. */
export function IsOffsetDateTime(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isOffsetDateTime',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: ({ value }: ValidationArguments) =>
          value === undefined || value === null
            ? `The ${String(propertyName)} field is required.`
            : parseOffsetDateTime(value) === undefined
              ? '$property must be an ISO 8601 date-time with a time zone offset, e.g. 2025-12-05T09:00:00+00:00.'
              : '$property must not be before 1970-01-01T00:00:00Z.',
        ...options,
      },
      validator: { validate: (value: unknown) => (parseOffsetDateTime(value)?.getTime() ?? -1) >= EARLIEST_MS },
    });
}

export const MAX_REQUEST_MS = 24 * 3_600_000;

/**
 * The rules `end` obeys relative to `start` and to now (time-requests.md): later than start, at most 24 h after
 * it, not in the future. Passes while either side is malformed, which `@IsOffsetDateTime()` reports on its own.
 */
export function IsRequestEnd(startProperty: string): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isRequestEnd',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [startProperty],
      options: {
        message: ({ value, object }: ValidationArguments) => {
          const end = parseOffsetDateTime(value) as Date;
          const start = parseOffsetDateTime((object as Record<string, unknown>)[startProperty]) as Date;
          if (end.getTime() <= start.getTime()) return `The $property must be a date-time after ${startProperty}.`;
          if (end.getTime() - start.getTime() > MAX_REQUEST_MS) return 'A time request may cover at most 24 hours.';
          return 'The $property must not be in the future.';
        },
      },
      validator: {
        validate(value: unknown, { object }: ValidationArguments) {
          const end = parseOffsetDateTime(value);
          const start = parseOffsetDateTime((object as Record<string, unknown>)[startProperty]);
          if (!end || !start) return true;
          const span = end.getTime() - start.getTime();
          return span > 0 && span <= MAX_REQUEST_MS && end.getTime() <= Date.now();
        },
      },
    });
}

import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { daysBetween } from '../time/calendar-date';
import { isDateOnly } from '../validation/is-date-only.decorator';

/**
 * This `YYYY-MM-DD` field is the same date as `otherProperty` or later: `date_to` after `date_from`,
 * a leave's `end` after its `start`. Passes while either side is absent or malformed, which
 * `@IsDateOnly()` reports on its own field.
 */
export function IsNotBeforeDate(otherProperty: string, options?: ValidationOptions): PropertyDecorator {
  return datePairRule(
    'isNotBeforeDate',
    otherProperty,
    (from, to) => to >= from,
    `$property must be a date on or after ${otherProperty}.`,
    options,
  );
}

/** The inclusive range `fromProperty`..this field covers at most `maxDays` days (e.g. 31 for a monthly report). */
export function MaxDateSpan(fromProperty: string, maxDays: number, options?: ValidationOptions): PropertyDecorator {
  return datePairRule(
    'maxDateSpan',
    fromProperty,
    (from, to) => to < from || daysBetween(from, to) < maxDays,
    `The range from ${fromProperty} to $property must not exceed ${maxDays} days.`,
    options,
  );
}

function datePairRule(
  name: string,
  otherProperty: string,
  holds: (from: string, to: string) => boolean,
  message: string,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [otherProperty],
      options: { message, ...options },
      validator: {
        validate(value: unknown, { object }: ValidationArguments) {
          const other = (object as Record<string, unknown>)[otherProperty];
          return !isDateOnly(value) || !isDateOnly(other) || holds(other, value);
        },
      },
    });
}

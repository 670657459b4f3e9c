import { registerDecorator, ValidationOptions } from 'class-validator';

// Years 0001-9999: PostgreSQL has no year 0, and five-digit years are no one's real dates.
const DATE_ONLY = /^(?!0000)(\d{4})-(\d{2})-(\d{2})$/;

export function isDateOnly(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_ONLY.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** A calendar date `YYYY-MM-DD` that exists (no 2024-02-30). */
export function IsDateOnly(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isDateOnly',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a valid date in YYYY-MM-DD format.', ...options },
      validator: { validate: isDateOnly },
    });
}

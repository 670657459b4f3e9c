import { registerDecorator, ValidationOptions } from 'class-validator';

export const MAX_TIME_ZONE_LENGTH = 64;
// A zone name: `UTC`, `America/New_York`, `Etc/GMT+5`. Not an offset (`+05:00`), which newer engines
// accept as a time zone but which is not an IANA name and knows no DST.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

/** True for a time zone name the runtime's zone data knows (the same data the time helpers use). */
export function isIanaTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > MAX_TIME_ZONE_LENGTH || !ZONE_NAME.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** A member or workspace `timezone`: an IANA name such as `America/New_York` (Intl matches names case-insensitively). */
export function IsIanaTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIanaTimeZone',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a valid IANA time zone, e.g. America/New_York.', ...options },
      validator: { validate: isIanaTimeZone },
    });
}

import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * True when `value` has at most `places` digits after the decimal point, in whatever notation it was
 * written (`1.5e2`, `1e-7`). class-validator's own check splits `String(value)` at the dot, which
 * throws on exponent notation; rounding to the scale and comparing does not.
 */
export function hasMaxDecimalPlaces(value: unknown, places: number): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  return Number(value.toFixed(places)) === value;
}

/** A finite number with at most `places` decimals (numeric(p, places) columns). Combine with Min/Max for the range. */
export function MaxDecimalPlaces(places: number, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'maxDecimalPlaces',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [places],
      options: { message: `$property must be a number with at most ${places} decimal places.`, ...options },
      validator: { validate: (value: unknown) => hasMaxDecimalPlaces(value, places) },
    });
}

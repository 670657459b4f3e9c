import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { decimalBounds, DecimalSpec, parseDecimal } from './parse-decimal';

/** Money columns are numeric(12, 2): at most 9,999,999,999.99. */
export const MONEY_COLUMN = { precision: 12, scale: 2 } as const;
/** Hour columns (estimations, limits, leave hours) are numeric(12, 2). */
export const HOURS_COLUMN = { precision: 12, scale: 2 } as const;

export interface AmountOptions {
  /** Allow values below zero (default: 0 is the minimum). */
  allowNegative?: boolean;
  /** Inclusive bounds inside the column's range, e.g. `{ min: '0.01' }` for "greater than 0", `{ max: 24 }`. */
  min?: number | string;
  max?: number | string;
}

/**
 * A value for a numeric(precision, scale) column: a JSON number in any notation or a numeric string
 * (form bodies), with at most `scale` decimals and within the column (and `min`/`max`). Never throws;
 * the message says which rule failed. Combine with `@IsOptional()` for optional fields, and read the
 * validated value with `toDecimal(dto.amount, spec)` to get its exact canonical string.
 */
export function IsDecimal(spec: DecimalSpec, options?: ValidationOptions): PropertyDecorator {
  const { min, max } = decimalBounds(spec);
  const messages = {
    format: '$property must be a number.',
    scale: spec.scale === 0 ? '$property must be a whole number.' : `$property must have at most ${spec.scale} decimal places.`,
    range: `$property must be between ${readable(min)} and ${readable(max)}.`,
  };
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isDecimalColumn',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [spec],
      options: { message: ({ value }: ValidationArguments) => failureMessage(value, spec, messages), ...options },
      validator: { validate: (value: unknown) => parseDecimal(value, spec).ok },
    });
}

/** An amount of money: numeric(12, 2), not negative unless `allowNegative`. Expense amounts: `@IsMoney({ min: '0.01' })`. */
export function IsMoney(amount: AmountOptions = {}, options?: ValidationOptions): PropertyDecorator {
  return IsDecimal(amountSpec(MONEY_COLUMN, amount), options);
}

/** A number of hours: numeric(12, 2), not negative unless `allowNegative`. Hours per day: `@IsHours({ min: '0.01', max: 24 })`. */
export function IsHours(amount: AmountOptions = {}, options?: ValidationOptions): PropertyDecorator {
  return IsDecimal(amountSpec(HOURS_COLUMN, amount), options);
}

function amountSpec(column: { precision: number; scale: number }, { allowNegative = false, min, max }: AmountOptions): DecimalSpec {
  return { ...column, min: min ?? (allowNegative ? undefined : 0), max };
}

function failureMessage(value: unknown, spec: DecimalSpec, messages: Record<'format' | 'scale' | 'range', string>): string {
  const result = parseDecimal(value, spec);
  return result.ok ? messages.format : messages[result.reason];
}

/** `'9999999999.99'`, `'0'`, `'24'`: bounds as people write them. */
function readable(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}

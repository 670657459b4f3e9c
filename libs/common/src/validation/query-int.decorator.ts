import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** An integer as a client writes it canonically (no padding, sign only for negatives, no leading zeros), up to 16 digits. */
export const CANONICAL_INTEGER = /^-?(0|[1-9]\d{0,15})$/;

/** Query strings arrive as text: '' counts as absent, canonical integers become numbers, anything else fails IsInt. */
export function toOptionalInt({ value }: { value: unknown }): unknown {
  if (value === '' || value === undefined || value === null) return undefined;
  if (typeof value === 'string' && CANONICAL_INTEGER.test(value)) return Number(value);
  return value;
}

export function OptionalQueryInt(bounds: { min?: number; max?: number } = {}): PropertyDecorator {
  const decorators: PropertyDecorator[] = [Transform(toOptionalInt), IsOptional(), IsInt({ message: '$property must be an integer.' })];
  if (bounds.min !== undefined) decorators.push(Min(bounds.min, { message: `$property must be at least ${bounds.min}.` }));
  if (bounds.max !== undefined) decorators.push(Max(bounds.max, { message: `$property must not be greater than ${bounds.max}.` }));
  return applyDecorators(...decorators);
}

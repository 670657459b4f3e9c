import { Transform } from 'class-transformer';
import { isJsonBody } from '../body/json-body-parser';
import { CANONICAL_INTEGER } from './query-int.decorator';

/** Numbers as a client writes them canonically: no padding, no leading zeros, no `+`, no exponent. */
const CANONICAL_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;

const fromText = (pattern: RegExp) =>
  Transform(({ value, obj }: { value: unknown; obj?: unknown }) =>
    !isJsonBody(obj) && typeof value === 'string' && pattern.test(value) ? Number(value) : value,
  );

/**
 * Query strings and form-encoded bodies carry numbers as text; canonical numeric strings become numbers, anything
 * else (`' 5'`, `'05'`, `'5e0'`) is left for the validator to refuse. A JSON body has real numbers, so its values
 * are left as they came (`"5"` there is a type mismatch).
 */
export function ToNumber(): PropertyDecorator {
  return fromText(CANONICAL_NUMBER);
}

/** As ToNumber, for integers: `'2.0'` stays text, so an integer rule refuses it. */
export function ToInteger(): PropertyDecorator {
  return fromText(CANONICAL_INTEGER);
}

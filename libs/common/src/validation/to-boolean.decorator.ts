import { Transform } from 'class-transformer';
import { isJsonBody } from '../body/json-body-parser';

const BOOLEAN_TEXT: Record<string, boolean> = { true: true, false: false, 1: true, 0: false };

/**
 * Query strings and form bodies carry booleans as text: `true`/`false`/`1`/`0` (conventions.md) become
 * booleans and `''` counts as absent; anything else is left as it came for `@IsBoolean()` to refuse. A JSON
 * body has real booleans, so its values are left as they came (`"true"` there is a type mismatch).
 */
export function toBoolean({ value, obj }: { value: unknown; obj?: unknown }): unknown {
  if (isJsonBody(obj)) return value;
  if (value === '') return undefined;
  return typeof value === 'string' && Object.hasOwn(BOOLEAN_TEXT, value) ? BOOLEAN_TEXT[value] : value;
}

export function ToBoolean(): PropertyDecorator {
  return Transform(toBoolean);
}

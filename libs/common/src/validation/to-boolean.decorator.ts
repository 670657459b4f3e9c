import { Transform } from 'class-transformer';

const BOOLEAN_TEXT: Record<string, boolean> = { true: true, false: false, 1: true, 0: false };

/**
 * Query strings and form bodies carry booleans as text: `true`/`false`/`1`/`0` (conventions.md) become
 * booleans and `''` counts as absent; anything else is left as it came for `@IsBoolean()` to refuse.
 */
export function toBoolean({ value }: { value: unknown }): unknown {
  if (value === '') return undefined;
  return typeof value === 'string' && Object.hasOwn(BOOLEAN_TEXT, value) ? BOOLEAN_TEXT[value] : value;
}

export function ToBoolean(): PropertyDecorator {
  return Transform(toBoolean);
}

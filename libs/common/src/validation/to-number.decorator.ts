import { Transform } from 'class-transformer';

/** Form-encoded bodies carry numbers as text; numeric strings become numbers, anything else is left for the validator. */
export function ToNumber(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value,
  );
}

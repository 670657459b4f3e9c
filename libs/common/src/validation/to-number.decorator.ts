import { Transform } from 'class-transformer';
import { isJsonBody } from '../body/json-body-parser';

/**
 * Form-encoded bodies carry numbers as text; numeric strings become numbers, anything else is left for the
 * validator. A JSON body has real numbers, so its values are left as they came (`"5"` there is a type mismatch).
 */
export function ToNumber(): PropertyDecorator {
  return Transform(({ value, obj }: { value: unknown; obj?: unknown }) =>
    !isJsonBody(obj) && typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value,
  );
}

import { Transform } from 'class-transformer';

/** Trims surrounding whitespace from a string field before validation (names, reasons); other values pass untouched. */
export function Trim(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
}

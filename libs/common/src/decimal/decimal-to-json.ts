const PLAIN_DECIMAL = /^-?(\d+)(?:\.(\d+))?$/;
/** Any decimal of at most 15 significant digits survives a round trip through a double (DBL_DIG). */
const MAX_EXACT_DIGITS = 15;

/**
 * A numeric column's string (`'120.50'`) as the JSON number the reference shows (`120.5`), for mappers.
 * The conversion is made only when it is exact: at most 15 significant digits, which every numeric(p, s)
 * with p ≤ 15 satisfies (money and hours are numeric(12, 2)). A wider value is a RangeError rather than a
 * silently rounded amount; sums that might exceed it belong in a wider type or a string field.
 */
export function decimalToJsonNumber(value: string): number;
export function decimalToJsonNumber(value: string | null): number | null;
export function decimalToJsonNumber(value: string | null): number | null {
  if (value === null) return null;
  const match = PLAIN_DECIMAL.exec(value);
  if (!match) throw new RangeError(`Not a decimal string: ${JSON.stringify(value)}`);
  const significant = `${match[1]}${match[2] ?? ''}`.replace(/^0+/, '').replace(/0+$/, '');
  if (significant.length > MAX_EXACT_DIGITS) throw new RangeError(`${value} has more than ${MAX_EXACT_DIGITS} significant digits`);
  // `+ 0` turns -0 into 0, so '-0.00' is written 0.
  return Number(value) + 0;
}

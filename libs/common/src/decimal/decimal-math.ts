const PLAIN_DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** Digits after the point of a plain decimal string (`'120.50'` → 2). */
export function scaleOf(value: string): number {
  const match = PLAIN_DECIMAL.exec(value);
  if (!match) throw new RangeError(`Not a decimal string: ${JSON.stringify(value)}`);
  return match[3]?.length ?? 0;
}

/**
 * A plain decimal string (`'120.50'`, `'-3'`, as PostgreSQL returns numeric columns) as an integer count
 * of 10^-scale units: `toScaled('120.5', 2)` is `12050n`. More digits than `scale` is a RangeError,
 * never a silent rounding.
 */
export function toScaled(value: string, scale: number): bigint {
  const match = PLAIN_DECIMAL.exec(value);
  if (!match) throw new RangeError(`Not a decimal string: ${JSON.stringify(value)}`);
  const [, minus, whole, fraction = ''] = match;
  if (fraction.length > scale) throw new RangeError(`${value} has more than ${scale} decimal places`);
  const units = BigInt(whole + fraction.padEnd(scale, '0'));
  return minus ? -units : units;
}

/** The canonical string of `scaled` units of 10^-scale: `fromScaled(12050n, 2)` is `'120.50'`. */
export function fromScaled(scaled: bigint, scale: number): string {
  const digits = (scaled < 0n ? -scaled : scaled).toString().padStart(scale + 1, '0');
  const sign = scaled < 0n ? '-' : '';
  return scale === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** -1, 0 or 1, whatever the two scales (`'1.5'` equals `'1.50'`). */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
  const scale = Math.max(scaleOf(a), scaleOf(b));
  const difference = toScaled(a, scale) - toScaled(b, scale);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/** Exact `a + b`, at the larger of the two scales. */
export function addDecimals(a: string, b: string): string {
  const scale = Math.max(scaleOf(a), scaleOf(b));
  return fromScaled(toScaled(a, scale) + toScaled(b, scale), scale);
}

/** Exact `a - b`, at the larger of the two scales (e.g. a leave balance: allowance minus used). */
export function subtractDecimals(a: string, b: string): string {
  const scale = Math.max(scaleOf(a), scaleOf(b));
  return fromScaled(toScaled(a, scale) - toScaled(b, scale), scale);
}

/** Exact sum at `scale` (`'0.00'` for none), e.g. a timesheet's amounts per currency. */
export function sumDecimals(values: Iterable<string>, scale: number): string {
  let total = 0n;
  for (const value of values) total += toScaled(value, scale);
  return fromScaled(total, scale);
}

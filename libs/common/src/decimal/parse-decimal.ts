import { fromScaled, toScaled } from './decimal-math';

/** A numeric(precision, scale) column, with optional inclusive bounds inside its range. */
export interface DecimalSpec {
  precision: number;
  scale: number;
  /** Inclusive; default the column's most negative value. Use the smallest step for "greater than": `'0.01'`. */
  min?: number | string;
  /** Inclusive; default the column's largest value. */
  max?: number | string;
}

export type DecimalParseFailure = 'format' | 'scale' | 'range';
export type DecimalParseResult = { ok: true; value: string } | { ok: false; reason: DecimalParseFailure };

// The JSON number grammar, leading zeros tolerated (form bodies send what people type).
const NUMBER_TEXT = /^(-)?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;
// Longer text is no one's amount, and keeps the BigInt work small.
const MAX_TEXT_LENGTH = 100;

/**
 * Reads a client value for a numeric(p, s) column without ever going through floating point:
 * a JSON number in any notation (`150.5`, `1.505e2`) or a numeric string from a form body (`'150.50'`).
 * Numbers are read through their shortest round-trip text (`String(0.1)` is `'0.1'`), which is what
 * the client wrote for every value the column can hold. Succeeds with the canonical string at the
 * column's scale (`'150.50'`); fails with why: not a finite number, more decimals than the scale, or
 * outside the column or the bounds.
 */
export function parseDecimal(input: unknown, spec: DecimalSpec): DecimalParseResult {
  const text = typeof input === 'number' ? (Number.isFinite(input) ? String(input) : undefined) : input;
  if (typeof text !== 'string' || text.length > MAX_TEXT_LENGTH) return { ok: false, reason: 'format' };
  const match = NUMBER_TEXT.exec(text);
  if (!match) return { ok: false, reason: 'format' };
  const [, minus, whole, fraction = '', exponent = '0'] = match;

  // value = digits × 10^power, with no leading or trailing zeros in digits.
  let digits = (whole + fraction).replace(/^0+/, '');
  let power = Number(exponent) - fraction.length;
  if (digits === '') return bounded(0n, spec);
  const trailing = digits.length - digits.replace(/0+$/, '').length;
  digits = digits.slice(0, digits.length - trailing);
  power += trailing;

  if (-power > spec.scale) return { ok: false, reason: 'scale' };
  if (digits.length + power > spec.precision - spec.scale) return { ok: false, reason: 'range' };
  const units = BigInt(digits) * 10n ** BigInt(power + spec.scale);
  return bounded(minus ? -units : units, spec);
}

/** The canonical string of a value already validated against `spec` (a RangeError otherwise). */
export function toDecimal(input: number | string, spec: DecimalSpec): string {
  const result = parseDecimal(input, spec);
  if (!result.ok) throw new RangeError(`${JSON.stringify(input)} is not a valid numeric(${spec.precision}, ${spec.scale}) value`);
  return result.value;
}

/** The inclusive bounds of `spec` as canonical strings. */
export function decimalBounds(spec: DecimalSpec): { min: string; max: string } {
  const [min, max] = boundUnits(spec);
  return { min: fromScaled(min, spec.scale), max: fromScaled(max, spec.scale) };
}

function bounded(units: bigint, spec: DecimalSpec): DecimalParseResult {
  const [min, max] = boundUnits(spec);
  if (units < min || units > max) return { ok: false, reason: 'range' };
  return { ok: true, value: fromScaled(units, spec.scale) };
}

function boundUnits({ precision, scale, min, max }: DecimalSpec): [bigint, bigint] {
  const largest = 10n ** BigInt(precision) - 1n;
  return [min === undefined ? -largest : boundOf(min, scale), max === undefined ? largest : boundOf(max, scale)];
}

function boundOf(bound: number | string, scale: number): bigint {
  return toScaled(typeof bound === 'number' ? plain(bound) : bound, scale);
}

// Bounds are code constants like 24 or 0.01; String() of those is already plain.
function plain(bound: number): string {
  const text = String(bound);
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new RangeError(`Use a string for the bound ${text}`);
  return text;
}

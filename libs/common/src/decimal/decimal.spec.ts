import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { IsOptional, validateSync } from 'class-validator';
import fc from 'fast-check';
import { addDecimals, compareDecimals, fromScaled, subtractDecimals, sumDecimals, toScaled } from './decimal-math';
import { decimalToJsonNumber } from './decimal-to-json';
import { IsDecimal, IsHours, IsMoney, MONEY_COLUMN } from './is-decimal.decorator';
import { decimalBounds, parseDecimal, toDecimal } from './parse-decimal';

describe('parseDecimal', () => {
  it.each([
    [120.5, '120.50'],
    ['120.50', '120.50'],
    [120, '120.00'],
    ['007', '7.00'],
    [1.5e2, '150.00'],
    ['1.505e2', '150.50'],
    ['15050e-2', '150.50'],
    [0.1, '0.10'],
    [-0, '0.00'],
    ['-0.00', '0.00'],
    ['0e999999999', '0.00'],
    [-12.3, '-12.30'],
    [9_999_999_999.99, '9999999999.99'],
    ['1.2000000', '1.20'],
  ])('reads %p as %s for numeric(12, 2)', (input, canonical) =>
    expect(parseDecimal(input, MONEY_COLUMN)).toEqual({ ok: true, value: canonical }),
  );

  it.each([
    [Number.NaN, 'format'],
    [Infinity, 'format'],
    [-Infinity, 'format'],
    ['', 'format'],
    [' 1', 'format'],
    ['1,5', 'format'],
    ['+1', 'format'],
    ['.5', 'format'],
    ['1.', 'format'],
    ['0x10', 'format'],
    ['Infinity', 'format'],
    [null, 'format'],
    [undefined, 'format'],
    [true, 'format'],
    [{}, 'format'],
    [[1], 'format'],
    ['1'.repeat(101), 'format'],
    [1.005, 'scale'],
    ['0.001', 'scale'],
    [1e-7, 'scale'],
    ['1e-999999999', 'scale'],
    [10_000_000_000, 'range'],
    ['-10000000000', 'range'],
    [1e21, 'range'],
    ['1e999999999', 'range'],
  ])('refuses %p (%s)', (input, reason) => expect(parseDecimal(input, MONEY_COLUMN)).toEqual({ ok: false, reason }));

  it('applies inclusive bounds', () => {
    const spec = { ...MONEY_COLUMN, min: '0.01', max: 24 };
    expect(parseDecimal('0.01', spec)).toEqual({ ok: true, value: '0.01' });
    expect(parseDecimal(24, spec)).toEqual({ ok: true, value: '24.00' });
    expect(parseDecimal(0, spec)).toEqual({ ok: false, reason: 'range' });
    expect(parseDecimal(24.01, spec)).toEqual({ ok: false, reason: 'range' });
    expect(decimalBounds(spec)).toEqual({ min: '0.01', max: '24.00' });
  });

  it('handles scale 0 and wider columns', () => {
    expect(parseDecimal('1.0', { precision: 3, scale: 0 })).toEqual({ ok: true, value: '1' });
    expect(parseDecimal(999, { precision: 3, scale: 0 })).toEqual({ ok: true, value: '999' });
    expect(parseDecimal(1000, { precision: 3, scale: 0 })).toEqual({ ok: false, reason: 'range' });
    expect(parseDecimal('123456789012.123456', { precision: 18, scale: 6 })).toEqual({ ok: true, value: '123456789012.123456' });
  });

  it('toDecimal returns the canonical string and refuses what validation would have refused', () => {
    expect(toDecimal(150.5, MONEY_COLUMN)).toBe('150.50');
    expect(() => toDecimal(0.001, MONEY_COLUMN)).toThrow(RangeError);
  });
});

describe('decimal arithmetic', () => {
  it('converts between strings and scaled integers', () => {
    expect(toScaled('120.5', 2)).toBe(12050n);
    expect(toScaled('-0.05', 2)).toBe(-5n);
    expect(fromScaled(-5n, 2)).toBe('-0.05');
    expect(fromScaled(7n, 0)).toBe('7');
    expect(() => toScaled('1.234', 2)).toThrow(RangeError);
    expect(() => toScaled('1e2', 2)).toThrow(RangeError);
  });

  it('compares regardless of scale', () => {
    expect(compareDecimals('1.5', '1.50')).toBe(0);
    expect(compareDecimals('-2', '1.99')).toBe(-1);
    expect(compareDecimals('10', '9.999')).toBe(1);
  });

  it('adds, subtracts and sums exactly', () => {
    expect(addDecimals('0.1', '0.2')).toBe('0.3');
    expect(subtractDecimals('20.00', '22.5')).toBe('-2.50');
    expect(
      sumDecimals(
        Array.from({ length: 10 }, () => '0.1'),
        2,
      ),
    ).toBe('1.00');
    expect(sumDecimals([], 2)).toBe('0.00');
    expect(sumDecimals(['9999999999.99', '9999999999.99'], 2)).toBe('19999999999.98');
  });
});

describe('decimalToJsonNumber', () => {
  it.each([
    ['120.00', 120],
    ['80.50', 80.5],
    ['0.10', 0.1],
    ['-0.00', 0],
    ['9999999999.99', 9_999_999_999.99],
    ['123456789012345', 123456789012345],
    ['1000000000000000000000', 1e21],
  ])('writes %s as %p', (value, number) => expect(Object.is(decimalToJsonNumber(value), number)).toBe(true));

  it('keeps null', () => expect(decimalToJsonNumber(null)).toBeNull());

  it.each(['1234567890123456', '0.1234567890123456', 'abc', '1e5', ''])('refuses %p rather than round it', (value) =>
    expect(() => decimalToJsonNumber(value)).toThrow(RangeError),
  );
});

class AmountDto {
  @IsOptional()
  @IsMoney()
  amount?: unknown;

  @IsOptional()
  @IsMoney({ allowNegative: true })
  adjustment?: unknown;

  @IsOptional()
  @IsHours({ min: '0.01', max: 24 })
  hours_per_day?: unknown;

  @IsOptional()
  @IsDecimal({ precision: 5, scale: 0 })
  count?: unknown;
}

function errorsOf(body: Record<string, unknown>): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const error of validateSync(plainToInstance(AmountDto, body))) errors[error.property] = Object.values(error.constraints ?? {});
  return errors;
}

describe('IsMoney, IsHours, IsDecimal', () => {
  it('accept numbers in any notation and numeric strings', () =>
    expect(errorsOf({ amount: 1.5e2, adjustment: '-12.5', hours_per_day: '7.5', count: '12' })).toEqual({}));

  it('say which rule a value breaks', () =>
    expect(errorsOf({ amount: -1, adjustment: 'abc', hours_per_day: 0, count: 1.5 })).toEqual({
      amount: ['amount must be between 0 and 9999999999.99.'],
      adjustment: ['adjustment must be a number.'],
      hours_per_day: ['hours_per_day must be between 0.01 and 24.'],
      count: ['count must be a whole number.'],
    }));

  it('refuse too many decimals, NaN, Infinity and out-of-range values', () =>
    expect(errorsOf({ amount: 10.005, adjustment: Number.NaN, hours_per_day: Infinity, count: 100000 })).toEqual({
      amount: ['amount must have at most 2 decimal places.'],
      adjustment: ['adjustment must be a number.'],
      hours_per_day: ['hours_per_day must be a number.'],
      count: ['count must be between -99999 and 99999.'],
    }));

  it('never throw, whatever the value', () =>
    fc.assert(fc.property(fc.anything(), (value) => Array.isArray(validateSync(plainToInstance(AmountDto, { amount: value }))))));
});

const money = fc.bigInt({ min: -999_999_999_999n, max: 999_999_999_999n }).map((units) => fromScaled(units, 2));

describe('decimal properties', () => {
  it('a canonical string parses back to itself, as a string and as a number', () =>
    fc.assert(
      fc.property(money, (value) => {
        const asNumber = decimalToJsonNumber(value);
        const fromString = parseDecimal(value, MONEY_COLUMN);
        const fromNumber = parseDecimal(asNumber, MONEY_COLUMN);
        return fromString.ok && fromString.value === value && fromNumber.ok && fromNumber.value === value;
      }),
    ));

  it('exponent notation reads as the same value', () =>
    fc.assert(
      fc.property(money, fc.integer({ min: 0, max: 6 }), (value, shift) => {
        const text = `${toScaled(value, 2)}${'0'.repeat(shift)}e-${2 + shift}`;
        const parsed = parseDecimal(text, MONEY_COLUMN);
        return parsed.ok && parsed.value === value;
      }),
    ));

  it('sums without float drift: n copies of a value are n times it', () =>
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 99_999_999n }), fc.integer({ min: 0, max: 50 }), (units, count) => {
        const value = fromScaled(units, 2);
        return (
          sumDecimals(
            Array.from({ length: count }, () => value),
            2,
          ) === fromScaled(units * BigInt(count), 2)
        );
      }),
    ));

  it('addition and subtraction undo each other, and comparison agrees with them', () =>
    fc.assert(
      fc.property(money, money, (a, b) => {
        const sum = addDecimals(a, b);
        return subtractDecimals(sum, b) === a && compareDecimals(sum, a) === compareDecimals(b, '0');
      }),
    ));
});

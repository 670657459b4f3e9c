import { describe, expect, it } from '@jest/globals';
import { parseCanonicalId } from './database-id';
import { parseDecimal } from '../decimal/parse-decimal';
import { nulCharacterFields } from './nul-characters';

describe('parseCanonicalId', () => {
  it.each([
    ['1', 1],
    ['100', 100],
    ['2147483647', 2147483647],
  ])('reads %s as %i', (textValue, id) => expect(parseCanonicalId(textValue)).toBe(id));

  it.each(['0', '01', '+1', '-1', '1.0', '1e0', '0x1', ' 1', '1 ', '2147483648', '1.9999999999999999', '', '１', 1])(
    'refuses %p',
    (value) => expect(parseCanonicalId(value)).toBeUndefined(),
  );
});

describe('numeric(12, 2) values in any notation (parseDecimal, behind @IsDecimal)', () => {
  const column = { precision: 12, scale: 2 };
  it.each([0, 1, 120.5, 0.01, 150, 9_999_999_999.99, -0, 1.5e2])('accepts %p', (value) =>
    expect(parseDecimal(value, column).ok).toBe(true),
  );
  it.each([1e-7, 5e-324, 0.001, 0.1 + 0.2, Number.NaN, Infinity, 1e21])('refuses %p', (value) =>
    expect(parseDecimal(value, column).ok).toBe(false),
  );
});

describe('nulCharacterFields', () => {
  it('names every string holding a NUL by its dot path', () => {
    expect(nulCharacterFields({ name: 'a\u0000', ok: 'fine', tags: ['x', 'y\u0000'], nested: { deep: '\u0000' } })).toEqual({
      name: ['The name field must not contain NUL characters.'],
      'tags.1': ['The tags.1 field must not contain NUL characters.'],
      'nested.deep': ['The nested.deep field must not contain NUL characters.'],
    });
  });

  it('finds nothing in clean values', () => expect(nulCharacterFields({ a: 1, b: null, c: ['x'] })).toEqual({}));
});

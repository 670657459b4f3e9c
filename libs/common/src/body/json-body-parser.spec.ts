import { describe, expect, it } from '@jest/globals';
import { jsonNestsDeeperThan } from './json-body-parser';

const text = (value: string): Buffer => Buffer.from(value, 'utf8');

describe('jsonNestsDeeperThan', () => {
  it.each([
    ['{}', 1, false],
    ['{"a":{"b":[1]}}', 3, false],
    ['{"a":{"b":[1]}}', 2, true],
    ['[[[[]]]]', 4, false],
    ['[[[[]]]]', 3, true],
  ])('%s within %i levels: deeper = %p', (json, max, deeper) => expect(jsonNestsDeeperThan(text(json), max)).toBe(deeper));

  it('ignores brackets inside strings, including escaped quotes', () => {
    expect(jsonNestsDeeperThan(text('{"a":"[[[[{{{{\\"[[[["}'), 1)).toBe(false);
    expect(jsonNestsDeeperThan(text('{"a":"\\\\"}'), 1)).toBe(false);
  });

  it('scans a million levels without recursion', () => {
    expect(jsonNestsDeeperThan(text('['.repeat(1_000_000)), 32)).toBe(true);
  });
});

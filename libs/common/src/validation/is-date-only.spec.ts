import { describe, expect, it } from '@jest/globals';
import { isDateOnly } from './is-date-only.decorator';

describe('isDateOnly', () => {
  it.each(['2024-01-15', '2024-02-29', '1999-12-31'])('accepts %s', (value) => expect(isDateOnly(value)).toBe(true));
  it.each(['0000-01-01', '10000-01-01', '2023-02-29', '2024-13-01', '2024-1-5', '15/01/2024', '2024-01-15T00:00:00Z', '', 20240115])(
    'rejects %p',
    (value) => expect(isDateOnly(value)).toBe(false),
  );
});

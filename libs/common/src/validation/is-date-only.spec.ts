import { describe, expect, it } from '@jest/globals';
import { dateOnlyMessage, isCalendarDate, isDateOnly } from './is-date-only.decorator';

describe('isDateOnly', () => {
  it.each(['2024-01-15', '2024-02-29', '1999-12-31', '1900-01-01', '2999-12-31'])('accepts %s', (value) =>
    expect(isDateOnly(value)).toBe(true),
  );
  it.each(['0000-01-01', '10000-01-01', '2023-02-29', '2024-13-01', '2024-1-5', '15/01/2024', '2024-01-15T00:00:00Z', '', 20240115])(
    'rejects %p',
    (value) => expect(isDateOnly(value)).toBe(false),
  );
  it.each(['0001-01-01', '1899-12-31', '3000-01-01', '9999-12-31'])('rejects %s, a real date outside 1900-2999', (value) => {
    expect(isCalendarDate(value)).toBe(true);
    expect(isDateOnly(value)).toBe(false);
    expect(dateOnlyMessage(value, 'date')).toBe('date must be a date from 1900-01-01 to 2999-12-31.');
  });
  it('tells a malformed date from one out of range', () => {
    expect(dateOnlyMessage('2024-02-30')).toBe('$property must be a valid date in YYYY-MM-DD format.');
    expect(dateOnlyMessage(42)).toBe('$property must be a valid date in YYYY-MM-DD format.');
  });
});

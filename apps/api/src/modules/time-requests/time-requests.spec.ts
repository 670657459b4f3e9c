import { describe, expect, it } from '@jest/globals';
import { ApiException, nextState, requireTransition } from '@app/common';
import { parseOffsetDateTime } from './offset-date-time';
import { TIME_REQUEST_MACHINE } from './time-request-machine';

describe('parseOffsetDateTime', () => {
  it.each([
    ['2025-12-05T09:00:00+00:00', '2025-12-05T09:00:00.000Z'],
    ['2025-12-05T09:00:00Z', '2025-12-05T09:00:00.000Z'],
    ['2025-12-05T11:30+02:30', '2025-12-05T09:00:00.000Z'],
    ['2025-12-05T04:00:00-0500', '2025-12-05T09:00:00.000Z'],
    ['2025-12-05t09:00:00.999z', '2025-12-05T09:00:00.000Z'],
    ['2025-01-01T00:30:00+01:00', '2024-12-31T23:30:00.000Z'],
  ])('reads %s as %s, cut to the second', (text, iso) => expect(parseOffsetDateTime(text)?.toISOString()).toBe(iso));

  it.each([
    '2025-12-05T09:00:00',
    '2025-12-05',
    '2025-02-30T09:00:00Z',
    '2025-12-05T24:00:00Z',
    '2025-12-05T09:60:00Z',
    '2025-12-05T09:00:00+24:00',
    '2025-12-05 09:00:00Z',
    '12025-12-05T09:00:00Z',
    '',
    1733389200,
    null,
  ])('refuses %p', (value) => expect(parseOffsetDateTime(value)).toBeUndefined());
});

describe('TIME_REQUEST_MACHINE', () => {
  it('decides a pending request once, either way', () => {
    expect(nextState(TIME_REQUEST_MACHINE, 'pending', 'approve')).toBe('approved');
    expect(nextState(TIME_REQUEST_MACHINE, 'pending', 'reject')).toBe('rejected');
  });

  it.each([
    ['approved', 'approve'],
    ['approved', 'reject'],
    ['rejected', 'approve'],
    ['rejected', 'reject'],
  ] as const)('answers the documented 409 from %s on %s', (from, action) => {
    const error = (() => {
      try {
        requireTransition(TIME_REQUEST_MACHINE, from, action);
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })() as ApiException;
    expect([error.status, error.message]).toEqual([409, 'Time request is not pending.']);
  });
});

import { describe, expect, it } from '@jest/globals';
import { ApiException, nextState, requireTransition } from '@app/common';
import {
  amountByYear,
  calendarDays,
  fitsAllowance,
  formatAmount,
  LeaveShape,
  leaveTotals,
  remainingBalance,
  usageByYear,
  yearsOf,
} from './leave-amount';
import { LEAVE_MACHINE } from './leave-machine';

const days = (startDate: string, endDate: string, leavePeriod: 0 | 1 | 2 = 0): LeaveShape => ({
  startDate,
  endDate,
  leavePeriod,
  hoursPerDay: '8.00',
});
const hours = (startDate: string, endDate: string, hoursPerDay: string): LeaveShape => ({
  startDate,
  endDate,
  leavePeriod: 0,
  hoursPerDay,
});

describe('leave amounts', () => {
  it('counts calendar days, both ends included', () => {
    expect(calendarDays('2026-02-10', '2026-02-12')).toBe(3);
    expect(calendarDays('2026-02-28', '2026-03-01')).toBe(2);
    expect(calendarDays('2024-02-28', '2024-03-01')).toBe(3);
  });

  it('counts a full day 1 and a half day 0.5, hours from the policy hours per day', () => {
    expect(leaveTotals('days', days('2026-02-10', '2026-02-12'), '8.00')).toEqual({ days: '3.000', hours: '24.000' });
    expect(leaveTotals('days', days('2026-02-10', '2026-02-12', 1), '8.00')).toEqual({ days: '1.500', hours: '12.000' });
    expect(leaveTotals('days', days('2026-02-10', '2026-02-10', 2), '7.25')).toEqual({ days: '0.500', hours: '3.625' });
  });

  it('counts an hour-based leave as hours per day on each day, days from the policy hours per day', () => {
    expect(leaveTotals('hours', hours('2026-02-10', '2026-02-11', '4'), '8.00')).toEqual({ days: '1.000', hours: '8.000' });
    expect(leaveTotals('hours', hours('2026-02-10', '2026-02-10', '1'), '7.50')).toEqual({ days: '0.133', hours: '1.000' });
    expect(leaveTotals('hours', hours('2026-02-10', '2026-02-10', '2.5'), '3.00')).toEqual({ days: '0.833', hours: '2.500' });
  });

  it('splits a leave over the calendar years it touches', () => {
    expect([...amountByYear('days', days('2025-12-30', '2026-01-02'))]).toEqual([
      [2025, '2.000'],
      [2026, '2.000'],
    ]);
    expect([...amountByYear('days', days('2025-12-31', '2026-01-01', 2))]).toEqual([
      [2025, '0.500'],
      [2026, '0.500'],
    ]);
    expect([...amountByYear('hours', hours('2026-03-01', '2026-03-01', '4'))]).toEqual([[2026, '4.000']]);
  });

  it('sums approved usage only inside the asked years', () => {
    const usage = usageByYear('days', [days('2025-12-30', '2026-01-02'), days('2026-05-04', '2026-05-04', 1)], [2026]);
    expect([...usage]).toEqual([[2026, '2.500']]);
    expect([...usageByYear('days', [], [2026, 2027])]).toEqual([
      [2026, '0.000'],
      [2027, '0.000'],
    ]);
  });

  it('gives the balance as the allowance of every year in the range minus the usage there', () => {
    expect(yearsOf('2026-01-01', '2026-12-31')).toEqual([2026]);
    expect(yearsOf('2025-06-01', '2027-01-31')).toEqual([2025, 2026, 2027]);
    expect(remainingBalance('20.00', new Map([[2026, '2.500']]))).toBe('17.500');
    expect(
      remainingBalance(
        '20.00',
        new Map([
          [2025, '0.000'],
          [2026, '21.000'],
        ]),
      ),
    ).toBe('19.000');
  });

  it('fits a request when every year it touches keeps a non-negative balance', () => {
    const approved = [days('2026-01-05', '2026-01-09')];
    expect(fitsAllowance('days', '10', approved, days('2026-02-02', '2026-02-06'))).toBe(true);
    expect(fitsAllowance('days', '10', approved, days('2026-02-02', '2026-02-07'))).toBe(false);
    expect(fitsAllowance('days', '10', approved, days('2026-02-02', '2026-02-07', 1))).toBe(true);
    // 5 days fall in 2025 (untouched allowance), 1 in 2026 (6 - 5 approved left).
    expect(fitsAllowance('days', '6', approved, days('2025-12-27', '2026-01-01'))).toBe(true);
    expect(fitsAllowance('days', '5', [days('2025-12-01', '2025-12-05')], days('2025-12-31', '2026-01-01'))).toBe(false);
    expect(fitsAllowance('hours', '8', [hours('2026-01-05', '2026-01-05', '4')], hours('2026-01-06', '2026-01-06', '4'))).toBe(true);
    expect(fitsAllowance('hours', '8', [hours('2026-01-05', '2026-01-05', '4')], hours('2026-01-06', '2026-01-06', '4.01'))).toBe(false);
  });

  it('formats a balance with its unit', () => {
    expect(formatAmount('10.000', 'days')).toBe('10 days');
    expect(formatAmount('0.500', 'days')).toBe('0.5 days');
    expect(formatAmount('1.000', 'days')).toBe('1 day');
    expect(formatAmount('6.250', 'hours')).toBe('6.25 hours');
    expect(formatAmount('-2.000', 'hours')).toBe('-2 hours');
    expect(formatAmount('0.000', 'hours')).toBe('0 hours');
  });
});

describe('LEAVE_MACHINE', () => {
  it('decides a pending request once', () => {
    expect(nextState(LEAVE_MACHINE, 'pending', 'approve')).toBe('approved');
    expect(nextState(LEAVE_MACHINE, 'pending', 'reject')).toBe('rejected');
  });

  it.each([
    ['approved', 'approve'],
    ['approved', 'reject'],
    ['rejected', 'approve'],
    ['rejected', 'reject'],
  ] as const)('a %s request refuses %s with the documented 409', (from, action) => {
    let error: unknown;
    try {
      requireTransition(LEAVE_MACHINE, from, action);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ApiException);
    expect((error as ApiException).status).toBe(409);
    expect((error as ApiException).message).toBe('Leave request is not pending.');
  });
});

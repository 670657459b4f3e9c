import { addDays, addDecimals, compareDecimals, daysBetween, fromScaled, subtractDecimals, toScaled } from '@app/common';
import type { LeavePeriod, LeaveTimeUnit } from './leave-kinds';

/**
 * The leave arithmetic (leaves.md "Policies"; the rules are ours, the reference is silent):
 * - a request counts the calendar days of its range, every day alike (no work schedule exists in the API);
 * - day-based: a full day counts 1, a half day (`leave_period` 1 or 2) 0.5; its hours are days × the policy's
 *   hours per day;
 * - hour-based: every day counts the request's `hours_per_day` (at most the `start_time`..`end_time` window);
 *   its days are hours ÷ the policy's hours per day, rounded half up to 3 decimals (shown only: the balance of an
 *   hour-based policy is kept in hours, exactly);
 * - the allowance (`duration`) is per calendar year; a request that spans a new year counts in each year the days
 *   it has there;
 * - the balance over a date range is the allowance of every calendar year the range touches minus the approved
 *   leave in those years (pending requests do not count until approved).
 * Amounts are exact decimal strings at 3 decimals (the numeric(12, 3) totals of leave_requests).
 */
export const AMOUNT_SCALE = 3;

export interface LeaveShape {
  startDate: string;
  endDate: string;
  leavePeriod: LeavePeriod;
  /** Hour-based: the request's hours per day; day-based: the policy's (converts days to hours). */
  hoursPerDay: string;
}

export interface LeaveTotals {
  days: string;
  hours: string;
}

const scaled = (value: string): bigint => toScaled(value, AMOUNT_SCALE);
const unscaled = (value: bigint): string => fromScaled(value, AMOUNT_SCALE);
const ONE = 10n ** BigInt(AMOUNT_SCALE);

/** Calendar days from `startDate` to `endDate`, both counted. */
export function calendarDays(startDate: string, endDate: string): number {
  return daysBetween(startDate, endDate) + 1;
}

/** What one day of the leave counts, in the policy's unit. */
export function perDayAmount(unit: LeaveTimeUnit, shape: Pick<LeaveShape, 'leavePeriod' | 'hoursPerDay'>): string {
  if (unit === 'hours') return unscaled(scaled(shape.hoursPerDay));
  return shape.leavePeriod === 0 ? unscaled(ONE) : unscaled(ONE / 2n);
}

/** The leave's length in days and hours (`total` of a LeaveRequest). */
export function leaveTotals(unit: LeaveTimeUnit, shape: LeaveShape, policyHoursPerDay: string): LeaveTotals {
  const days = BigInt(calendarDays(shape.startDate, shape.endDate));
  const perDay = scaled(perDayAmount(unit, shape));
  if (unit === 'days') {
    const totalDays = days * perDay;
    return { days: unscaled(totalDays), hours: unscaled((totalDays * scaled(policyHoursPerDay)) / ONE) };
  }
  const totalHours = days * perDay;
  return { days: unscaled(divideHalfUp(totalHours * ONE, scaled(policyHoursPerDay))), hours: unscaled(totalHours) };
}

/** The leave's amount in each calendar year it touches, in the policy's unit (year → amount). */
export function amountByYear(unit: LeaveTimeUnit, shape: LeaveShape): Map<number, string> {
  const perDay = scaled(perDayAmount(unit, shape));
  const amounts = new Map<number, string>();
  let from = shape.startDate;
  while (from <= shape.endDate) {
    const year = Number(from.slice(0, 4));
    const yearEnd = `${from.slice(0, 4)}-12-31`;
    const to = yearEnd < shape.endDate ? yearEnd : shape.endDate;
    amounts.set(year, unscaled(BigInt(calendarDays(from, to)) * perDay));
    from = addDays(to, 1);
  }
  return amounts;
}

/** The approved usage per year of several leaves, restricted to `years`. */
export function usageByYear(unit: LeaveTimeUnit, leaves: readonly LeaveShape[], years: readonly number[]): Map<number, string> {
  const usage = new Map<number, string>(years.map((year) => [year, unscaled(0n)]));
  for (const leave of leaves) {
    for (const [year, amount] of amountByYear(unit, leave)) {
      const used = usage.get(year);
      if (used !== undefined) usage.set(year, addDecimals(used, amount));
    }
  }
  return usage;
}

/** The calendar years from `dateFrom`'s to `dateTo`'s, both included. */
export function yearsOf(dateFrom: string, dateTo: string): number[] {
  const years: number[] = [];
  for (let year = Number(dateFrom.slice(0, 4)); year <= Number(dateTo.slice(0, 4)); year++) years.push(year);
  return years;
}

/** The remaining balance over `years`: the yearly allowance of each minus the usage in it. */
export function remainingBalance(allowance: string, usage: ReadonlyMap<number, string>): string {
  let remaining = scaled('0');
  for (const used of usage.values()) remaining += scaled(allowance) - scaled(used);
  return unscaled(remaining);
}

/**
 * Whether `request` fits the allowance in every year it touches, given what is already approved there
 * (the check of createLeaveRequest and approveLeaveRequest when the policy allows no negative balance).
 */
export function fitsAllowance(unit: LeaveTimeUnit, allowance: string, approved: readonly LeaveShape[], request: LeaveShape): boolean {
  const requested = amountByYear(unit, request);
  const usage = usageByYear(unit, approved, [...requested.keys()]);
  return [...requested].every(([year, amount]) => compareDecimals(subtractDecimals(allowance, usage.get(year) ?? '0'), amount) >= 0);
}

/** `"10 days"`, `"0.5 days"`, `"1 day"`, `"-2 hours"`, `"6.25 hours"`: the BalanceItem text. */
export function formatAmount(amount: string, unit: LeaveTimeUnit): string {
  const text = amount.includes('.') ? amount.replace(/\.?0+$/, '') : amount;
  const plain = text === '-0' ? '0' : text;
  const word = plain === '1' || plain === '-1' ? unit.slice(0, -1) : unit;
  return `${plain} ${word}`;
}

function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

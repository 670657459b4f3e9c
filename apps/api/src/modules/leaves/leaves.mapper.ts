import { decimalToJsonNumber, utcTimestamp } from '@app/common';
import { formatAmount } from './leave-amount';
import type { LeavePeriod, LeaveStatus, LeaveTimeUnit } from './leave-kinds';
import { LeaveBalanceResponseDto, LeavePolicyResponseDto, LeaveRequestResponseDto } from './leaves.dto';

/** A leave request row as the read statements select it (snake_case; numerics as strings, dates as YYYY-MM-DD). */
export interface LeaveRequestRow {
  id: string;
  user_id: number;
  policy_id: number;
  policy_name: string;
  is_paid: boolean;
  status: LeaveStatus;
  note: string | null;
  start_date: string;
  end_date: string;
  leave_period: number;
  start_time: string | null;
  end_time: string | null;
  total_days: string;
  total_hours: string;
  created_by: number | null;
  approved_by: number | null;
  rejected_by: number | null;
  reject_reason: string | null;
  created_at: Date;
}

/** The columns of LeaveRequestRow, for `leave_requests l JOIN leave_policies p`. */
export const LEAVE_REQUEST_COLUMNS = [
  'l.id AS id',
  'l.user_id AS user_id',
  'l.policy_id AS policy_id',
  'p.name AS policy_name',
  'p.is_paid AS is_paid',
  'l.status AS status',
  'l.note AS note',
  'l.start_date AS start_date',
  'l.end_date AS end_date',
  'l.leave_period AS leave_period',
  'l.start_time AS start_time',
  'l.end_time AS end_time',
  'l.total_days AS total_days',
  'l.total_hours AS total_hours',
  'l.created_by AS created_by',
  'l.approved_by AS approved_by',
  'l.rejected_by AS rejected_by',
  'l.reject_reason AS reject_reason',
  'l.created_at AS created_at',
];

const yesNo = (value: boolean): 'yes' | 'no' => (value ? 'yes' : 'no');
/** PostgreSQL `time` is `HH:mm:ss`; the API speaks `HH:mm`. */
const hoursAndMinutes = (time: string | null): string | null => (time === null ? null : time.slice(0, 5));

/** The LeaveRequest of leaves.md. */
export function toLeaveRequestResponse(row: LeaveRequestRow): LeaveRequestResponseDto {
  return {
    id: row.id,
    user_id: row.user_id,
    policy_id: row.policy_id,
    policy_name: row.policy_name,
    status: row.status,
    note: row.note,
    is_paid: yesNo(row.is_paid),
    start_date: row.start_date,
    end_date: row.end_date,
    leave_period: row.leave_period as LeavePeriod,
    start_time: hoursAndMinutes(row.start_time),
    end_time: hoursAndMinutes(row.end_time),
    total: { days: decimalToJsonNumber(row.total_days), hours: decimalToJsonNumber(row.total_hours) },
    created_by: row.created_by,
    approved_by: row.approved_by,
    rejected_by: row.rejected_by,
    reject_reason: row.reject_reason,
    created_on: utcTimestamp(row.created_at),
  };
}

/** A leave policy row (leave_policies, snake_case). */
export interface LeavePolicyRow {
  id: number;
  name: string;
  time_unit: LeaveTimeUnit;
  hours_per_day: string;
  duration: string;
  is_paid: boolean;
  allow_negative_balance: boolean;
  reason_required: boolean;
}

export const LEAVE_POLICY_COLUMNS = [
  'p.id AS id',
  'p.name AS name',
  'p.time_unit AS time_unit',
  'p.hours_per_day AS hours_per_day',
  'p.duration AS duration',
  'p.is_paid AS is_paid',
  'p.allow_negative_balance AS allow_negative_balance',
  'p.reason_required AS reason_required',
];

export function toLeavePolicyResponse(row: LeavePolicyRow): LeavePolicyResponseDto {
  return {
    id: row.id,
    name: row.name,
    time_unit: row.time_unit,
    hours_per_day: decimalToJsonNumber(row.hours_per_day),
    duration: decimalToJsonNumber(row.duration),
    is_paid: yesNo(row.is_paid),
    allow_negative_balance: row.allow_negative_balance,
    reason_required: row.reason_required,
  };
}

/** One member's balances, computed by the service (leave-amount.ts) for each assigned policy. */
export interface MemberBalances {
  userId: number;
  userName: string;
  balances: { policyName: string; unit: LeaveTimeUnit; remaining: string }[];
}

export function toLeaveBalanceResponse(member: MemberBalances): LeaveBalanceResponseDto {
  return {
    user_id: member.userId,
    user_name: member.userName,
    leave_information: member.balances.map((item) => ({ leave_type: item.policyName, balance: formatAmount(item.remaining, item.unit) })),
    total_balance: null,
  };
}

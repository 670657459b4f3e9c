import type { DataSource } from 'typeorm';
import type { LeaveStatus, LeaveTimeUnit } from '../../../apps/api/src/modules/leaves/leave-kinds';
import { unique, userIdOf, UserRef } from './factory-deps';

export interface CreateLeavePolicyInput {
  workspaceId: number;
  name?: string;
  timeUnit?: LeaveTimeUnit;
  /** Yearly allowance in `timeUnit`; default 20. */
  duration?: number | string;
  hoursPerDay?: number | string;
  isPaid?: boolean;
  allowNegativeBalance?: boolean;
  reasonRequired?: boolean;
  /** Members the policy applies to. */
  assign?: UserRef[];
}

export interface CreateLeaveRequestInput {
  workspaceId: number;
  user: UserRef;
  policyId: number;
  status?: LeaveStatus;
  /** Default 2026-02-10 .. the same day, a full day. */
  startDate?: string;
  endDate?: string;
  leavePeriod?: 0 | 1 | 2;
  startTime?: string | null;
  endTime?: string | null;
  hoursPerDay?: string;
  totalDays?: string;
  totalHours?: string;
  note?: string | null;
  decidedBy?: number | null;
}

/**
 * Leave policies, assignments and requests, written as rows. Built from the data source alone
 * (`new LeavesFactory(t.dataSource)`), so it also serves the role-matrix rows and the fuzz fixture.
 */
export class LeavesFactory {
  constructor(private readonly dataSource: DataSource) {}

  async policy({
    workspaceId,
    name = `Vacation ${unique()}`,
    timeUnit = 'days',
    duration = 20,
    hoursPerDay = 8,
    isPaid = true,
    allowNegativeBalance = false,
    reasonRequired = false,
    assign = [],
  }: CreateLeavePolicyInput): Promise<{ id: number; name: string }> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO leave_policies (workspace_id, name, time_unit, duration, hours_per_day, is_paid, allow_negative_balance, reason_required)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [workspaceId, name, timeUnit, duration, hoursPerDay, isPaid, allowNegativeBalance, reasonRequired],
    )) as { id: number }[];
    for (const user of assign) await this.assign(row.id, user);
    return { id: row.id, name };
  }

  async assign(policyId: number, user: UserRef): Promise<void> {
    await this.dataSource.query('INSERT INTO leave_policy_assignments (policy_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      policyId,
      userIdOf(user),
    ]);
  }

  /** A request row as given (totals default to one full day of 8 hours); rejected ones get a reason. */
  async request({
    workspaceId,
    user,
    policyId,
    status = 'pending',
    startDate = '2026-02-10',
    endDate = startDate,
    leavePeriod = 0,
    startTime = null,
    endTime = null,
    hoursPerDay = '8',
    totalDays,
    totalHours,
    note = null,
    decidedBy = null,
  }: CreateLeaveRequestInput): Promise<{ id: string }> {
    const userId = userIdOf(user);
    const decider = decidedBy ?? userId;
    const days = totalDays ?? String(((Date.parse(endDate) - Date.parse(startDate)) / 86_400_000 + 1) * (leavePeriod === 0 ? 1 : 0.5));
    const [row] = (await this.dataSource.query(
      `INSERT INTO leave_requests (workspace_id, user_id, policy_id, status, note, start_date, end_date, leave_period, start_time, end_time,
                                   hours_per_day, total_days, total_hours, created_by, approved_by, rejected_by, reject_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $2, $14, $15, $16) RETURNING id`,
      [
        workspaceId,
        userId,
        policyId,
        status,
        note,
        startDate,
        endDate,
        leavePeriod,
        startTime,
        endTime,
        hoursPerDay,
        days,
        totalHours ?? String(Number(days) * Number(hoursPerDay)),
        status === 'approved' ? decider : null,
        status === 'rejected' ? decider : null,
        status === 'rejected' ? 'Rejected by a factory' : null,
      ],
    )) as { id: string }[];
    return row;
  }

  statusOf(id: string): Promise<{ status: string; approved_by: number | null; rejected_by: number | null; reject_reason: string | null }> {
    return this.dataSource
      .query('SELECT status, approved_by, rejected_by, reject_reason FROM leave_requests WHERE id = $1', [id])
      .then((rows: { status: string; approved_by: number | null; rejected_by: number | null; reject_reason: string | null }[]) => rows[0]);
  }
}

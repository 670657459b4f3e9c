import { User, Workspace } from '@app/auth';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { LEAVE_NO_OVERLAP_SQL, LEAVE_STATUS_CHECK_SQL } from './leave-kinds';
import { LeavePolicy } from './leave-policy.entity';

/**
 * A member's leave under a policy (leaves.md). Dates and times are wall-clock values in `time_zone` (the
 * member's zone when requested, else the workspace owner's, else UTC; conventions.md), kept as entered so a
 * later zone change does not move the leave. `total_days`/`total_hours` are the computed length (leave-amount.ts).
 * A pending or approved request may not overlap another of the same member: the exclusion constraint refuses it,
 * comparing the date ranges and the minutes of the day each occupies (full day, half day or an hour window).
 */
@Entity({ name: 'leave_requests' })
@Index('leave_requests_workspace_created_idx', ['workspaceId', 'createdAt'])
@Index('leave_requests_workspace_user_created_idx', ['workspaceId', 'userId', 'createdAt'])
@Index('leave_requests_workspace_policy_created_idx', ['workspaceId', 'policyId', 'createdAt'])
@Index('leave_requests_workspace_status_created_idx', ['workspaceId', 'status', 'createdAt'])
@Index('leave_requests_workspace_dates_idx', ['workspaceId', 'startDate', 'endDate'])
@Index('leave_requests_policy_idx', ['policyId'])
@Index('leave_requests_approved_usage_idx', ['userId', 'policyId', 'startDate', 'endDate'], {
  where: `"status" = 'approved'`,
})
@Exclusion('leave_requests_no_overlap_ex', LEAVE_NO_OVERLAP_SQL)
@Check('leave_requests_status_ck', LEAVE_STATUS_CHECK_SQL)
@Check('leave_requests_leave_period_ck', '"leave_period" IN (0, 1, 2)')
@Check('leave_requests_range_ck', '"end_date" >= "start_date"')
@Check(
  'leave_requests_time_window_ck',
  '("start_time" IS NULL) = ("end_time" IS NULL) AND ("start_time" IS NULL OR ("end_time" > "start_time" AND "leave_period" = 0))',
)
@Check('leave_requests_hours_per_day_ck', '"hours_per_day" > 0 AND "hours_per_day" <= 24')
@Check('leave_requests_totals_ck', '"total_days" >= 0 AND "total_hours" >= 0')
@Check('leave_requests_rejected_ck', `"status" <> 'rejected' OR ("rejected_by" IS NOT NULL AND "reject_reason" IS NOT NULL)`)
export class LeaveRequest {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'integer' })
  workspaceId!: number;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'leave_requests_workspace_id_fk' })
  workspace?: Workspace;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'leave_requests_user_id_fk' })
  user?: User;

  @Column({ name: 'policy_id', type: 'integer' })
  policyId!: number;

  @ManyToOne(() => LeavePolicy, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'policy_id', foreignKeyConstraintName: 'leave_requests_policy_id_fk' })
  policy?: LeavePolicy;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: string;

  /** The request's reason. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  note!: string | null;

  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate!: string;

  @Column({ name: 'leave_period', type: 'smallint', default: 0 })
  leavePeriod!: number;

  /** Hour-based policies only: the window taken on every day of the range. */
  @Column({ name: 'start_time', type: 'time', nullable: true })
  startTime!: string | null;

  @Column({ name: 'end_time', type: 'time', nullable: true })
  endTime!: string | null;

  /** The request's hours per day (hour-based), or the policy's at request time (day-based). */
  @Column({ name: 'hours_per_day', type: 'numeric', precision: 5, scale: 2 })
  hoursPerDay!: string;

  @Column({ name: 'total_days', type: 'numeric', precision: 12, scale: 3 })
  totalDays!: string;

  @Column({ name: 'total_hours', type: 'numeric', precision: 12, scale: 3 })
  totalHours!: string;

  /** The IANA zone the wall-clock dates and times are read in. */
  @Column({ name: 'time_zone', type: 'varchar', length: 64, default: 'UTC' })
  timeZone!: string;

  @Column({ name: 'created_by', type: 'integer', nullable: true })
  createdBy!: number | null;

  @Column({ name: 'approved_by', type: 'integer', nullable: true })
  approvedBy!: number | null;

  @Column({ name: 'rejected_by', type: 'integer', nullable: true })
  rejectedBy!: number | null;

  @Column({ name: 'reject_reason', type: 'varchar', length: 1000, nullable: true })
  rejectReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

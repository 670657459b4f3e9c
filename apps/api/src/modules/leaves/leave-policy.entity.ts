import { Workspace } from '@app/auth';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DEFAULT_HOURS_PER_DAY, LEAVE_TIME_UNIT_CHECK_SQL } from './leave-kinds';

/**
 * A leave type of a workspace (leaves.md "Policies"): managed outside the API (CLI), read by listLeavePolicies.
 * `time_unit` cannot change after creation: a trigger in the migration refuses the update.
 */
@Entity({ name: 'leave_policies' })
@Index('leave_policies_workspace_name_uq', ['workspaceId', 'name'], { unique: true })
@Index('leave_policies_workspace_paid_idx', ['workspaceId', 'isPaid'])
@Check('leave_policies_time_unit_ck', LEAVE_TIME_UNIT_CHECK_SQL)
@Check('leave_policies_hours_per_day_ck', '"hours_per_day" > 0 AND "hours_per_day" <= 24')
@Check('leave_policies_duration_ck', '"duration" >= 0')
export class LeavePolicy {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ name: 'workspace_id', type: 'integer' })
  workspaceId!: number;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'leave_policies_workspace_id_fk' })
  workspace?: Workspace;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ name: 'time_unit', type: 'varchar', length: 8 })
  timeUnit!: string;

  /** Converts between days and hours (a day-based leave's hours, an hour-based allowance shown in days). */
  @Column({ name: 'hours_per_day', type: 'numeric', precision: 5, scale: 2, default: DEFAULT_HOURS_PER_DAY })
  hoursPerDay!: string;

  /** The yearly allowance, in `time_unit`, per calendar year. */
  @Column({ type: 'numeric', precision: 10, scale: 2 })
  duration!: string;

  @Column({ name: 'is_paid', type: 'boolean', default: true })
  isPaid!: boolean;

  @Column({ name: 'allow_negative_balance', type: 'boolean', default: false })
  allowNegativeBalance!: boolean;

  @Column({ name: 'reason_required', type: 'boolean', default: false })
  reasonRequired!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

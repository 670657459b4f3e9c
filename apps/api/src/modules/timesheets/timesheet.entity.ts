import { User, Workspace } from '@app/auth';
import {
  Check,
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { TIMESHEET_STATUSES } from './timesheet-status';

/**
 * One member's pay period (weekly, Monday to Sunday in the member's zone) with its approval status.
 * Created by the time ledger when time is first recorded in the period; never through the API.
 */
@Entity({ name: 'timesheets' })
@Index('timesheets_member_period_uq', ['workspaceId', 'userId', 'dateFrom'], { unique: true, where: '"deleted_at" IS NULL' })
@Index('timesheets_workspace_created_idx', ['workspaceId', 'createdAt'])
@Index('timesheets_workspace_status_idx', ['workspaceId', 'status'])
@Index('timesheets_workspace_period_idx', ['workspaceId', 'dateFrom', 'dateTo'])
@Check('timesheets_status_ck', `"status" IN (${TIMESHEET_STATUSES.map((status) => `'${status}'`).join(', ')})`)
@Check('timesheets_period_ck', '"date_to" >= "date_from"')
export class Timesheet {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'integer' })
  workspaceId!: number;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'timesheets_workspace_id_fk' })
  workspace?: Workspace;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'timesheets_user_id_fk' })
  user?: User;

  @Column({ name: 'date_from', type: 'date' })
  dateFrom!: string;

  @Column({ name: 'date_to', type: 'date' })
  dateTo!: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: string;

  @Column({ name: 'submitted_on', type: 'timestamptz', nullable: true })
  submittedOn!: Date | null;

  @Column({ name: 'reject_reason', type: 'varchar', length: 1000, nullable: true })
  rejectReason!: string | null;

  /** Who approved or rejected it last. */
  @Column({ name: 'decided_by', type: 'integer', nullable: true })
  decidedBy!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @DeleteDateColumn({ name: 'deleted_at', type: 'timestamptz' })
  deletedAt!: Date | null;
}

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
import { Contract } from '../contracts/contract.entity';
import { Project } from '../projects/project.entity';
import { Task } from '../tasks/task.entity';
import { TIME_ENTRY_METHODS } from './time-entry-methods';

/**
 * Recorded time of one member in one workspace, as UTC instants. A running tracker is the row with
 * `end_time` NULL (at most one per user, across workspaces); stopping it sets `end_time`.
 *
 * Two rows of a user in a workspace never overlap: the exclusion constraint compares the half-open
 * ranges `[start_time, end_time)` (an open end is +infinity), so concurrent writers cannot break it
 * even if a code check is skipped. Ranges of the ids are used instead of `user_id WITH =` so the
 * constraint needs no btree_gist extension (not every PostgreSQL install ships contrib).
 */
@Entity({ name: 'time_entries' })
@Index('time_entries_one_running_per_user_uq', ['userId'], { unique: true, where: '"end_time" IS NULL' })
// Timesheet totals, day lists and weekly limits read this index only (every column they need is in it).
@Index('time_entries_member_time_idx', ['workspaceId', 'userId', 'startTime', 'endTime', 'contractId', 'projectId'])
@Index('time_entries_workspace_time_idx', ['workspaceId', 'startTime'])
@Index('time_entries_contract_idx', ['contractId'])
@Index('time_entries_project_idx', ['projectId'])
@Index('time_entries_task_idx', ['taskId'])
@Exclusion(
  'time_entries_no_overlap_ex',
  `USING gist (int4range("workspace_id", "workspace_id", '[]') WITH &&, int4range("user_id", "user_id", '[]') WITH &&, tstzrange("start_time", "end_time", '[)') WITH &&)`,
)
@Check('time_entries_range_ck', '"end_time" IS NULL OR "end_time" > "start_time"')
@Check('time_entries_method_ck', `"method" IN (${TIME_ENTRY_METHODS.map((method) => `'${method}'`).join(', ')})`)
@Check('time_entries_task_needs_contract_ck', '"task_id" IS NULL OR "contract_id" IS NOT NULL')
@Check('time_entries_activity_level_ck', '"activity_level" IS NULL OR "activity_level" BETWEEN 0 AND 100')
export class TimeEntry {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'integer' })
  workspaceId!: number;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'time_entries_workspace_id_fk' })
  workspace?: Workspace;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'time_entries_user_id_fk' })
  user?: User;

  @Column({ name: 'contract_id', type: 'integer', nullable: true })
  contractId!: number | null;

  @ManyToOne(() => Contract, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'time_entries_contract_id_fk' })
  contract?: Contract;

  @Column({ name: 'project_id', type: 'integer', nullable: true })
  projectId!: number | null;

  @ManyToOne(() => Project, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'time_entries_project_id_fk' })
  project?: Project;

  @Column({ name: 'task_id', type: 'integer', nullable: true })
  taskId!: number | null;

  @ManyToOne(() => Task, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'time_entries_task_id_fk' })
  task?: Task;

  @Column({ name: 'activity_description', type: 'varchar', length: 1000, nullable: true })
  activityDescription!: string | null;

  @Column({ type: 'varchar', length: 32 })
  method!: string;

  /**
   * Percent of active time (mouse, keyboard, scroll) as the tracker client measured it; set by tracker clients
   * outside this API, so null for time added manually or tracked through the API (reports.md).
   */
  @Column({ name: 'activity_level', type: 'smallint', nullable: true })
  activityLevel!: number | null;

  @Column({ name: 'start_time', type: 'timestamptz' })
  startTime!: Date;

  @Column({ name: 'end_time', type: 'timestamptz', nullable: true })
  endTime!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

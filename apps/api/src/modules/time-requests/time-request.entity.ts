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
import { Contract } from '../contracts/contract.entity';
import { Project } from '../projects/project.entity';
import { Task } from '../tasks/task.entity';
import { TIME_REQUEST_STATUSES } from './time-request-status';

/** A member's request for manual time, approved (adding a time entry) or rejected by a manager. */
@Entity({ name: 'time_requests' })
@Index('time_requests_workspace_start_idx', ['workspaceId', 'start'])
@Index('time_requests_workspace_user_start_idx', ['workspaceId', 'userId', 'start'])
@Index('time_requests_workspace_project_start_idx', ['workspaceId', 'projectId', 'start'])
@Check('time_requests_status_ck', `"status" IN (${TIME_REQUEST_STATUSES.map((status) => `'${status}'`).join(', ')})`)
@Check('time_requests_range_ck', `"end" > "start" AND "end" - "start" <= interval '24 hours'`)
@Check('time_requests_task_needs_contract_ck', '"task_id" IS NULL OR "contract_id" IS NOT NULL')
export class TimeRequest {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'integer' })
  workspaceId!: number;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'time_requests_workspace_id_fk' })
  workspace?: Workspace;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'time_requests_user_id_fk' })
  user?: User;

  @Column({ name: 'contract_id', type: 'integer', nullable: true })
  contractId!: number | null;

  @ManyToOne(() => Contract, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'time_requests_contract_id_fk' })
  contract?: Contract;

  @Column({ name: 'project_id', type: 'integer', nullable: true })
  projectId!: number | null;

  @ManyToOne(() => Project, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'time_requests_project_id_fk' })
  project?: Project;

  @Column({ name: 'task_id', type: 'integer', nullable: true })
  taskId!: number | null;

  @ManyToOne(() => Task, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'time_requests_task_id_fk' })
  task?: Task;

  @Column({ type: 'timestamptz' })
  start!: Date;

  @Column({ type: 'timestamptz' })
  end!: Date;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: string;

  @Column({ name: 'activity_description', type: 'varchar', length: 1000, nullable: true })
  activityDescription!: string | null;

  /** The rejection comment. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  comment!: string | null;

  @Column({ name: 'created_by', type: 'integer', nullable: true })
  createdBy!: number | null;

  /** Who approved or rejected it. */
  @Column({ name: 'updated_by', type: 'integer', nullable: true })
  updatedBy!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @DeleteDateColumn({ name: 'deleted_at', type: 'timestamptz' })
  deletedAt!: Date | null;
}

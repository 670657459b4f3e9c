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
import { Project } from '../projects/project.entity';

/**
 * A task of a project (tasks.md). `owner_id` is not stored: it is the workspace owner, read through the workspace.
 * Custom status codes are configured in `task_statuses`, so the status check only bounds the range; the priority
 * check holds the four documented codes.
 */
@Entity({ name: 'tasks' })
@Index('tasks_project_live_idx', ['projectId', 'id'], { where: '"deleted_at" IS NULL' })
@Index('tasks_project_status_live_idx', ['projectId', 'status', 'id'], { where: '"deleted_at" IS NULL' })
@Index('tasks_project_priority_live_idx', ['projectId', 'priority', 'id'], { where: '"deleted_at" IS NULL' })
@Index('tasks_parent_live_idx', ['parentId', 'id'], { where: '"deleted_at" IS NULL' })
@Index('tasks_workspace_id_idx', ['workspaceId'])
@Index('tasks_creator_id_idx', ['creatorId'])
@Check('tasks_status_ck', '"status" >= 0')
@Check('tasks_priority_ck', '"priority" IS NULL OR "priority" IN (10, 20, 30, 40)')
@Check('tasks_end_after_start_ck', '"end_date" IS NULL OR "start_date" IS NULL OR "end_date" >= "start_date"')
@Check('tasks_not_own_parent_ck', '"parent_id" IS NULL OR "parent_id" <> "id"')
export class Task {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ name: 'workspace_id', type: 'integer' })
  workspaceId!: number;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'tasks_workspace_id_fk' })
  workspace?: Workspace;

  @Column({ name: 'project_id', type: 'integer' })
  projectId!: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'tasks_project_id_fk' })
  project?: Project;

  @Column({ name: 'parent_id', type: 'integer', nullable: true })
  parentId!: number | null;

  @ManyToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'tasks_parent_id_fk' })
  parent?: Task;

  @Column({ name: 'creator_id', type: 'integer' })
  creatorId!: number;

  // Users are never deleted through the API; a deletion elsewhere must not silently take their tasks with it.
  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'creator_id', foreignKeyConstraintName: 'tasks_creator_id_fk' })
  creator?: User;

  @Column({ type: 'varchar', length: 255 })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'smallint', default: 0 })
  status!: number;

  @Column({ type: 'smallint', nullable: true })
  priority!: number | null;

  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate!: string | null;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate!: string | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @DeleteDateColumn({ name: 'deleted_at', type: 'timestamptz' })
  deletedAt!: Date | null;
}

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
import { DEFAULT_SCREENSHOT_MODE, MAX_WEEKLY_HOURS, SCREENSHOT_MODES } from './screenshot-modes';

/** A member's assignment to a project, with rate and hour limits (contracts.md). */
@Entity({ name: 'contracts' })
@Index('contracts_project_user_live_uq', ['projectId', 'userId'], { unique: true, where: '"deleted_at" IS NULL' })
@Index('contracts_workspace_user_idx', ['workspaceId', 'userId'])
@Index('contracts_user_project_idx', ['userId', 'projectId'])
@Index('contracts_workspace_live_idx', ['workspaceId', 'id'], { where: '"deleted_at" IS NULL' })
@Check('contracts_status_ck', `"status" IN ('active', 'paused')`)
@Check('contracts_rate_type_ck', '"rate_type" IS NULL OR "rate_type" IN (1, 2, 3)')
@Check('contracts_rate_ck', '"rate" IS NULL OR "rate" >= 0')
@Check('contracts_weekly_hours_limit_ck', `"weekly_hours_limit" IS NULL OR "weekly_hours_limit" BETWEEN 0 AND ${MAX_WEEKLY_HOURS}`)
@Check('contracts_screenshots_ck', `"screenshots" IS NULL OR "screenshots" IN (${SCREENSHOT_MODES.map((mode) => `'${mode}'`).join(', ')})`)
export class Contract {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ name: 'workspace_id', type: 'integer' })
  workspaceId!: number;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'contracts_workspace_id_fk' })
  workspace?: Workspace;

  @Column({ name: 'project_id', type: 'integer' })
  projectId!: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'contracts_project_id_fk' })
  project?: Project;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'contracts_user_id_fk' })
  user?: User;

  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true })
  rate!: string | null;

  @Column({ name: 'rate_type', type: 'smallint', nullable: true })
  rateType!: number | null;

  @Column({ type: 'char', length: 3, nullable: true })
  currency!: string | null;

  @Column({ name: 'weekly_hours_limit', type: 'integer', nullable: true, default: MAX_WEEKLY_HOURS })
  weeklyHoursLimit!: number | null;

  @Column({ type: 'varchar', length: 32, nullable: true, default: DEFAULT_SCREENSHOT_MODE })
  screenshots!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status!: 'active' | 'paused';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @DeleteDateColumn({ name: 'deleted_at', type: 'timestamptz' })
  deletedAt!: Date | null;
}

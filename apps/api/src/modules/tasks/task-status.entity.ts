import { Workspace } from '@app/auth';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Project } from '../projects/project.entity';

/**
 * A custom task status code of a workspace (project_id null) or of one project (tasks.md: configured outside this
 * API). It can never shadow a base code; a project's own code wins over a workspace one with the same code.
 */
@Entity({ name: 'task_statuses' })
@Index('task_statuses_project_code_uq', ['projectId', 'code'], { unique: true, where: '"project_id" IS NOT NULL' })
@Index('task_statuses_workspace_code_uq', ['workspaceId', 'code'], { unique: true, where: '"project_id" IS NULL' })
@Check('task_statuses_code_ck', '"code" >= 0 AND "code" NOT IN (0, 10, 20, 30)')
@Check('task_statuses_color_ck', `"color" IS NULL OR "color" ~ '^#[0-9A-Fa-f]{6}$'`)
export class TaskStatus {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ name: 'workspace_id', type: 'integer' })
  workspaceId!: number;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'task_statuses_workspace_id_fk' })
  workspace?: Workspace;

  @Column({ name: 'project_id', type: 'integer', nullable: true })
  projectId!: number | null;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'task_statuses_project_id_fk' })
  project?: Project;

  @Column({ type: 'smallint' })
  code!: number;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 7, nullable: true })
  color!: string | null;
}

import { Workspace } from '@app/auth';
import {
  Check,
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Tag } from './tag.entity';

@Entity({ name: 'projects' })
@Index('projects_workspace_live_idx', ['workspaceId', 'id'], { where: '"deleted_at" IS NULL' })
@Check('projects_deadline_after_start_ck', '"deadline" IS NULL OR "start_date" IS NULL OR "deadline" >= "start_date"')
@Check('projects_estimation_ck', '"estimation" IS NULL OR "estimation" >= 0')
@Check('projects_budget_ck', '"budget_estimation" IS NULL OR "budget_estimation" >= 0')
export class Project {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ name: 'workspace_id', type: 'integer' })
  workspaceId!: number;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'projects_workspace_id_fk' })
  workspace?: Workspace;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate!: string | null;

  @Column({ type: 'date', nullable: true })
  deadline!: string | null;

  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true })
  estimation!: string | null;

  @Column({ name: 'budget_estimation', type: 'numeric', precision: 14, scale: 2, nullable: true })
  budgetEstimation!: string | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  icon!: string | null;

  @Column({ name: 'is_billable', type: 'boolean', default: true })
  isBillable!: boolean;

  @Column({ type: 'numeric', precision: 12, scale: 2, default: 0 })
  rate!: string;

  @Column({ name: 'weekly_hours_limit', type: 'integer', nullable: true, default: 168 })
  weeklyHoursLimit!: number | null;

  @Column({ type: 'varchar', length: 32, nullable: true, default: 'blur' })
  screenshots!: string | null;

  @ManyToMany(() => Tag)
  @JoinTable({
    name: 'project_tags',
    joinColumn: { name: 'project_id', referencedColumnName: 'id', foreignKeyConstraintName: 'project_tags_project_id_fk' },
    inverseJoinColumn: { name: 'tag_id', referencedColumnName: 'id', foreignKeyConstraintName: 'project_tags_tag_id_fk' },
  })
  tags?: Tag[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @DeleteDateColumn({ name: 'deleted_at', type: 'timestamptz' })
  deletedAt!: Date | null;
}

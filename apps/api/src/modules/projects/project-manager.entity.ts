import { User } from '@app/auth';
import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Project } from './project.entity';

/** "Managed project": the project's project manager(s) (roles.md). Workspace data the API does not expose. */
@Entity({ name: 'project_managers' })
@Index('project_managers_user_id_idx', ['userId'])
export class ProjectManager {
  @PrimaryColumn({ name: 'project_id', type: 'integer' })
  projectId!: number;

  @PrimaryColumn({ name: 'user_id', type: 'integer' })
  userId!: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'project_managers_project_id_fk' })
  project?: Project;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'project_managers_user_id_fk' })
  user?: User;
}

import { User } from '@app/auth';
import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Project } from '../projects/project.entity';

/** A project assigned to a project viewer (assignProjectToViewer); the viewer's project scope. */
@Entity({ name: 'project_viewer_projects' })
@Index('project_viewer_projects_user_id_idx', ['userId'])
export class ProjectViewerAssignment {
  @PrimaryColumn({ name: 'project_id', type: 'integer' })
  projectId!: number;

  @PrimaryColumn({ name: 'user_id', type: 'integer' })
  userId!: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'project_viewer_projects_project_id_fk' })
  project?: Project;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'project_viewer_projects_user_id_fk' })
  user?: User;
}

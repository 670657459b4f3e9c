import { Workspace } from '@app/auth';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** Teams are workspace data the API shows only as `Member.team_name` and report filters (roles.md). */
@Entity({ name: 'teams' })
// A team name is unique in its workspace; the index also serves every per-workspace lookup.
@Index('teams_workspace_name_uq', ['workspaceId', 'name'], { unique: true })
export class Team {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ name: 'workspace_id', type: 'integer' })
  workspaceId!: number;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'teams_workspace_id_fk' })
  workspace?: Workspace;

  @Column({ type: 'varchar', length: 255 })
  name!: string;
}

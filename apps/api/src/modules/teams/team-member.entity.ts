import { User } from '@app/auth';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Team } from './team.entity';

@Entity({ name: 'team_members' })
@Index('team_members_user_id_idx', ['userId'])
export class TeamMember {
  @PrimaryColumn({ name: 'team_id', type: 'integer' })
  teamId!: number;

  @PrimaryColumn({ name: 'user_id', type: 'integer' })
  userId!: number;

  /** The team's manager(s): their person and project scope covers the team (roles.md). */
  @Column({ name: 'is_manager', type: 'boolean', default: false })
  isManager!: boolean;

  @ManyToOne(() => Team, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'team_members_team_id_fk' })
  team?: Team;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'team_members_user_id_fk' })
  user?: User;
}

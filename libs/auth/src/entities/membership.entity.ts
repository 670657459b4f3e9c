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
import { MembershipStatus, Role } from '../role';
import { User } from './user.entity';
import { Workspace } from './workspace.entity';

@Entity({ name: 'workspace_members' })
@Index('workspace_members_workspace_user_uq', ['workspaceId', 'userId'], { unique: true })
@Index('workspace_members_user_id_idx', ['userId'])
// One Owner per workspace (roles.md); the listMembers filters by status and role.
@Index('workspace_members_one_owner_uq', ['workspaceId'], { unique: true, where: `"role" = 'Owner'` })
@Index('workspace_members_workspace_status_idx', ['workspaceId', 'status', 'userId'])
@Index('workspace_members_workspace_role_idx', ['workspaceId', 'role', 'userId'])
// listProjectViewers: a workspace's viewers in id order.
@Index('workspace_members_viewers_idx', ['workspaceId', 'userId'], { where: `"role" = 'Project viewer'` })
@Check(
  'workspace_members_role_ck',
  `"role" IN ('Owner', 'Executive manager', 'Team manager', 'Project manager', 'Regular User', 'Project viewer')`,
)
@Check('workspace_members_status_ck', `"status" IN ('active', 'inactive', 'left', 'unknown')`)
@Check('workspace_members_rate_status_ck', `"rate_status" IN (0, 1)`)
export class Membership {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ name: 'workspace_id', type: 'integer' })
  workspaceId!: number;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'workspace_members_workspace_id_fk' })
  workspace?: Workspace;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'workspace_members_user_id_fk' })
  user?: User;

  @Column({ type: 'varchar', length: 32 })
  role!: Role;

  @Column({ type: 'varchar', length: 16, default: MembershipStatus.Active })
  status!: MembershipStatus;

  @Column({ name: 'rate_status', type: 'smallint', default: 0 })
  rateStatus!: number;

  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true })
  rate!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  title!: string | null;

  @Column({ name: 'weekly_hours_limit', type: 'integer', nullable: true })
  weeklyHoursLimit!: number | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  screenshots!: string | null;

  @Column({ name: 'is_blocked', type: 'boolean', default: false })
  isBlocked!: boolean;

  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true })
  activatedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @DeleteDateColumn({ name: 'deleted_at', type: 'timestamptz' })
  deletedAt!: Date | null;
}

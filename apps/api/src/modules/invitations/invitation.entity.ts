import { User, Workspace } from '@app/auth';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One invitation link: the membership (workspace × user) it activates, and the SHA-256 hash of its token (the
 * token itself is only in the link). A link works once and until `expires_at`; a newer invitation or an archive
 * revokes it. At most one link per membership is pending.
 */
@Entity({ name: 'invitations' })
@Index('invitations_token_hash_uq', ['tokenHash'], { unique: true })
@Index('invitations_one_pending_uq', ['workspaceId', 'userId'], { unique: true, where: '"accepted_at" IS NULL AND "revoked_at" IS NULL' })
@Index('invitations_user_id_idx', ['userId'])
@Check('invitations_one_outcome_ck', '"accepted_at" IS NULL OR "revoked_at" IS NULL')
export class Invitation {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ name: 'workspace_id', type: 'integer' })
  workspaceId!: number;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'invitations_workspace_id_fk' })
  workspace?: Workspace;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'invitations_user_id_fk' })
  user?: User;

  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

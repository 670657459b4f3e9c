import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OAuthClient } from './oauth-client.entity';
import { User } from './user.entity';

/**
 * One issued access token and its paired refresh token (hashes only). Every token descending from the
 * same authorization shares `family_id`, so replaying a rotated refresh token can revoke them all.
 */
@Entity({ name: 'oauth_tokens' })
@Index('oauth_tokens_access_hash_uq', ['accessTokenHash'], { unique: true })
@Index('oauth_tokens_refresh_hash_uq', ['refreshTokenHash'], { unique: true, where: '"refresh_token_hash" IS NOT NULL' })
@Index('oauth_tokens_family_idx', ['familyId'])
export class OAuthToken {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ name: 'access_token_hash', type: 'char', length: 64 })
  accessTokenHash!: string;

  @Column({ name: 'access_token_expires_at', type: 'timestamptz' })
  accessTokenExpiresAt!: Date;

  @Column({ name: 'refresh_token_hash', type: 'char', length: 64, nullable: true })
  refreshTokenHash!: string | null;

  @Column({ name: 'refresh_token_expires_at', type: 'timestamptz', nullable: true })
  refreshTokenExpiresAt!: Date | null;

  @Column({ type: 'varchar', length: 64 })
  scope!: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId!: string;

  @Column({ name: 'grant_type', type: 'varchar', length: 32 })
  grantType!: string;

  @Column({ name: 'client_id', type: 'integer' })
  clientId!: number;

  @ManyToOne(() => OAuthClient, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'oauth_tokens_client_id_fk' })
  client?: OAuthClient;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'oauth_tokens_user_id_fk' })
  user?: User;

  /** Set when the refresh token was exchanged (rotation); a later use of it is a replay. */
  @Column({ name: 'rotated_at', type: 'timestamptz', nullable: true })
  rotatedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OAuthClient } from './oauth-client.entity';
import { User } from './user.entity';

/**
 * Single-use, 10-minute codes bound to client, redirect URI and PKCE challenge; stored as hashes. A code knows
 * the token family it produces, so using it twice can revoke every token issued from it (RFC 6749 §4.1.2).
 */
@Entity({ name: 'oauth_authorization_codes' })
@Index('oauth_authorization_codes_hash_uq', ['codeHash'], { unique: true })
export class OAuthAuthorizationCode {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ name: 'code_hash', type: 'char', length: 64 })
  codeHash!: string;

  @Column({ name: 'client_id', type: 'integer' })
  clientId!: number;

  @ManyToOne(() => OAuthClient, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'oauth_authorization_codes_client_id_fk' })
  client?: OAuthClient;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'oauth_authorization_codes_user_id_fk' })
  user?: User;

  @Column({ name: 'redirect_uri', type: 'text' })
  redirectUri!: string;

  @Column({ type: 'varchar', length: 64 })
  scope!: string;

  @Column({ name: 'code_challenge', type: 'varchar', length: 128, nullable: true })
  codeChallenge!: string | null;

  @Column({ name: 'code_challenge_method', type: 'varchar', length: 8, nullable: true })
  codeChallengeMethod!: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  /** The `family_id` every token issued from this code (and every rotation of it) carries. */
  @Column({ name: 'token_family', type: 'uuid' })
  tokenFamily!: string;

  /** Set when the code was presented again after its first use; the code's token family is then revoked. */
  @Column({ name: 'reused_at', type: 'timestamptz', nullable: true })
  reusedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

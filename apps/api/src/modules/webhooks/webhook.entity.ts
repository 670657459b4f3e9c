import { User, Workspace } from '@app/auth';
import { WEBHOOK_EVENT_TYPES } from '@app/database';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A workspace's callback URL and the webhooks.md events it subscribes to. The signing token must be recovered
 * (it is returned to OW/EM and signs every delivery), so it is kept sealed (libs/common secret-box): AES-256-GCM
 * encrypted when WEBHOOK_SECRET_KEY is set.
 */
@Entity({ name: 'webhooks' })
// Lists page a workspace's webhooks oldest first.
@Index('webhooks_workspace_created_idx', ['workspaceId', 'createdAt', 'id'])
@Check('webhooks_events_ck', `cardinality("events") >= 1`)
@Check('webhooks_event_names_ck', `"events" <@ ARRAY[${WEBHOOK_EVENT_TYPES.map((type) => `'${type}'`).join(', ')}]::varchar[]`)
@Check('webhooks_id_ck', `"id" ~ '^[A-Za-z0-9_-]{12,32}$'`)
export class Webhook {
  /** Opaque, URL-safe (conventions.md: at least 12 characters). */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  @Column({ name: 'workspace_id', type: 'integer' })
  workspaceId!: number;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'webhooks_workspace_id_fk' })
  workspace?: Workspace;

  @Column({ type: 'varchar', length: 2048 })
  url!: string;

  @Column({ type: 'varchar', length: 32, array: true })
  events!: string[];

  /** `enc:v1:…` or `plain:whsec_…` (see secret-box.ts); never returned as stored. */
  @Column({ name: 'sealed_token', type: 'text' })
  sealedToken!: string;

  /** Rate fields in deliveries follow this user's rate permission (webhooks.md). */
  @Column({ name: 'created_by', type: 'integer' })
  createdBy!: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'webhooks_created_by_fk' })
  creator?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

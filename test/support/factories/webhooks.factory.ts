import { randomBytes } from 'node:crypto';
import { sealSecret } from '@app/common';
import type { DataSource } from 'typeorm';
import { userIdOf, UserRef } from './factory-deps';

export interface CreateWebhookInput {
  workspaceId: number;
  /** The creator (webhooks.created_by); rate fields in deliveries follow this user's permission. */
  createdBy: UserRef;
  url?: string;
  events?: string[];
  /** Default: `whsec_` + base64 of 32 random bytes, as the API issues. */
  token?: string;
  /** Seal the token with this key (as the app does with WEBHOOK_SECRET_KEY); default stored plain. */
  secretKey?: Buffer;
  /** Default: now. Lists page oldest first. */
  createdAt?: Date;
}

export interface TestWebhook {
  id: string;
  url: string;
  events: string[];
  token: string;
}

/**
 * Webhooks written as rows. Built from the data source alone (`new WebhooksFactory(t.dataSource)`), so it also
 * serves the role-matrix rows.
 */
export class WebhooksFactory {
  constructor(private readonly dataSource: DataSource) {}

  async create({
    workspaceId,
    createdBy,
    url = 'https://hooks.example.com/webwork',
    events = ['tracker.started', 'tracker.stopped'],
    token = `whsec_${randomBytes(32).toString('base64')}`,
    secretKey,
    createdAt = new Date(),
  }: CreateWebhookInput): Promise<TestWebhook> {
    const id = randomBytes(12).toString('base64url');
    await this.dataSource.query(
      `INSERT INTO webhooks (id, workspace_id, url, events, sealed_token, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
      [id, workspaceId, url, events, sealSecret(token, secretKey), userIdOf(createdBy), createdAt],
    );
    return { id, url, events, token };
  }

  async row(id: string): Promise<{ url: string; events: string[]; sealed_token: string; created_by: number } | undefined> {
    const [row] = (await this.dataSource.query('SELECT url, events, sealed_token, created_by FROM webhooks WHERE id = $1', [id])) as {
      url: string;
      events: string[];
      sealed_token: string;
      created_by: number;
    }[];
    return row;
  }
}

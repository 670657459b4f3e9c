import { openSecret } from '@app/common';
import { WebhookEvent, WebhookResponseDto } from './webhooks.dto';

/** A webhook row as the read statements select it. */
export interface WebhookRow {
  id: string;
  url: string;
  events: string[];
  sealed_token: string;
}

export const WEBHOOK_COLUMNS = ['w.id AS id', 'w.url AS url', 'w.events AS events', 'w.sealed_token AS sealed_token'];

/** The documented Webhook; the token is opened (it is stored sealed, see secret-box.ts). */
export function toWebhookResponse(row: WebhookRow, secretKey: Buffer | undefined): WebhookResponseDto {
  return { id: row.id, url: row.url, events: row.events as WebhookEvent[], token: openSecret(row.sealed_token, secretKey) };
}

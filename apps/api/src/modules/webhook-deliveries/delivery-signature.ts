import { createHmac } from 'node:crypto';

const SECRET_PREFIX = 'whsec_';

/**
 * Standard Webhooks `webhook-signature` (webhooks.md "Delivery"): `v1,` and the base64 HMAC-SHA256 of
 * `<webhook-id>.<webhook-timestamp>.<raw body>`, keyed with the base64-decoded part of the token after `whsec_`.
 */
export function signDelivery(token: string, messageId: string, timestampSeconds: number, body: string): string {
  if (!token.startsWith(SECRET_PREFIX)) throw new Error('A webhook token must start with whsec_');
  const key = Buffer.from(token.slice(SECRET_PREFIX.length), 'base64');
  const signature = createHmac('sha256', key).update(`${messageId}.${timestampSeconds}.${body}`).digest('base64');
  return `v1,${signature}`;
}

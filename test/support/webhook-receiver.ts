import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sealSecret } from '@app/common';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import type { DataSource } from 'typeorm';

export interface ReceivedDelivery {
  path: string;
  id: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** The body as verified by the `standardwebhooks` package with the endpoint's token (it throws when the signature is wrong). */
  payload: { type: string; timestamp: string; workspace_id: number; data: Record<string, unknown> };
}

/** What the receiver answers a request with; 'hang' never answers (until the receiver closes). */
export type Answer = { status: number; body?: string } | 'hang';

/**
 * A real HTTP receiver on a loopback port. Every request must carry a valid Standard Webhooks signature for the
 * token registered for its path (checked by the independent `standardwebhooks` package); `answer` decides the reply.
 */
export class WebhookReceiver {
  readonly received: ReceivedDelivery[] = [];
  readonly invalid: string[] = [];
  private readonly tokens = new Map<string, string>();
  private readonly open = new Set<ServerResponse>();
  answer: (delivery: ReceivedDelivery, nth: number) => Answer = () => ({ status: 200, body: 'ok' });
  private server!: Server;
  port = 0;

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** A fresh endpoint URL and its signing token. */
  endpoint(name: string): { url: string; token: string } {
    const token = `whsec_${randomBytes(32).toString('base64')}`;
    this.tokens.set(`/${name}`, token);
    return { url: `http://127.0.0.1:${this.port}/${name}`, token };
  }

  byId(): Map<string, ReceivedDelivery[]> {
    const map = new Map<string, ReceivedDelivery[]>();
    for (const delivery of this.received) map.set(delivery.id, [...(map.get(delivery.id) ?? []), delivery]);
    return map;
  }

  async close(): Promise<void> {
    for (const res of this.open) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      const token = this.tokens.get(path);
      let payload: ReceivedDelivery['payload'];
      try {
        if (!token) throw new Error(`no endpoint ${path}`);
        payload = new StandardWebhook(token).verify(body, {
          'webhook-id': String(req.headers['webhook-id']),
          'webhook-timestamp': String(req.headers['webhook-timestamp']),
          'webhook-signature': String(req.headers['webhook-signature']),
        }) as ReceivedDelivery['payload'];
      } catch (error) {
        this.invalid.push(`${path}: ${error instanceof Error ? error.message : String(error)}`);
        res.writeHead(400).end();
        return;
      }
      const delivery: ReceivedDelivery = { path, id: String(req.headers['webhook-id']), headers: req.headers, body, payload };
      this.received.push(delivery);
      const nth = this.received.filter((other) => other.id === delivery.id).length;
      const answer = this.answer(delivery, nth);
      if (answer === 'hang') {
        this.open.add(res);
        return;
      }
      res.writeHead(answer.status, { 'Content-Type': 'text/plain' }).end(answer.body ?? '');
    });
  }
}

/** A webhook row as the webhooks module stores it (token sealed without a key). */
export async function insertWebhook(
  dataSource: DataSource,
  input: { workspaceId: number; createdBy: number; url: string; token: string; events?: string[] },
): Promise<string> {
  const id = randomBytes(12).toString('base64url');
  await dataSource.query('INSERT INTO webhooks (id, workspace_id, url, events, sealed_token, created_by) VALUES ($1, $2, $3, $4, $5, $6)', [
    id,
    input.workspaceId,
    input.url,
    input.events ?? ['project.created', 'project.updated'],
    sealSecret(input.token, undefined),
    input.createdBy,
  ]);
  return id;
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A finished (dropped) message of `webhookId` for an already dispatched event: a record for the extension endpoints. */
export async function insertDelivery(dataSource: DataSource, input: { workspaceId: number; webhookId: string }): Promise<string> {
  const [event] = (await dataSource.query(
    `INSERT INTO outbox_events (workspace_id, type, payload, dispatched_at) VALUES ($1, 'project.created', '{"id": 1}', now()) RETURNING id`,
    [input.workspaceId],
  )) as { id: string }[];
  const id = `msg_${randomBytes(16).toString('hex')}`;
  await dataSource.query(
    `INSERT INTO webhook_deliveries (id, event_id, webhook_id, status, attempt_count) VALUES ($1, $2, $3, 'dropped', 7)`,
    [id, event.id, input.webhookId],
  );
  return id;
}

import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EventRetention, RETENTION_BATCH } from '../apps/api/src/modules/webhook-deliveries/event-retention';
import { TestWorkspace } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';
import { insertWebhook } from './support/webhook-receiver';

/** WEBHOOK_DELIVERY_RETENTION_DAYS: what the purge deletes and what it must keep, on rows of one fresh workspace. */
describe('Event and delivery-log retention (e2e)', () => {
  let t: TestApp;
  let ws: TestWorkspace;
  let webhookId: string;

  beforeAll(async () => {
    t = await createTestApp({ WEBHOOK_DELIVERY_RETENTION_DAYS: '30' });
    ws = await t.factories.workspace();
    webhookId = await insertWebhook(t.dataSource, {
      workspaceId: ws.id,
      createdBy: ws.owner.userId,
      url: 'https://example.com/hook',
      token: `whsec_${randomBytes(24).toString('base64')}`,
    });
  });
  afterAll(() => t.close());

  /** An event `occurredDaysAgo` old, dispatched `dispatchedDaysAgo` ago (null: never). */
  const event = async (occurredDaysAgo: number, dispatchedDaysAgo: number | null): Promise<string> => {
    const [row]: { id: string }[] = await t.dataSource.query(
      `INSERT INTO outbox_events (workspace_id, type, payload, occurred_at, dispatched_at)
       VALUES ($1, 'project.created', '{}', now() - $2::int * interval '1 day',
               CASE WHEN $3::int IS NULL THEN NULL ELSE now() - $3::int * interval '1 day' END)
       RETURNING id`,
      [ws.id, occurredDaysAgo, dispatchedDaysAgo],
    );
    return row.id;
  };
  /** A message of `eventId` in `status`, last touched `updatedDaysAgo` ago, with two recorded attempts. */
  const delivery = async (eventId: string, status: string, updatedDaysAgo: number): Promise<string> => {
    const id = `msg_${randomBytes(16).toString('hex')}`;
    await t.dataSource.query(
      `INSERT INTO webhook_deliveries (id, event_id, webhook_id, status, attempt_count, next_attempt_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4::varchar, 2, CASE WHEN $4::varchar = 'pending' THEN now() END, now() - interval '40 days', now() - $5::int * interval '1 day')`,
      [id, eventId, webhookId, status, updatedDaysAgo],
    );
    await t.dataSource.query(
      `INSERT INTO webhook_delivery_attempts (delivery_id, number, trigger, started_at, latency_ms, response_status)
       VALUES ($1, 1, 'scheduled', now() - interval '40 days', 12, 500), ($1, 2, 'scheduled', now() - interval '40 days', 9, 200)`,
      [id],
    );
    return id;
  };
  const exists = async (table: string, column: string, id: string): Promise<boolean> =>
    ((await t.dataSource.query(`SELECT 1 FROM ${table} WHERE ${column} = $1`, [id])) as unknown[]).length > 0;

  it('deletes expired dispatched events with their finished messages and attempts, and keeps everything still needed', async () => {
    const expiredBare = await event(40, 40);
    const expired = await event(40, 40);
    const expiredMessage = await delivery(expired, 'succeeded', 40);
    const stillPending = await event(40, 40);
    await delivery(stillPending, 'pending', 40);
    const redeliveredLately = await event(40, 40);
    await delivery(redeliveredLately, 'failed', 2);
    const recent = await event(3, 3);
    const neverDispatched = await event(40, null);
    const justOverTheLine = await event(31, 31);
    const justInside = await event(29, 29);

    const purged = await t.app.get(EventRetention).purge();

    expect(purged).toBeGreaterThanOrEqual(3);
    for (const id of [expiredBare, expired, justOverTheLine]) expect(await exists('outbox_events', 'id', id)).toBe(false);
    expect(await exists('webhook_deliveries', 'id', expiredMessage)).toBe(false);
    expect(await exists('webhook_delivery_attempts', 'delivery_id', expiredMessage)).toBe(false);
    for (const id of [stillPending, redeliveredLately, recent, neverDispatched, justInside]) {
      expect(await exists('outbox_events', 'id', id)).toBe(true);
    }
    expect(await exists('webhook_deliveries', 'event_id', stillPending)).toBe(true);
    expect(await exists('webhook_deliveries', 'event_id', redeliveredLately)).toBe(true);
  });

  it('works through a backlog larger than one batch', async () => {
    const backlog = RETENTION_BATCH * 2 + 7;
    await t.dataSource.query(
      `INSERT INTO outbox_events (workspace_id, type, payload, occurred_at, dispatched_at)
       SELECT $1, 'project.updated', '{}', now() - interval '90 days', now() - interval '90 days' FROM generate_series(1, $2)`,
      [ws.id, backlog],
    );
    expect(await t.app.get(EventRetention).purge()).toBeGreaterThanOrEqual(backlog);
    const [{ left }]: { left: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS left FROM outbox_events WHERE workspace_id = $1 AND type = 'project.updated'`,
      [ws.id],
    );
    expect(left).toBe(0);
  });

  it('keeps everything when the retention is 0', async () => {
    const keeper = await createTestApp({ WEBHOOK_DELIVERY_RETENTION_DAYS: '0' });
    try {
      const old = await event(400, 400);
      expect(await keeper.app.get(EventRetention).purge()).toBe(0);
      expect(await exists('outbox_events', 'id', old)).toBe(true);
    } finally {
      await keeper.close();
    }
  });
});

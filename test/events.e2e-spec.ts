import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { User, Workspace } from '@app/auth';
import { dataSourceOptions, EVENT_TYPES, EventType, EventsService, OutboxEvent, WEBHOOK_EVENT_TYPES } from '@app/database';
import { DataSource } from 'typeorm';
import { parse } from 'yaml';
import { ENTITIES } from '../apps/api/src/entities';

interface ReferenceDocument {
  paths: Record<
    string,
    { post: { requestBody: { content: Record<string, { schema: { properties: { events: { items: { enum: string[] } } } } }> } } }
  >;
}

describe('Events outbox (e2e)', () => {
  let dataSource: DataSource;
  const events = new EventsService();
  let workspaceId: number;

  beforeAll(async () => {
    dataSource = new DataSource(dataSourceOptions({ url: process.env.TEST_DATABASE_URL!, poolSize: 2, entities: ENTITIES }));
    await dataSource.initialize();
    const owner = dataSource
      .getRepository(User)
      .create({ email: `events-${randomBytes(5).toString('hex')}@example.com`, firstname: 'E', lastname: 'V' });
    await dataSource.getRepository(User).insert(owner);
    const workspace = dataSource.getRepository(Workspace).create({ name: 'Events', ownerId: owner.id });
    await dataSource.getRepository(Workspace).insert(workspace);
    workspaceId = workspace.id;
  });
  afterAll(async () => dataSource.destroy());

  const stored = (id: number): Promise<OutboxEvent | null> => dataSource.getRepository(OutboxEvent).findOneBy({ id });

  it('keeps an event recorded in a transaction that commits, waiting for delivery', async () => {
    const payload = { id: 10, name: 'Website Redesign', tags: ['web'] };
    const id = await dataSource.transaction((manager) => events.record(manager, { type: 'project.created', workspaceId, payload }));
    expect(await stored(id)).toMatchObject({ workspaceId, type: 'project.created', payload, dispatchedAt: null });
    expect((await stored(id))?.occurredAt).toBeInstanceOf(Date);
  });

  it('leaves no event behind when the transaction that recorded it rolls back', async () => {
    let recorded: number | undefined;
    await expect(
      dataSource.transaction(async (manager) => {
        recorded = await events.record(manager, { type: 'project.updated', workspaceId, payload: { id: 10 } });
        throw new Error('the change failed after the event was written');
      }),
    ).rejects.toThrow('the change failed');
    expect(recorded).toEqual(expect.any(Number));
    expect(await stored(recorded!)).toBeNull();
  });

  it('refuses an event type outside the list in the schema (check constraint)', async () => {
    await expect(events.record(dataSource.manager, { type: 'project.archived' as EventType, workspaceId, payload: {} })).rejects.toThrow(
      /violates check constraint "outbox_events_type_ck"/,
    );
  });

  it('has a check constraint that accepts exactly EVENT_TYPES (the last migration that rewrote it agrees with the list)', async () => {
    const [{ definition }] = await dataSource.query(
      `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conname = 'outbox_events_type_ck'`,
    );
    const accepted = [...(definition as string).matchAll(/'([^']+)'/g)].map((match) => match[1]).sort();
    expect(accepted).toEqual([...EVENT_TYPES].sort());
  });

  it('refuses an event for a workspace that does not exist (foreign key)', async () => {
    await expect(events.record(dataSource.manager, { type: 'member.deleted', workspaceId: 2_000_000_000, payload: {} })).rejects.toThrow(
      /violates foreign key constraint "outbox_events_workspace_id_fk"/,
    );
  });

  it('knows exactly the event names the published reference lists for webhooks', async () => {
    const reference = parse(await readFile('openapi/webwork-v2.reference.yaml', 'utf8')) as ReferenceDocument;
    const schema = reference.paths['/api/v2/webhooks'].post.requestBody.content['application/json'].schema;
    expect([...WEBHOOK_EVENT_TYPES].sort()).toEqual([...schema.properties.events.items.enum].sort());
  });

  it('accepts the webhook events and the outbox-only events of resources webhooks.md names none for', () => {
    expect(EVENT_TYPES).toEqual(
      expect.arrayContaining([
        ...WEBHOOK_EVENT_TYPES,
        'task.created',
        'task.updated',
        'task.deleted',
        'contract.created',
        'contract.updated',
        'contract.deleted',
      ]),
    );
  });
});

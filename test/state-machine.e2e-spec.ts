import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { HttpStatus } from '@nestjs/common';
import { ApiException, applyTransition, defineStateMachine } from '@app/common';
import { createTestApp, TestApp } from './support/test-app';

type Status = 'pending' | 'submitted' | 'approved' | 'rejected';
type Action = 'submit' | 'approve' | 'reject';

const machine = defineStateMachine<Status, Action>('timesheet', [
  { from: 'pending', action: 'submit', to: 'submitted' },
  { from: 'rejected', action: 'submit', to: 'submitted' },
  { from: 'submitted', action: 'approve', to: 'approved' },
  { from: 'submitted', action: 'reject', to: 'rejected' },
]);

const notFound = (): ApiException => new ApiException(HttpStatus.NOT_FOUND, 'Timesheet not found.');

async function rejection(promise: Promise<unknown>): Promise<ApiException> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiException)) throw new Error(`expected an ApiException, got ${String(error)}`);
  return error;
}

describe('applyTransition (e2e, real database)', () => {
  let t: TestApp;
  // A table of this suite's own, so no migration is involved and other suites never see it.
  const table = `state_machine_probe_${randomBytes(4).toString('hex')}`;

  const apply = (id: string, action: Action, workspaceId = 1) =>
    t.dataSource.transaction((manager) => applyTransition(manager, { table, id, workspaceId, machine, action, notFound }));

  async function row(status: Status, options: { workspaceId?: number; deleted?: boolean } = {}): Promise<string> {
    const id = randomUUID();
    await t.dataSource.query(
      `INSERT INTO ${table} (id, workspace_id, status, updated_at, deleted_at) VALUES ($1, $2, $3, '2024-01-01T00:00:00Z', $4)`,
      [id, options.workspaceId ?? 1, status, options.deleted ? new Date() : null],
    );
    return id;
  }

  async function read(id: string): Promise<{ status: string; approved_by: number | null; updated_at: Date }> {
    const [current] = await t.dataSource.query(`SELECT status, approved_by, updated_at FROM ${table} WHERE id = $1`, [id]);
    return current;
  }

  beforeAll(async () => {
    t = await createTestApp();
    await t.dataSource.query(
      `CREATE TABLE ${table} (id uuid PRIMARY KEY, workspace_id integer NOT NULL, status text NOT NULL,
       approved_by integer, updated_at timestamptz NOT NULL, deleted_at timestamptz)`,
    );
  });

  afterAll(async () => {
    await t.dataSource.query(`DROP TABLE IF EXISTS ${table}`);
    await t.close();
  });

  it('writes an allowed transition and returns the new state', async () => {
    const id = await row('submitted');
    await expect(apply(id, 'approve')).resolves.toBe('approved');
    const after = await read(id);
    expect(after.status).toBe('approved');
    expect(after.updated_at.getTime()).toBeGreaterThan(Date.parse('2024-01-01T00:00:00Z'));
  });

  it('writes the extra columns given in `set` with the same update', async () => {
    const id = await row('submitted');
    await t.dataSource.transaction((manager) =>
      applyTransition(manager, { table, id, workspaceId: 1, machine, action: 'approve', notFound, set: { approved_by: 42 } }),
    );
    expect(await read(id)).toMatchObject({ status: 'approved', approved_by: 42 });
  });

  it('opens its own transaction when the caller has none', async () => {
    const id = await row('pending');
    await expect(applyTransition(t.dataSource.manager, { table, id, workspaceId: 1, machine, action: 'submit', notFound })).resolves.toBe(
      'submitted',
    );
    expect((await read(id)).status).toBe('submitted');
  });

  it('answers 409 for a transition the state does not allow, and changes nothing', async () => {
    const id = await row('approved');
    const error = await rejection(apply(id, 'reject'));
    expect(error.status).toBe(409);
    expect(error.message).toBe('Cannot reject a timesheet that is approved.');
    expect(await read(id)).toMatchObject({ status: 'approved', updated_at: new Date('2024-01-01T00:00:00Z') });
  });

  it('answers the given 404 for an unknown, deleted or other-workspace row', async () => {
    const deleted = await row('submitted', { deleted: true });
    const elsewhere = await row('submitted', { workspaceId: 2 });
    for (const id of [randomUUID(), deleted, elsewhere]) {
      const error = await rejection(apply(id, 'approve'));
      expect(error.status).toBe(404);
      expect(error.message).toBe('Timesheet not found.');
    }
    expect((await read(elsewhere)).status).toBe('submitted');
  });

  it('lets exactly one of two concurrent transitions on one row win; the other gets 409', async () => {
    const id = await row('submitted');
    let holdLock!: () => void;
    const released = new Promise<void>((resolve) => (holdLock = resolve));
    let lockTaken!: () => void;
    const taken = new Promise<void>((resolve) => (lockTaken = resolve));

    // The first transaction approves and keeps its row lock until the second is seen waiting for it.
    const first = t.dataSource.transaction(async (manager) => {
      const state = await applyTransition(manager, { table, id, workspaceId: 1, machine, action: 'approve', notFound });
      lockTaken();
      await released;
      return state;
    });
    await taken;
    const second = rejection(apply(id, 'reject'));
    await waitUntilSomeoneWaitsForALock(t);
    holdLock();

    await expect(first).resolves.toBe('approved');
    const error = await second;
    expect(error.status).toBe(409);
    expect(error.message).toBe('Cannot reject a timesheet that is approved.');
    expect((await read(id)).status).toBe('approved');
  });

  it('lets exactly one of two simultaneous identical approvals win', async () => {
    const id = await row('submitted');
    const results = await Promise.allSettled([apply(id, 'approve'), apply(id, 'approve')]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const [failure] = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(failure.reason).toBeInstanceOf(ApiException);
    expect((failure.reason as ApiException).status).toBe(409);
  });
});

/** Polls pg_stat_activity until a backend of this database is blocked on a lock (no fixed sleeps). */
async function waitUntilSomeoneWaitsForALock(t: TestApp): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt++) {
    const [{ waiting }] = await t.dataSource.query(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the second transaction never waited for the row lock');
}

import { Role } from '@app/auth';
import { LeavesFactory } from '../support/factories/leaves.factory';
import { TimeRequestsFactory } from '../support/factories/time-requests.factory';
import { ExpensesFactory } from '../support/factories/expenses.factory';
import { WebhooksFactory } from '../support/factories/webhooks.factory';
import type { TestApp } from '../support/test-app';
import { insertDelivery, insertWebhook } from '../support/webhook-receiver';
import type { Credentials } from './requests';
import type { Hints } from './values';

const REDIRECT_URI = 'http://127.0.0.1:9/callback';
const MIN_LIVE_PROJECTS = 3;

/**
 * The data the fuzzer acts on: a workspace whose Owner sends the requests (with a PAT), a few projects, a
 * foreign workspace, dead tokens and OAuth apps. Requests that succeed may archive the projects or revoke the
 * token or app in use; `repair` puts them back so later requests still reach the handlers.
 */
export class FuzzFixture {
  hints: Hints = {};
  credentials!: Credentials;
  private workspaceId = 0;
  private ownerId = 0;
  private ownerTokenId = 0;
  private clients: { clientId: string; secret: string | null }[] = [];
  private foreign: { workspaceId: number; projectId: number } = { workspaceId: 0, projectId: 0 };
  private decoyTokenIds: number[] = [];
  /** The Regular User: holds a contract (assignable to tasks) and is in the team. */
  private regularUserId = 0;
  /** A time request of the foreign workspace: 404 here. */
  private foreignTimeRequestId = '';
  /** Expenses: a category of the workspace, and an expense and a category of the foreign workspace (404 / 422 here). */
  private expenseCategoryId = '';
  private foreignExpense = { id: '', categoryId: '' };
  /** A webhook of the foreign workspace: 404 here. */
  private foreignWebhookId = '';
  /** Leaves: a policy of the Regular User and the Owner, a leave of the foreign workspace, and where the next fixture leave goes. */
  private leaves = { policyId: 0, foreignLeaveId: '', nextDay: 0 };

  constructor(private readonly t: TestApp) {}

  async build(): Promise<void> {
    const f = this.t.factories;
    const ws = await f.workspace();
    this.workspaceId = ws.id;
    this.ownerId = ws.owner.userId;
    this.ownerTokenId = ws.owner.tokenId;
    for (let i = 0; i < MIN_LIVE_PROJECTS; i++)
      await f.project(ws.id, { name: `Fuzz project ${i}`, startDate: '2024-01-15', deadline: '2024-03-31' });
    const archived = await f.project(ws.id, { name: 'Archived', deletedAt: new Date() });
    const regular = await f.member(ws.id, Role.RegularUser);
    this.regularUserId = regular.userId;
    const other = await f.workspace();
    const foreignProject = await f.project(other.id);
    this.foreign = { workspaceId: other.id, projectId: foreignProject.id };
    this.foreignTimeRequestId = (await new TimeRequestsFactory(this.t.dataSource).create({ workspaceId: other.id, user: other.owner })).id;
    const expenses = new ExpensesFactory(this.t.dataSource);
    this.expenseCategoryId = (await expenses.category({ workspaceId: ws.id, name: 'Fuzz category' })).id;
    const foreignCategoryId = (await expenses.category({ workspaceId: other.id })).id;
    const foreignExpenseId = (await expenses.create({ workspaceId: other.id, user: other.owner, categoryId: foreignCategoryId })).id;
    this.foreignExpense = { id: foreignExpenseId, categoryId: foreignCategoryId };
    this.foreignWebhookId = (await new WebhooksFactory(this.t.dataSource).create({ workspaceId: other.id, createdBy: other.owner })).id;
    const revoked = await f.token(ws.owner.userId);
    await f.revokeToken(revoked.tokenId);
    const expired = await f.token(ws.owner.userId);
    await f.expireToken(expired.tokenId);
    const decoys = [await f.token(ws.owner.userId), await f.token(regular.userId)];
    this.decoyTokenIds = [...decoys.map((d) => d.tokenId), revoked.tokenId];
    this.credentials = {
      ownerToken: ws.owner.token,
      deadTokens: [revoked.token, expired.token],
      outsiderToken: other.owner.token,
      clientCredentials: [],
    };
    this.hints.archived = [String(archived.id)];
    // Project viewers and teams: one viewer with a project, one archived viewer, one team with the Regular User.
    const [firstProject] = (await this.t.dataSource.query('SELECT id FROM projects WHERE workspace_id = $1 ORDER BY id LIMIT 1', [
      ws.id,
    ])) as {
      id: number;
    }[];
    await f.viewers.create({ workspaceId: ws.id, projects: [firstProject.id] });
    await f.viewers.create({ workspaceId: ws.id, status: 'left' });
    await f.teams.create({ workspaceId: ws.id, name: 'Fuzz team', members: [regular] });
    // Timesheets for the timesheetId paths (the ledger creates them with recorded time; the fuzz needs only the rows).
    await this.t.dataSource.query(
      `INSERT INTO timesheets (workspace_id, user_id, date_from, date_to, status)
       VALUES ($1, $2, '2024-01-01', '2024-01-07', 'pending'), ($1, $2, '2024-01-08', '2024-01-14', 'submitted')`,
      [ws.id, regular.userId],
    );
    await this.registerClients();
    await this.refreshHints();
    this.credentials.deadTokens.push(regular.token.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')));
  }

  /** After a successful write: the Owner's token, the OAuth apps and enough live projects must still exist. */
  async repair(): Promise<void> {
    const q = (sql: string, params: unknown[]) => this.t.dataSource.query(sql, params) as Promise<Record<string, unknown>[]>;
    const [token] = await q('SELECT revoked_at FROM personal_access_tokens WHERE id = $1', [this.ownerTokenId]);
    if (!token || token.revoked_at !== null) {
      const minted = await this.t.factories.token(this.ownerId);
      this.ownerTokenId = minted.tokenId;
      this.credentials.ownerToken = minted.token;
    }
    const live = await q('SELECT client_id FROM oauth_clients WHERE client_id = ANY($1) AND deleted_at IS NULL', [
      this.clients.map((c) => c.clientId),
    ]);
    if (live.length < this.clients.length) await this.registerClients();
    const [{ count }] = await q('SELECT count(*)::int AS count FROM projects WHERE workspace_id = $1 AND deleted_at IS NULL', [
      this.workspaceId,
    ]);
    for (let i = Number(count); i < MIN_LIVE_PROJECTS; i++) await this.t.factories.project(this.workspaceId);
    const [{ teams }] = await q('SELECT count(*)::int AS teams FROM teams WHERE workspace_id = $1', [this.workspaceId]);
    if (Number(teams) === 0) await this.t.factories.teams.create({ workspaceId: this.workspaceId, members: [this.regularUserId] });
    await this.refreshHints();
  }

  /** Tasks of the first live project (where the Regular User holds a contract, so assignTask can succeed); made when gone. */
  private async liveTasks(projectId: number): Promise<string[]> {
    const f = this.t.factories;
    const [contract] = (await this.t.dataSource.query(
      'SELECT id FROM contracts WHERE project_id = $1 AND user_id = $2 AND deleted_at IS NULL',
      [projectId, this.regularUserId],
    )) as { id: number }[];
    if (!contract) await f.contracts.create({ workspaceId: this.workspaceId, projectId, userId: this.regularUserId });
    const query = 'SELECT id FROM tasks WHERE project_id = $1 AND deleted_at IS NULL ORDER BY id LIMIT 2';
    let tasks = (await this.t.dataSource.query(query, [projectId])) as { id: number }[];
    if (tasks.length < 2) {
      for (let i = tasks.length; i < 2; i++) await f.tasks.create({ workspaceId: this.workspaceId, projectId });
      tasks = (await this.t.dataSource.query(query, [projectId])) as { id: number }[];
    }
    return tasks.map((task) => String(task.id));
  }

  /** Two recorded entries of the Regular User (update and delete may take them; made again when gone). */
  private async liveTimeEntries(): Promise<string[]> {
    const query = `SELECT id FROM time_entries WHERE workspace_id = $1 AND user_id = $2 AND end_time IS NOT NULL ORDER BY start_time LIMIT 2`;
    let entries = (await this.t.dataSource.query(query, [this.workspaceId, this.regularUserId])) as { id: string }[];
    if (entries.length < 2) {
      // Far in the past, and skipped when a fuzzed entry already holds the time (the no-overlap constraint).
      await this.t.dataSource.query(
        `INSERT INTO time_entries (workspace_id, user_id, method, start_time, end_time)
         VALUES ($1, $2, 'Manually added time', '1999-01-04T09:00:00Z', '1999-01-04T10:00:00Z'),
                ($1, $2, 'Manually added time', '1999-01-05T09:00:00Z', '1999-01-05T10:00:00Z')
         ON CONFLICT DO NOTHING`,
        [this.workspaceId, this.regularUserId],
      );
      entries = (await this.t.dataSource.query(query, [this.workspaceId, this.regularUserId])) as { id: string }[];
    }
    return entries.map((entry) => entry.id);
  }

  /** Two pending time requests of the Regular User (approve and reject can succeed); made when decided. */
  private async pendingTimeRequests(): Promise<string[]> {
    const query = `SELECT id FROM time_requests WHERE workspace_id = $1 AND status = 'pending' AND deleted_at IS NULL ORDER BY created_at LIMIT 2`;
    let rows = (await this.t.dataSource.query(query, [this.workspaceId])) as { id: string }[];
    if (rows.length < 2) {
      const requests = new TimeRequestsFactory(this.t.dataSource);
      for (let i = rows.length; i < 2; i++) await requests.create({ workspaceId: this.workspaceId, user: this.regularUserId });
      rows = (await this.t.dataSource.query(query, [this.workspaceId])) as { id: string }[];
    }
    return rows.map((row) => row.id);
  }

  /** Two expenses of the Regular User (update and delete may take them; made again when gone). */
  private async liveExpenses(): Promise<string[]> {
    const query = 'SELECT id FROM expenses WHERE workspace_id = $1 ORDER BY created_at, id LIMIT 2';
    let rows = (await this.t.dataSource.query(query, [this.workspaceId])) as { id: string }[];
    if (rows.length < 2) {
      const expenses = new ExpensesFactory(this.t.dataSource);
      for (let i = rows.length; i < 2; i++) {
        await expenses.create({ workspaceId: this.workspaceId, user: this.regularUserId, categoryId: this.expenseCategoryId });
      }
      rows = (await this.t.dataSource.query(query, [this.workspaceId])) as { id: string }[];
    }
    return rows.map((row) => row.id);
  }

  /** Two webhooks of the workspace (update and delete may take them; made again when deleted). */
  private async liveWebhooks(): Promise<string[]> {
    const query = 'SELECT id FROM webhooks WHERE workspace_id = $1 ORDER BY created_at, id LIMIT 2';
    let rows = (await this.t.dataSource.query(query, [this.workspaceId])) as { id: string }[];
    if (rows.length < 2) {
      const webhooks = new WebhooksFactory(this.t.dataSource);
      for (let i = rows.length; i < 2; i++) await webhooks.create({ workspaceId: this.workspaceId, createdBy: this.ownerId });
      rows = (await this.t.dataSource.query(query, [this.workspaceId])) as { id: string }[];
    }
    return rows.map((row) => row.id);
  }

  /** Leave hints: the policy (assigned to both people), two pending leaves of the Regular User (made when decided), a foreign one. */
  private async leaveHints(): Promise<Record<string, string[]>> {
    const leaves = new LeavesFactory(this.t.dataSource);
    if (this.leaves.policyId === 0) {
      const policy = await leaves.policy({ workspaceId: this.workspaceId, duration: 1000, assign: [this.regularUserId, this.ownerId] });
      const other = (await this.t.dataSource.query('SELECT owner_id FROM workspaces WHERE id = $1', [this.foreign.workspaceId])) as {
        owner_id: number;
      }[];
      const foreignPolicy = await leaves.policy({ workspaceId: this.foreign.workspaceId });
      this.leaves.foreignLeaveId = (
        await leaves.request({ workspaceId: this.foreign.workspaceId, user: other[0].owner_id, policyId: foreignPolicy.id })
      ).id;
      this.leaves.policyId = policy.id;
    }
    const query = `SELECT id FROM leave_requests WHERE workspace_id = $1 AND status = 'pending' ORDER BY created_at LIMIT 2`;
    let rows = (await this.t.dataSource.query(query, [this.workspaceId])) as { id: string }[];
    for (let attempt = 0; rows.length < 2 && attempt < 10; attempt++) {
      // Days of 1990 onwards, one per leave; skipped when a fuzzed leave already holds the day (the no-overlap constraint).
      await this.t.dataSource.query(
        `INSERT INTO leave_requests (workspace_id, user_id, policy_id, start_date, end_date, hours_per_day, total_days, total_hours)
         VALUES ($1, $2, $3, DATE '1990-01-01' + $4::int, DATE '1990-01-01' + $4::int, 8, 1, 8) ON CONFLICT DO NOTHING`,
        [this.workspaceId, this.regularUserId, this.leaves.policyId, this.leaves.nextDay++],
      );
      rows = (await this.t.dataSource.query(query, [this.workspaceId])) as { id: string }[];
    }
    return { leaveId: [...rows.map((row) => row.id), this.leaves.foreignLeaveId], policy_id: [String(this.leaves.policyId)] };
  }

  /**
   * A webhook with one finished message, for the delivery extensions (made again when a fuzzed deleteWebhook took
   * it). Its URL is on loopback, which the fuzz app does not allow-list: a redelivery is refused at once, no connection.
   */
  private async webhookDeliveryHints(): Promise<Hints> {
    const query = `SELECT d.webhook_id, d.id FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
                    WHERE w.workspace_id = $1 ORDER BY d.created_at LIMIT 1`;
    let [row] = (await this.t.dataSource.query(query, [this.workspaceId])) as { webhook_id: string; id: string }[];
    if (!row) {
      const webhookId = await insertWebhook(this.t.dataSource, {
        workspaceId: this.workspaceId,
        createdBy: this.ownerId,
        url: 'http://127.0.0.1:9/fuzz',
        token: `whsec_${Buffer.alloc(32, 7).toString('base64')}`,
      });
      row = { webhook_id: webhookId, id: await insertDelivery(this.t.dataSource, { workspaceId: this.workspaceId, webhookId }) };
    }
    return { webhookId: [row.webhook_id, row.webhook_id, 'abc123def456'], deliveryId: [row.id, row.id, 'msg_unknown0000000000000000000'] };
  }

  private async registerClients(): Promise<void> {
    const f = this.t.factories;
    const confidential = await f.oauthApp(this.ownerId, { name: 'Fuzz code app', redirectUris: [REDIRECT_URI] });
    const machine = await f.oauthApp(this.ownerId, { name: 'Fuzz machine app', grantType: 'client_credentials', redirectUris: [] });
    const publicApp = await f.oauthApp(this.ownerId, { name: 'Fuzz public app', confidential: false, redirectUris: [REDIRECT_URI] });
    this.clients = [confidential, machine, publicApp].map(({ client, clientSecret }) => ({
      clientId: client.clientId,
      secret: clientSecret,
    }));
    this.credentials.clientCredentials = this.clients.map((c) => `${c.clientId}:${c.secret ?? ''}`);
  }

  /** Fixture values by parameter/property name; names the document does not use are simply never asked for. */
  private async refreshHints(): Promise<void> {
    const rows = (await this.t.dataSource.query(
      'SELECT id FROM projects WHERE workspace_id = $1 AND deleted_at IS NULL ORDER BY id LIMIT 5',
      [this.workspaceId],
    )) as { id: number }[];
    const tasks = await this.liveTasks(rows[0].id);
    const projects = Array.from({ length: 5 }, (_, i) => String(rows[i % rows.length].id));
    const viewers = (await this.t.dataSource.query(
      `SELECT user_id AS id FROM workspace_members WHERE workspace_id = $1 AND role = 'Project viewer' ORDER BY user_id LIMIT 2`,
      [this.workspaceId],
    )) as { id: number }[];
    const teams = (await this.t.dataSource.query('SELECT id FROM teams WHERE workspace_id = $1 ORDER BY id LIMIT 2', [
      this.workspaceId,
    ])) as {
      id: number;
    }[];
    const timesheets = (await this.t.dataSource.query('SELECT id FROM timesheets WHERE workspace_id = $1 ORDER BY date_from LIMIT 2', [
      this.workspaceId,
    ])) as { id: string }[];
    const people = [String(this.regularUserId), String(this.ownerId)];
    const timeRequests = await this.pendingTimeRequests();
    // Fixed-length hint lists: the same seed then draws the same choices whatever ids the run has reached, so a
    // replayed request (FUZZ_INDEX) has the shape it had in the full run.
    const two = <T>(items: T[], fallback: T): T[] => [0, 1].map((i) => items[i % items.length] ?? fallback);
    const clientIds = this.clients.map((c) => c.clientId);
    const timeEntries = await this.liveTimeEntries();
    const expenses = await this.liveExpenses();
    const webhooks = await this.liveWebhooks();
    const webhookDeliveries = await this.webhookDeliveryHints();
    this.hints = {
      ...this.hints,
      workspace_id: [String(this.workspaceId), String(this.workspaceId), String(this.workspaceId), String(this.foreign.workspaceId)],
      projectId: [...projects, String(this.foreign.projectId), ...(this.hints.archived ?? [])],
      project_id: [...projects, String(this.foreign.projectId), ...(this.hints.archived ?? [])],
      taskId: [...tasks, ...tasks].slice(0, 4),
      parent_id: tasks.slice(0, 2),
      viewerId: [
        ...two(
          viewers.map((viewer) => String(viewer.id)),
          String(this.regularUserId),
        ),
        String(this.regularUserId),
      ],
      teamId: two(
        teams.map((team) => String(team.id)),
        '1',
      ),
      userId: [String(this.regularUserId), String(this.regularUserId), String(this.ownerId)],
      timesheetId: two(
        timesheets.map((sheet) => sheet.id),
        '00000000-0000-4000-8000-000000000000',
      ),
      user_id: people,
      timeRequestId: [...timeRequests, this.foreignTimeRequestId],
      expenseId: [...expenses, this.foreignExpense.id],
      category_id: [this.expenseCategoryId, this.expenseCategoryId, this.foreignExpense.categoryId],
      tokenId: this.decoyTokenIds.map(String),
      // Webhook targets: public (accepted, unresolved), loopback (refused by the target policy).
      url: ['https://hooks.webwork.invalid/in', 'https://example.com/webhook/endpoint', 'http://127.0.0.1:9/hook'],
      time_entry_id: two(timeEntries, '00000000-0000-4000-8000-000000000000'),
      clientId: clientIds,
      client_id: clientIds,
      client_secret: this.clients.map((c) => c.secret ?? ''),
      redirect_uri: [REDIRECT_URI],
      redirect_uris: [REDIRECT_URI],
      code_challenge: ['E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'],
      code_verifier: ['dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'],
      scope: ['read', 'read write', 'read write admin'],
      state: ['xyz'],
      token: [this.credentials.deadTokens[0], 'wwat_unknown', 'wwrt_unknown'],
      ...(await this.leaveHints()),
      ...webhookDeliveries,
      // Both webhook groups' ids: the CRUD's live and foreign webhooks, and the one holding the fixture's delivery.
      webhookId: [...webhookDeliveries.webhookId, ...webhooks, this.foreignWebhookId],
      // Reports: ranges inside the 31-day cap (the generic dates lie decades apart).
      start_date: ['2020-12-01', '2020-12-15'],
      end_date: ['2020-12-31', '2020-12-15'],
      // Tracked hours' currency filter takes ISO 4217 codes (the document says only "string").
      currencies: ['USD', 'EUR'],
      // One-day operations (time entries, the daily reports): yesterday, inside the daily timeline's one-year window, and a fixed day.
      date: [new Date(Date.now() - 86_400_000).toISOString().slice(0, 10), '2020-12-15'],
    };
  }
}

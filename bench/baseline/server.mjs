// The same-SQL baseline: the same routes as the API with the same SQL text, statement for statement (same
// indexes, envelopes and headers), on raw Fastify + pg with response schemas; no Nest, no TypeORM, no logging.
// The SQL below is what the API sends with warm caches (recorded from Parse messages by bench/lib/statements.mjs,
// 2026-12-03), as named prepared statements like the API's PreparedStatement/PreparedList; principals and
// memberships come from an in-process map filled on a miss, like the API's auth cache. The calibration
// compares statements per request and response bytes on every run.
import { createHash, timingSafeEqual } from 'node:crypto';
import {
  alreadyTracking,
  displayName,
  noTracker,
  startMessage,
  TIMESHEETS_PAGE_SQL,
  timesheetsQueryOf,
  toTimesheet,
  trackingBodyOf,
  utcOffset,
  weeksTouched,
} from './time-common.mjs';
import { requireReportRole, toTrackedHoursReport, TRACKED_HOURS_SQL, trackedHoursQueryOf } from './reports-common.mjs';
import {
  bearerToken,
  contractListEnvelope,
  contractsQueryOf,
  createApp,
  createPool,
  envelope,
  hasApiScope,
  healthSchema,
  HttpError,
  listQueryOf,
  meta,
  paginationOf,
  projectIdOf,
  projectSchema,
  serve,
  spendRateLimit,
  toContract,
  toProject,
  topLevelPagination,
  unauthenticated,
  workspaceIdOf,
} from './common.mjs';

const pool = createPool();
const app = createApp();

// ---- auth: the same lookups as the API's guard (TokenService, MembershipLookup) ---------------------------
const sha256 = (value) => createHash('sha256').update(value, 'utf8').digest('hex');

/** token hash → principal; `${workspaceId}:${userId}` → membership. Filled on a miss, like the API's auth cache. */
const principals = new Map();
const memberships = new Map();

async function principalOf(hash) {
  const cached = principals.get(hash);
  if (cached) return cached;
  const { rows } = await pool.query(
    `SELECT t.id, t.user_id, t.token_hash, t.scopes, t.expires_at, t.revoked_at, u.is_disabled
         FROM personal_access_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1`,
    [hash],
  );
  const row = rows[0];
  if (!row || !timingSafeEqual(Buffer.from(row.token_hash, 'hex'), Buffer.from(hash, 'hex'))) throw unauthenticated(true);
  if (row.revoked_at || row.is_disabled) throw unauthenticated(true);
  principals.set(hash, row);
  return row;
}

async function membershipOf(workspaceId, userId) {
  const key = `${workspaceId}:${userId}`;
  if (memberships.has(key)) return memberships.get(key);
  const { rows } = await pool.query(
    `SELECT m.role, m.rate_status, w.owner_id
         FROM workspace_members m JOIN workspaces w ON w.id = m.workspace_id
        WHERE m.workspace_id = $1 AND m.user_id = $2 AND m.status = 'active' AND m.deleted_at IS NULL AND NOT m.is_blocked AND w.deleted_at IS NULL AND NOT w.is_blocked`,
    [workspaceId, userId],
  );
  memberships.set(key, rows[0] ?? null);
  return rows[0] ?? null;
}

async function authenticate(request, reply) {
  const row = await principalOf(sha256(bearerToken(request)));
  if (row.expires_at.getTime() <= Date.now()) throw unauthenticated(true);
  spendRateLimit(`user:${row.user_id}`, reply);
  if (!hasApiScope(row.scopes)) throw new HttpError(403, 'Invalid scope(s) provided.');
  const workspaceId = request.body?.workspace_id === undefined ? workspaceIdOf(request) : trackingBodyOf(request, 0).workspaceId;
  const member = await membershipOf(workspaceId, row.user_id);
  if (!member) throw new HttpError(403, 'You are not a member of this workspace.');
  return { userId: row.user_id, workspaceId, role: member.role, canViewRates: member.role === 'Owner' || member.rate_status === 1 };
}

/** The list's total: carried by the page's rows; page 1 empty means 0; only a page past the end needs the count. */
async function totalOf(rows, page, count) {
  if (rows.length > 0) return rows[0].__page_total;
  if (page === 1) return 0;
  return (await count()).rows[0].total;
}

/** A named prepared statement, parsed once per connection (the API's PreparedStatement). */
const named = (name, text, values) => pool.query({ name, text, values });
const roleKey = (role) => role.replace(/\W+/g, '_');

// ---- projects: the SQL text TypeORM generates for ProjectsService (get: one statement; list: paginate) ----------
// projectScope(auth, 'p') of libs/auth/src/access/project-scope.ts, as TypeORM renders it ($2 = the caller).
const ACTIVE_CONTRACT = `ps_c.project_id = "p"."id" AND ps_c.workspace_id = "p"."workspace_id" AND ps_c.status = 'active' AND ps_c.deleted_at IS NULL`;
const SCOPES = {
  'Project manager': 'EXISTS (SELECT 1 FROM project_managers ps_pm WHERE ps_pm.project_id = "p"."id" AND ps_pm.user_id = $2)',
  'Project viewer': 'EXISTS (SELECT 1 FROM project_viewer_projects ps_pv WHERE ps_pv.project_id = "p"."id" AND ps_pv.user_id = $2)',
  'Team manager': `EXISTS (SELECT 1 FROM contracts ps_c
                JOIN team_members ps_tm ON ps_tm.user_id = ps_c.user_id
                JOIN teams ps_t ON ps_t.id = ps_tm.team_id AND ps_t.workspace_id = p.workspace_id
                JOIN team_members ps_mgr ON ps_mgr.team_id = ps_t.id AND ps_mgr.user_id = $2 AND ps_mgr.is_manager
               WHERE ${ACTIVE_CONTRACT})`,
  'Regular User': `EXISTS (SELECT 1 FROM contracts ps_c WHERE ${ACTIVE_CONTRACT} AND ps_c.user_id = $2)`,
};
const COLUMNS = `"p"."id" AS id, "p"."name" AS name, "w"."owner_id" AS owner_id, "p"."start_date" AS start_date, "p"."deadline" AS deadline, "p"."estimation" AS estimation, "p"."budget_estimation" AS budget_estimation, "p"."notes" AS notes, "p"."icon" AS icon, "p"."is_billable" AS is_billable, "p"."rate" AS rate, "p"."weekly_hours_limit" AS weekly_hours_limit, "p"."screenshots" AS screenshots, (SELECT count(*) FROM contracts pc WHERE pc.project_id = "p"."id" AND pc.status = 'active' AND pc.deleted_at IS NULL)::int AS contracts_count, (SELECT coalesce(json_agg(json_build_object('id', tag.id, 'name', tag.name, 'color', tag.color) ORDER BY tag.name, tag.id), '[]'::json)
      FROM project_tags tag_link JOIN tags tag ON tag.id = tag_link.tag_id WHERE tag_link.project_id = "p"."id") AS tags, "p"."created_at" AS created_at, "p"."updated_at" AS updated_at, "p"."deleted_at" AS deleted_at`;
const FROM = `FROM "projects" "p" INNER JOIN "workspaces" "w" ON  "w"."id" = "p"."workspace_id" AND "w"."deleted_at" IS NULL`;

/** WHERE clause and params for the caller's visible projects ($1 workspace, $2 user when scoped, then `extra`). */
function visible(auth, extra = []) {
  const scope = SCOPES[auth.role];
  const params = scope ? [auth.workspaceId, auth.userId] : [auth.workspaceId];
  const conditions = [`"p"."workspace_id" = $1 AND "p"."deleted_at" IS NULL`, ...(scope ? [scope] : [])];
  for (const [sql, value] of extra) {
    params.push(value);
    conditions.push(sql.replace('?', `$${params.length}`));
  }
  return { conditions, params };
}
const where = (conditions) => `WHERE ( ${conditions.join(' AND ')} ) AND ( "p"."deleted_at" IS NULL )`;

app.get('/health', { schema: { response: healthSchema } }, async () => {
  try {
    await pool.query('SELECT 1');
  } catch {
    throw new HttpError(503, 'Database unavailable.');
  }
  return { success: true, data: { status: 'ok', database: 'up' }, meta: meta() };
});

app.get('/api/v2/projects/:projectId', { schema: { response: envelope(projectSchema) } }, async (request, reply) => {
  const auth = await authenticate(request, reply);
  const projectId = projectIdOf(request);
  const { conditions, params } = visible(auth, [['"p"."id" = ?', projectId]]);
  const { rows } = await named(`projects.get.${roleKey(auth.role)}`, `SELECT ${COLUMNS} ${FROM} ${where(conditions)}`, params);
  if (rows.length === 0) throw new HttpError(404, 'Project not found.');
  return { success: true, message: 'Project retrieved successfully', data: toProject(rows[0], auth.canViewRates), meta: meta() };
});

app.get('/api/v2/projects', { schema: { response: envelope({ type: 'array', items: projectSchema }) } }, async (request, reply) => {
  const auth = await authenticate(request, reply);
  const { page, perPage, pattern } = listQueryOf(request);
  const { conditions, params } = visible(auth, pattern === undefined ? [] : [[`"p"."name" ILIKE ? ESCAPE '\\'`, pattern]]);
  // PreparedList: one statement, the page whose ids are picked in a subquery (order, then OFFSET and LIMIT as
  // parameters) with the list's total from an uncorrelated count subquery; the count alone only past the last page.
  const name = `projects.list.${roleKey(auth.role)}.${pattern === undefined ? 'all' : 'name'}`;
  const offset = `$${params.length + 1}`;
  const limit = `$${params.length + 2}`;
  const countSql = `SELECT count(*)::int ${FROM} ${where(conditions)}`;
  const ids = `SELECT "p"."id" AS "p_id" ${FROM} ${where(conditions)} ORDER BY "p_id" ASC OFFSET ${offset} LIMIT ${limit}`;
  const list = await named(
    `${name}.page`,
    `SELECT ${COLUMNS}, (${countSql}) AS "__page_total" ${FROM} ${where([...conditions, `"p"."id" IN (${ids})`])} ORDER BY "p"."id" ASC`,
    [...params, (page - 1) * perPage, perPage],
  );
  const total = await totalOf(list.rows, page, () =>
    named(`${name}.count`, `SELECT count(*)::int AS "total" ${FROM} ${where(conditions)}`, params),
  );
  const data = list.rows.map((row) => toProject(row, auth.canViewRates));
  return { success: true, data, meta: meta(paginationOf(total, page, perPage, data.length)) };
});

// ---- contracts: the SQL text of ContractsService.list (PreparedList: a count and a page whose ids are picked first) ----
// contractScope(auth, 'c', 'p') of libs/auth/src/access/contract-scope.ts as TypeORM renders it; `bind(value)` numbers
// the parameters in order of appearance, as TypeORM does (one number per named parameter).
const CONTRACT_SCOPES = {
  'Team manager': (bind, auth) => {
    const user = bind(auth.userId);
    return `("c"."user_id" = ${user} OR EXISTS (SELECT 1 FROM team_members pe_tm
                JOIN teams pe_t ON pe_t.id = pe_tm.team_id AND pe_t.workspace_id = ${bind(auth.workspaceId)}
                JOIN team_members pe_mgr ON pe_mgr.team_id = pe_t.id AND pe_mgr.user_id = ${user} AND pe_mgr.is_manager
               WHERE pe_tm.user_id = "c"."user_id"))`;
  },
  'Project manager': (bind, auth) =>
    `("c"."user_id" = ${bind(auth.userId)} OR EXISTS (SELECT 1 FROM project_managers ps_pm WHERE ps_pm.project_id = "p"."id" AND ps_pm.user_id = ${bind(auth.userId)}))`,
  'Regular User': (bind, auth) => `"c"."user_id" = ${bind(auth.userId)}`,
  'Project viewer': (bind, auth) =>
    `EXISTS (SELECT 1 FROM project_viewer_projects ps_pv WHERE ps_pv.project_id = "p"."id" AND ps_pv.user_id = ${bind(auth.userId)})`,
};
const CONTRACT_FROM = `FROM "contracts" "c" INNER JOIN "projects" "p" ON  "p"."id" = "c"."project_id" AND "p"."workspace_id" = "c"."workspace_id" AND "p"."deleted_at" IS NULL AND "p"."deleted_at" IS NULL  LEFT JOIN "users" "u" ON "u"."id" = "c"."user_id"  LEFT JOIN "workspace_members" "m" ON  "m"."workspace_id" = "c"."workspace_id" AND "m"."user_id" = "c"."user_id" AND "m"."deleted_at" IS NULL`;
const CONTRACT_COLUMNS = `"c"."id" AS id, "c"."project_id" AS project_id, "p"."name" AS project_name, "p"."icon" AS project_icon, "p"."is_billable" AS is_billable, "c"."user_id" AS user_id, "u"."firstname" AS user_firstname, "u"."lastname" AS user_lastname, "u"."email" AS user_email, "m"."role" AS user_role, "c"."weekly_hours_limit" AS weekly_hours_limit, "c"."screenshots" AS screenshots, CASE "c"."rate_type" WHEN 2 THEN "m"."rate" WHEN 3 THEN "p"."rate" ELSE "c"."rate" END AS rate, "c"."rate_type" AS rate_type, "c"."currency" AS currency, "c"."status" AS status, "c"."created_at" AS created_at, "c"."updated_at" AS updated_at`;

app.get('/api/v2/contracts', { schema: { response: contractListEnvelope } }, async (request, reply) => {
  const auth = await authenticate(request, reply);
  const { page, perPage, projectId, userId, status } = contractsQueryOf(request);
  const params = [];
  const bind = (value) => `$${params.push(value)}`;
  const conditions = [`"c"."workspace_id" = ${bind(auth.workspaceId)} AND "c"."deleted_at" IS NULL`];
  const scope = CONTRACT_SCOPES[auth.role];
  if (scope) conditions.push(scope(bind, auth));
  if (projectId !== undefined) conditions.push(`"c"."project_id" = ${bind(projectId)}`);
  if (userId !== undefined) conditions.push(`"c"."user_id" = ${bind(userId)}`);
  if (status !== undefined) conditions.push(`"c"."status" = ${bind(status)}`);
  const filter = conditions.join(' AND ');
  const countParams = [...params];
  const ids = `SELECT "c"."id" AS "c_id" ${CONTRACT_FROM} WHERE ( ${filter} ) AND ( "c"."deleted_at" IS NULL ) ORDER BY "c_id" ASC OFFSET ${bind((page - 1) * perPage)} LIMIT ${bind(perPage)}`;
  const name = `contracts.list.${roleKey(auth.role)}.${[projectId, userId, status].map((f) => (f === undefined ? 0 : 1)).join('')}`;
  const countSql = `SELECT count(*)::int ${CONTRACT_FROM} WHERE ( ${filter} ) AND ( "c"."deleted_at" IS NULL )`;
  const list = await named(
    `${name}.page`,
    `SELECT ${CONTRACT_COLUMNS}, (${countSql}) AS "__page_total" ${CONTRACT_FROM} WHERE ( ${filter} AND "c"."id" IN (${ids}) ) AND ( "c"."deleted_at" IS NULL ) ORDER BY "c"."id" ASC`,
    params,
  );
  const total = await totalOf(list.rows, page, () =>
    named(
      `${name}.count`,
      `SELECT count(*)::int AS "total" ${CONTRACT_FROM} WHERE ( ${filter} ) AND ( "c"."deleted_at" IS NULL )`,
      countParams,
    ),
  );
  const data = list.rows.map((row) => toContract(row, auth.canViewRates));
  const pagination = paginationOf(total, page, perPage, data.length);
  return {
    success: true,
    message: 'Contracts retrieved successfully',
    data,
    meta: meta(pagination),
    pagination: topLevelPagination(pagination),
  };
});

// ---- time tracking (W4): the statements of TimeTrackingService.start / stop and the time ledger, in order --------
const LOCK_MEMBER_TIME = `SELECT COALESCE(u.timezone, 'UTC') AS time_zone, m.weekly_hours_limit AS member_limit, c.weekly_hours_limit AS contract_limit, now() AS now, u.firstname, u.lastname, u.email, (m.deleted_at IS NULL AND m.status = 'active' AND m.role <> 'Project viewer') AS can_track FROM workspace_members m JOIN users u ON u.id = m.user_id LEFT JOIN contracts c ON c.id = $3 AND c.workspace_id = m.workspace_id WHERE m.workspace_id = $1 AND m.user_id = $2 FOR UPDATE OF m`;
const WEEKS_APPROVED = `SELECT 1 FROM timesheets WHERE workspace_id = $1 AND user_id = $2 AND date_from = ANY($3::date[]) AND status = 'approved' AND deleted_at IS NULL LIMIT 1`;
const INSERT_EVENT = 'INSERT INTO outbox_events (workspace_id, type, payload) VALUES ($1, $2, $3) RETURNING id';
const WEEKLY_USAGE = `SELECT COALESCE(sum(extract(epoch FROM least(COALESCE(e.end_time, now()), w.e) - greatest(e.start_time, w.s)) * 1000), 0) AS all_ms, COALESCE(sum(extract(epoch FROM least(COALESCE(e.end_time, now()), w.e) - greatest(e.start_time, w.s)) * 1000) FILTER (WHERE e.contract_id = $5), 0) AS contract_ms FROM unnest($3::timestamptz[], $4::timestamptz[]) WITH ORDINALITY AS w(s, e, i) LEFT JOIN time_entries e ON e.workspace_id = $1 AND e.user_id = $2 AND e.start_time < w.e AND COALESCE(e.end_time, now()) > w.s AND e.id IS DISTINCT FROM $6::uuid GROUP BY w.i ORDER BY w.i`;

/** One transaction on one pooled client (TypeORM's `START TRANSACTION` … `COMMIT`). */
async function transaction(work) {
  const client = await pool.connect();
  try {
    await client.query('START TRANSACTION');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The ledger's weekly-limit read, run only when a limit applies (as the API's weeklyAllowances). */
async function weeklyLimitLeft(client, ws, user, context, weeks) {
  if (context.member_limit === null) return Infinity;
  const { rows } = await client.query(WEEKLY_USAGE, [ws, user, weeks.map((w) => w.start), weeks.map((w) => w.end), null, null]);
  return context.member_limit * 3_600_000 - Number(rows[0].all_ms);
}

app.post('/api/v2/time-tracking/start', async (request, reply) => {
  const auth = await authenticate(request, reply);
  const { workspaceId: ws, userId: user } = trackingBodyOf(request, auth.userId);
  return transaction(async (client) => {
    const context = (await client.query(LOCK_MEMBER_TIME, [ws, user, null])).rows[0];
    if (!context?.can_track) throw new HttpError(404, 'User not found.');
    const member = context;
    if ((await client.query('SELECT 1 FROM time_entries WHERE user_id = $1 AND end_time IS NULL', [user])).rows.length > 0)
      throw alreadyTracking();
    const { now } = context;
    const week = weeksTouched(now, new Date(now.getTime() + 1), context.time_zone);
    if ((await client.query(WEEKS_APPROVED, [ws, user, week.map((w) => w.dateFrom)])).rows.length > 0) {
      throw new HttpError(409, 'The timesheet for this period is approved; its time cannot change.');
    }
    if ((await weeklyLimitLeft(client, ws, user, context, week)) <= 0) throw new HttpError(409, 'The weekly hours limit is reached.');
    try {
      await client.query(
        `INSERT INTO time_entries (workspace_id, user_id, contract_id, project_id, task_id, activity_description, method, start_time) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [ws, user, null, null, null, null, 'Web tracker', now],
      );
    } catch (error) {
      if (error.code === '23505') throw alreadyTracking();
      throw error;
    }
    const name = displayName(member.firstname, member.lastname, member.email);
    const data = {
      message: 'Time tracking started successfully',
      start_time: utcOffset(now),
      user_id: user,
      user_name: name,
      user_email: member.email,
      contract_id: null,
      project_id: null,
      project_name: null,
      task_id: null,
      task_title: null,
      activity_description: null,
    };
    await client.query(INSERT_EVENT, [ws, 'tracker.started', JSON.stringify(data)]);
    return { success: true, message: startMessage(name, now), data, meta: meta() };
  });
});

app.post('/api/v2/time-tracking/stop', async (request, reply) => {
  const auth = await authenticate(request, reply);
  const { workspaceId: ws, userId: user } = trackingBodyOf(request, auth.userId);
  return transaction(async (client) => {
    const context = (await client.query(LOCK_MEMBER_TIME, [ws, user, null])).rows[0];
    if (!context) throw new HttpError(404, 'User not found.');
    const running = (
      await client.query(
        `DELETE FROM time_entries WHERE workspace_id = $1 AND user_id = $2 AND end_time IS NULL AND ($3::int IS NULL OR project_id = $3) AND ($4::int IS NULL OR contract_id = $4) RETURNING id, workspace_id, user_id, contract_id, project_id, task_id, activity_description, start_time`,
        [ws, user, null, null],
      )
    ).rows[0];
    if (!running) throw noTracker();
    const { now } = context;
    const stoppedAt = new Date(Math.max(now.getTime(), running.start_time.getTime()));
    const entryIds = [];
    if (stoppedAt > running.start_time) {
      const weeks = weeksTouched(running.start_time, stoppedAt, context.time_zone);
      const approved = new Set(
        (
          await client.query(
            `SELECT date_from::text AS date_from FROM timesheets WHERE workspace_id = $1 AND user_id = $2 AND date_from = ANY($3::date[]) AND status = 'approved' AND deleted_at IS NULL`,
            [ws, user, weeks.map((w) => w.dateFrom)],
          )
        ).rows.map((row) => row.date_from),
      );
      // W4's trackers run for milliseconds: one open span, added through the ledger's statements.
      if (weeks.length === 1 && !approved.has(weeks[0].dateFrom)) {
        // The ledger reuses the lock's context (held) for a tracker without a contract: no second lock or week check.
        const ctx =
          running.contract_id === null ? context : (await client.query(LOCK_MEMBER_TIME, [ws, user, running.contract_id])).rows[0];
        if (running.contract_id !== null && (await client.query(WEEKS_APPROVED, [ws, user, [weeks[0].dateFrom]])).rows.length > 0) {
          throw new HttpError(409, 'The timesheet for this period is approved; its time cannot change.');
        }
        const busy = await client.query(
          `SELECT start_time, end_time FROM time_entries WHERE workspace_id = $1 AND user_id = $2 AND start_time < $4 AND (end_time IS NULL OR end_time > $3) AND id IS DISTINCT FROM $5::uuid`,
          [ws, user, running.start_time, stoppedAt, null],
        );
        const left = await weeklyLimitLeft(client, ws, user, ctx, weeks);
        if (busy.rows.length === 0 && left >= stoppedAt - running.start_time) {
          const inserted = await client.query(
            `INSERT INTO time_entries (workspace_id, user_id, contract_id, project_id, task_id, activity_description, method, start_time, end_time) SELECT $1, $2, $3, $4, $5, $6, $7, s.start_time, s.end_time FROM unnest($8::timestamptz[], $9::timestamptz[]) AS s(start_time, end_time) ORDER BY s.start_time RETURNING id`,
            [
              ws,
              user,
              running.contract_id,
              running.project_id,
              running.task_id,
              running.activity_description,
              'Web tracker',
              [running.start_time],
              [stoppedAt],
            ],
          );
          entryIds.push(...inserted.rows.map((row) => row.id));
          await client.query(
            `INSERT INTO timesheets (workspace_id, user_id, date_from, date_to) SELECT $1, $2, d.date_from, d.date_to FROM unnest($3::date[], $4::date[]) AS d(date_from, date_to) ON CONFLICT (workspace_id, user_id, date_from) WHERE deleted_at IS NULL DO NOTHING`,
            [ws, user, [weeks[0].dateFrom], [weeks[0].dateTo]],
          );
        }
      }
    }
    const payload = {
      user_id: user,
      contract_id: running.contract_id,
      project_id: running.project_id,
      task_id: running.task_id,
      activity_description: running.activity_description,
      start_time: utcOffset(running.start_time),
      stopped_at: utcOffset(stoppedAt),
      time_entry_ids: entryIds,
    };
    await client.query(INSERT_EVENT, [ws, 'tracker.stopped', JSON.stringify(payload)]);
    const data = { message: 'Time tracking stopped successfully', stopped_at: utcOffset(stoppedAt) };
    return { success: true, message: 'Time tracking stopped successfully', data, meta: meta() };
  });
});

// ---- timesheets (W5): the API's page statement for OW/EM (one statement; the count alone only past the end) --------
app.get('/api/v2/timesheets', async (request, reply) => {
  const auth = await authenticate(request, reply);
  if (auth.role !== 'Owner' && auth.role !== 'Executive manager') throw new HttpError(501, 'The baseline serves OW/EM only.');
  const { userId, from, to, page, perPage } = timesheetsQueryOf(request);
  const { rows } = await named('timesheets.list.owner.user_range.desc', TIMESHEETS_PAGE_SQL, [
    auth.workspaceId,
    from,
    to,
    userId,
    (page - 1) * perPage,
    perPage,
  ]);
  const total = await totalOf(rows, page, () =>
    pool.query(
      `SELECT count(*)::int AS "total" FROM "timesheets" "ts" INNER JOIN "users" "u" ON "u"."id" = "ts"."user_id" WHERE ( "ts"."workspace_id" = $1 AND "ts"."deleted_at" IS NULL AND "ts"."date_to" >= $2 AND "ts"."date_from" <= $3 AND "ts"."user_id" = $4 ) AND ( "ts"."deleted_at" IS NULL )`,
      [auth.workspaceId, from, to, userId],
    ),
  );
  const data = rows.map((row) => toTimesheet(row, auth.canViewRates));
  return { success: true, message: 'Timesheets retrieved successfully', data, meta: meta(paginationOf(total, page, perPage, data.length)) };
});

// ---- reports (W6): the API's tracked-hours statement (one statement, aggregation in SQL) and its mapper ----------
app.get('/api/v2/reports/tracked-hours', async (request, reply) => {
  const auth = await authenticate(request, reply);
  requireReportRole(auth);
  const { start, end } = trackedHoursQueryOf(request);
  const values = [auth.workspaceId, end, start, null, null, null, null];
  const { rows } = await pool.query({ name: 'reports.tracked_hours', text: TRACKED_HOURS_SQL, values });
  return { success: true, data: toTrackedHoursReport(rows, start, end, auth.canViewRates), meta: meta() };
});

await serve(app, pool);

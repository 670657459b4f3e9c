// The limit baseline: the least work that produces the API's response bodies. Raw Fastify + pg, tokens and
// memberships from in-memory maps (loaded once at start), rate-limit counters in memory, and ONE named
// prepared statement per request (plan cached per connection, no per-request parse). Bodies and headers are
// byte-identical to the API's (timestamps masked): the calibration proves it on every run.
//
// What it leaves out on purpose (it is a limit, not a server to deploy): revocation and role changes are seen
// only at restart, and `last_used_at` is not refreshed (not part of any response body).
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
import { createHash } from 'node:crypto';
import {
  alreadyTracking,
  noTracker,
  startMessage,
  TIMESHEETS_PAGE_SQL,
  timesheetsQueryOf,
  toTimesheet,
  trackingBodyOf,
  utcOffset,
} from './time-common.mjs';
import { requireReportRole, toTrackedHoursReport, TRACKED_HOURS_SQL, trackedHoursQueryOf } from './reports-common.mjs';

const pool = createPool();
const app = createApp();

// ---- in-memory auth: every token by its hash, every live membership by workspace and user -----------------
const tokens = new Map();
const memberships = new Map();
{
  const { rows } = await pool.query(
    `SELECT t.token_hash, t.user_id, t.scopes, t.expires_at, t.revoked_at, u.is_disabled
       FROM personal_access_tokens t JOIN users u ON u.id = t.user_id`,
  );
  for (const row of rows) tokens.set(row.token_hash, row);
  const members = await pool.query(
    `SELECT m.workspace_id, m.user_id, m.role, m.rate_status, w.owner_id
       FROM workspace_members m JOIN workspaces w ON w.id = m.workspace_id
      WHERE m.status = 'active' AND m.deleted_at IS NULL AND NOT m.is_blocked AND w.deleted_at IS NULL AND NOT w.is_blocked`,
  );
  for (const row of members.rows) memberships.set(`${row.workspace_id}:${row.user_id}`, row);
}

function authenticate(request, reply) {
  const hash = createHash('sha256').update(bearerToken(request), 'utf8').digest('hex');
  const token = tokens.get(hash);
  if (!token || token.revoked_at || token.expires_at.getTime() <= Date.now() || token.is_disabled) throw unauthenticated(true);
  spendRateLimit(`user:${token.user_id}`, reply);
  if (!hasApiScope(token.scopes)) throw new HttpError(403, 'Invalid scope(s) provided.');
  const workspaceId = request.body?.workspace_id === undefined ? workspaceIdOf(request) : trackingBodyOf(request, 0).workspaceId;
  const member = memberships.get(`${workspaceId}:${token.user_id}`);
  if (!member) throw new HttpError(403, 'You are not a member of this workspace.');
  const role = member.role;
  return { userId: token.user_id, workspaceId, role, ownerId: member.owner_id, canViewRates: role === 'Owner' || member.rate_status === 1 };
}

// ---- projects: one statement per request, one named statement per role scope --------------------------------
// The role scopes of libs/auth/src/access/project-scope.ts ($2 = the caller); Owner/Executive manager: none.
// No join to workspaces: the membership map already proved the workspace live, and owner_id comes from it.
const ACTIVE_CONTRACT = `c.project_id = p.id AND c.workspace_id = p.workspace_id AND c.status = 'active' AND c.deleted_at IS NULL`;
const SCOPES = {
  'Project manager': ['pm', 'EXISTS (SELECT 1 FROM project_managers pm WHERE pm.project_id = p.id AND pm.user_id = $2)'],
  'Project viewer': ['pv', 'EXISTS (SELECT 1 FROM project_viewer_projects pv WHERE pv.project_id = p.id AND pv.user_id = $2)'],
  'Team manager': [
    'tm',
    `EXISTS (SELECT 1 FROM contracts c JOIN team_members tm ON tm.user_id = c.user_id
       JOIN teams t ON t.id = tm.team_id AND t.workspace_id = p.workspace_id
       JOIN team_members mgr ON mgr.team_id = t.id AND mgr.user_id = $2 AND mgr.is_manager WHERE ${ACTIVE_CONTRACT})`,
  ],
  'Regular User': ['ru', `EXISTS (SELECT 1 FROM contracts c WHERE ${ACTIVE_CONTRACT} AND c.user_id = $2)`],
};
const COLUMNS = `p.id, p.name, p.start_date, p.deadline, p.estimation, p.budget_estimation, p.notes, p.icon, p.is_billable, p.rate,
  p.weekly_hours_limit, p.screenshots, p.created_at, p.updated_at, p.deleted_at,
  (SELECT count(*) FROM contracts c WHERE c.project_id = p.id AND c.status = 'active' AND c.deleted_at IS NULL)::int AS contracts_count,
  (SELECT coalesce(json_agg(json_build_object('id', t.id, 'name', t.name, 'color', t.color) ORDER BY t.name, t.id), '[]'::json)
     FROM project_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.project_id = p.id) AS tags`;

/** The statement name and visibility predicate of a role, plus its parameters ($1 workspace, $2 user if scoped). */
function scopeOf(auth) {
  const scope = SCOPES[auth.role];
  return scope
    ? { key: scope[0], sql: ` AND ${scope[1]}`, params: [auth.workspaceId, auth.userId] }
    : { key: 'all', sql: '', params: [auth.workspaceId] };
}

const statements = new Map();
/** A named prepared statement per text (built once): PostgreSQL parses and plans it once per connection. */
function prepared(name, build) {
  let text = statements.get(name);
  if (text === undefined) statements.set(name, (text = build()));
  return text;
}

app.get('/health', { schema: { response: healthSchema } }, async () => {
  try {
    await pool.query({ name: 'health', text: 'SELECT 1' });
  } catch {
    throw new HttpError(503, 'Database unavailable.');
  }
  return { success: true, data: { status: 'ok', database: 'up' }, meta: meta() };
});

app.get('/api/v2/projects/:projectId', { schema: { response: envelope(projectSchema) } }, async (request, reply) => {
  const auth = authenticate(request, reply);
  const projectId = projectIdOf(request);
  const scope = scopeOf(auth);
  const name = `project_${scope.key}`;
  const n = scope.params.length + 1;
  const text = prepared(
    name,
    () => `SELECT ${COLUMNS} FROM projects p WHERE p.workspace_id = $1 AND p.deleted_at IS NULL${scope.sql} AND p.id = $${n}`,
  );
  const { rows } = await pool.query({ name, text, values: [...scope.params, projectId] });
  if (rows.length === 0) throw new HttpError(404, 'Project not found.');
  return {
    success: true,
    message: 'Project retrieved successfully',
    data: toProject(rows[0], auth.canViewRates, auth.ownerId),
    meta: meta(),
  };
});

// The page and the total in one statement: the page's ids with `count(*) OVER ()` (computed before LIMIT, so
// it counts every visible project), then the columns for those ids only. A page past the end has no row to
// carry the total: only then a second statement counts (never in the bench's workloads).
app.get('/api/v2/projects', { schema: { response: envelope({ type: 'array', items: projectSchema }) } }, async (request, reply) => {
  const auth = authenticate(request, reply);
  const { page, perPage, pattern } = listQueryOf(request);
  const scope = scopeOf(auth);
  const params = [...scope.params];
  let filter = '';
  if (pattern !== undefined) {
    params.push(pattern);
    filter = ` AND p.name ILIKE $${params.length} ESCAPE '\\'`;
  }
  const visible = `FROM projects p WHERE p.workspace_id = $1 AND p.deleted_at IS NULL${scope.sql}${filter}`;
  const name = `projects_${scope.key}${pattern === undefined ? '' : '_name'}`;
  const [limit, offset] = [params.length + 1, params.length + 2];
  const text = prepared(
    name,
    () => `WITH ids AS (SELECT p.id, count(*) OVER () AS total ${visible} ORDER BY p.id LIMIT $${limit} OFFSET $${offset})
      SELECT ids.total, ${COLUMNS} FROM ids JOIN projects p ON p.id = ids.id ORDER BY p.id`,
  );
  const { rows } = await pool.query({ name, text, values: [...params, perPage, (page - 1) * perPage] });
  let total = rows[0]?.total;
  if (total === undefined) {
    const countName = `${name}_count`;
    const count = prepared(countName, () => `SELECT count(*)::int AS total ${visible}`);
    total = (await pool.query({ name: countName, text: count, values: params })).rows[0].total;
  }
  const data = rows.map((row) => toProject(row, auth.canViewRates, auth.ownerId));
  return { success: true, data, meta: meta(paginationOf(total, page, perPage, data.length)) };
});

// ---- contracts: page and total in one named statement per role scope and filter set -------------------------
// The scopes of libs/auth/src/access/contract-scope.ts ($1 workspace, $2 the caller); Owner/Executive manager: none.
const CONTRACT_SCOPES = {
  'Team manager': [
    'tm',
    `(c.user_id = $2 OR EXISTS (SELECT 1 FROM team_members tm JOIN teams t ON t.id = tm.team_id AND t.workspace_id = $1
       JOIN team_members mgr ON mgr.team_id = t.id AND mgr.user_id = $2 AND mgr.is_manager WHERE tm.user_id = c.user_id))`,
  ],
  'Project manager': [
    'pm',
    '(c.user_id = $2 OR EXISTS (SELECT 1 FROM project_managers pm WHERE pm.project_id = p.id AND pm.user_id = $2))',
  ],
  'Regular User': ['ru', 'c.user_id = $2'],
  'Project viewer': ['pv', 'EXISTS (SELECT 1 FROM project_viewer_projects pv WHERE pv.project_id = p.id AND pv.user_id = $2)'],
};
const CONTRACT_COLUMNS = `c.id, c.project_id, p.name AS project_name, p.icon AS project_icon, p.is_billable, c.user_id,
  u.firstname AS user_firstname, u.lastname AS user_lastname, u.email AS user_email, m.role AS user_role, c.weekly_hours_limit,
  c.screenshots, CASE c.rate_type WHEN 2 THEN m.rate WHEN 3 THEN p.rate ELSE c.rate END AS rate, c.rate_type, c.currency,
  c.status, c.created_at, c.updated_at`;

// The visible contracts' ids with `count(*) OVER ()` (before LIMIT), then the person and project columns for those ids
// only. A page past the end has no row to carry the total: only then a second statement counts.
app.get('/api/v2/contracts', { schema: { response: contractListEnvelope } }, async (request, reply) => {
  const auth = authenticate(request, reply);
  const { page, perPage, projectId, userId, status } = contractsQueryOf(request);
  const scope = CONTRACT_SCOPES[auth.role];
  const params = scope ? [auth.workspaceId, auth.userId] : [auth.workspaceId];
  let filter = scope ? ` AND ${scope[1]}` : '';
  let key = scope ? scope[0] : 'all';
  for (const [column, value, flag] of [
    ['c.project_id', projectId, 'p'],
    ['c.user_id', userId, 'u'],
    ['c.status', status, 's'],
  ]) {
    if (value === undefined) continue;
    params.push(value);
    filter += ` AND ${column} = $${params.length}`;
    key += flag;
  }
  const visible = `FROM contracts c JOIN projects p ON p.id = c.project_id AND p.workspace_id = c.workspace_id AND p.deleted_at IS NULL
    WHERE c.workspace_id = $1 AND c.deleted_at IS NULL${filter}`;
  const name = `contracts_${key}`;
  const [limit, offset] = [params.length + 1, params.length + 2];
  const text = prepared(
    name,
    () => `WITH ids AS (SELECT c.id, count(*) OVER () AS total ${visible} ORDER BY c.id LIMIT $${limit} OFFSET $${offset})
      SELECT ids.total, ${CONTRACT_COLUMNS} FROM ids JOIN contracts c ON c.id = ids.id JOIN projects p ON p.id = c.project_id
        JOIN users u ON u.id = c.user_id
        LEFT JOIN workspace_members m ON m.workspace_id = c.workspace_id AND m.user_id = c.user_id AND m.deleted_at IS NULL
       ORDER BY c.id`,
  );
  const { rows } = await pool.query({ name, text, values: [...params, perPage, (page - 1) * perPage] });
  let total = rows[0]?.total;
  if (total === undefined) {
    const countName = `${name}_count`;
    const count = prepared(countName, () => `SELECT count(*)::int AS total ${visible}`);
    total = (await pool.query({ name: countName, text: count, values: params })).rows[0].total;
  }
  const data = rows.map((row) => toContract(row, auth.canViewRates));
  const pagination = paginationOf(total, page, perPage, data.length);
  return {
    success: true,
    message: 'Contracts retrieved successfully',
    data,
    meta: meta(pagination),
    pagination: topLevelPagination(pagination),
  };
});

// ---- time tracking (W4): start and stop, each ONE statement (data-modifying CTEs), the same rows and events ----
const UTC_OFFSET = (column) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+00:00"')`;
const START_SQL = `WITH m AS (
    SELECT u.firstname, u.lastname, u.email, COALESCE(NULLIF(concat_ws(' ', u.firstname, u.lastname), ''), u.email) AS name
      FROM workspace_members m JOIN users u ON u.id = m.user_id
     WHERE m.workspace_id = $1 AND m.user_id = $2 AND m.deleted_at IS NULL AND m.status = 'active' AND m.role <> 'Project viewer'),
  s AS (INSERT INTO time_entries (workspace_id, user_id, method, start_time) SELECT $1, $2, 'Web tracker', now() FROM m RETURNING start_time),
  e AS (INSERT INTO outbox_events (workspace_id, type, payload)
        SELECT $1, 'tracker.started', jsonb_build_object('message', 'Time tracking started successfully', 'start_time', ${UTC_OFFSET('s.start_time')},
               'user_id', $2::int, 'user_name', m.name, 'user_email', m.email, 'contract_id', NULL, 'project_id', NULL, 'project_name', NULL,
               'task_id', NULL, 'task_title', NULL, 'activity_description', NULL)
          FROM s, m)
SELECT m.name, m.email, s.start_time FROM m LEFT JOIN s ON true`;
const STOP_SQL = `WITH s AS (
    UPDATE time_entries SET end_time = now() WHERE workspace_id = $1 AND user_id = $2 AND end_time IS NULL AND start_time < now()
    RETURNING id, contract_id, project_id, task_id, activity_description, start_time, end_time),
  t AS (INSERT INTO timesheets (workspace_id, user_id, date_from, date_to)
        SELECT $1, $2, w.monday, w.monday + 6
          FROM s JOIN users u ON u.id = $2
         CROSS JOIN LATERAL (SELECT date_trunc('week', s.start_time AT TIME ZONE COALESCE(u.timezone, 'UTC'))::date AS monday) w
        ON CONFLICT (workspace_id, user_id, date_from) WHERE deleted_at IS NULL DO NOTHING),
  e AS (INSERT INTO outbox_events (workspace_id, type, payload)
        SELECT $1, 'tracker.stopped', jsonb_build_object('user_id', $2::int, 'contract_id', s.contract_id, 'project_id', s.project_id,
               'task_id', s.task_id, 'activity_description', s.activity_description, 'start_time', ${UTC_OFFSET('s.start_time')},
               'stopped_at', ${UTC_OFFSET('s.end_time')}, 'time_entry_ids', jsonb_build_array(s.id))
          FROM s)
SELECT end_time FROM s`;

app.post('/api/v2/time-tracking/start', async (request, reply) => {
  const auth = authenticate(request, reply);
  const { workspaceId, userId } = trackingBodyOf(request, auth.userId);
  let row;
  try {
    [row] = (await pool.query({ name: 'tracking.start', text: START_SQL, values: [workspaceId, userId] })).rows;
  } catch (error) {
    if (error.code === '23505') throw alreadyTracking();
    throw error;
  }
  if (!row) throw new HttpError(404, 'User not found.');
  const data = {
    message: 'Time tracking started successfully',
    start_time: utcOffset(row.start_time),
    user_id: userId,
    user_name: row.name,
    user_email: row.email,
    contract_id: null,
    project_id: null,
    project_name: null,
    task_id: null,
    task_title: null,
    activity_description: null,
  };
  return { success: true, message: startMessage(row.name, row.start_time), data, meta: meta() };
});

app.post('/api/v2/time-tracking/stop', async (request, reply) => {
  const auth = authenticate(request, reply);
  const { workspaceId, userId } = trackingBodyOf(request, auth.userId);
  const [row] = (await pool.query({ name: 'tracking.stop', text: STOP_SQL, values: [workspaceId, userId] })).rows;
  if (!row) throw noTracker();
  const stoppedAt = utcOffset(row.end_time);
  return {
    success: true,
    message: 'Time tracking stopped successfully',
    data: { message: 'Time tracking stopped successfully', stopped_at: stoppedAt },
    meta: meta(),
  };
});

// ---- timesheets (W5): the API's statement is already one statement with everything in SQL; the limit runs it too --
app.get('/api/v2/timesheets', async (request, reply) => {
  const auth = authenticate(request, reply);
  if (auth.role !== 'Owner' && auth.role !== 'Executive manager') throw new HttpError(501, 'The baseline serves OW/EM only.');
  const { userId, from, to, page, perPage } = timesheetsQueryOf(request);
  const values = [auth.workspaceId, from, to, userId, (page - 1) * perPage, perPage];
  const { rows } = await pool.query({ name: 'timesheets.page', text: TIMESHEETS_PAGE_SQL, values });
  const total = rows.length > 0 ? rows[0].__page_total : 0;
  const data = rows.map((row) => toTimesheet(row, auth.canViewRates));
  return { success: true, message: 'Timesheets retrieved successfully', data, meta: meta(paginationOf(total, page, perPage, data.length)) };
});

// ---- reports (W6): the API's tracked-hours statement (one statement, aggregation in SQL) and its mapper ----------
app.get('/api/v2/reports/tracked-hours', async (request, reply) => {
  const auth = authenticate(request, reply);
  requireReportRole(auth);
  const { start, end } = trackedHoursQueryOf(request);
  const values = [auth.workspaceId, end, start, null, null, null, null];
  const { rows } = await pool.query({ name: 'reports.tracked_hours', text: TRACKED_HOURS_SQL, values });
  return { success: true, data: toTrackedHoursReport(rows, start, end, auth.canViewRates), meta: meta() };
});

await serve(app, pool);

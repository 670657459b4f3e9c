// The ceiling: the same routes as the API (same SQL, same indexes, same envelopes and headers)
// on raw Fastify + pg with response schemas, no Nest, no TypeORM, no logging.
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';

pg.types.setTypeParser(1082, (value) => value); // date stays YYYY-MM-DD
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10)); // count(*) as a number

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE || 5) });
const REQUEST_ID = /^[\w.:-]{1,128}$/;
const app = Fastify({
  logger: false,
  requestIdHeader: false,
  genReqId: (req) =>
    typeof req.headers['x-request-id'] === 'string' && REQUEST_ID.test(req.headers['x-request-id'])
      ? req.headers['x-request-id']
      : randomUUID(),
});

// ---- envelope -------------------------------------------------------------------------------
const timestamp = (date = new Date()) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
const meta = (pagination) =>
  pagination ? { api_version: '2.0.0', timestamp: timestamp(), pagination } : { api_version: '2.0.0', timestamp: timestamp() };
const REASONS = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};
class HttpError extends Error {
  constructor(status, message, errors, headers) {
    super(message);
    Object.assign(this, { status, errors, headers });
  }
}
const invalid = (field, message) => new HttpError(422, 'The given data was invalid.', { [field]: [message] });

app.addHook('onSend', async (request, reply) => {
  reply
    .header('access-control-allow-origin', '*')
    .header('access-control-expose-headers', 'X-Request-Id')
    .header('x-request-id', request.id);
});
app.setErrorHandler((error, _request, reply) => {
  const status = error instanceof HttpError ? error.status : 500;
  const body = { success: false, message: status === 500 ? 'An error occurred' : error.message, error: REASONS[status] };
  if (error.errors) body.errors = error.errors;
  body.meta = meta();
  void reply
    .status(status)
    .headers(error.headers ?? {})
    .send(body);
});
app.setNotFoundHandler((_request, reply) => {
  void reply.status(404).send({ success: false, message: 'Not found.', error: 'Not Found', meta: meta() });
});

// ---- auth: the same three lookups as the API's guard ---------------------------------------------
const sha256 = (value) => createHash('sha256').update(value, 'utf8').digest('hex');
const unauthenticated = (presented) =>
  new HttpError(401, 'Unauthenticated.', undefined, { 'www-authenticate': presented ? 'Bearer error="invalid_token"' : 'Bearer' });

// The API's in-memory fixed-window limiter: one counter per principal, headers on every authenticated response.
const RATE_LIMIT = Number(process.env.RATE_LIMIT_PER_MINUTE || 60);
const windows = new Map();
function spendRateLimit(key, reply) {
  const now = Date.now();
  let window = windows.get(key);
  if (!window || window.endsAt <= now) windows.set(key, (window = { count: 0, endsAt: now + 60_000 }));
  window.count += 1;
  reply.header('X-RateLimit-Limit', String(RATE_LIMIT)).header('X-RateLimit-Remaining', String(Math.max(0, RATE_LIMIT - window.count)));
  if (window.count > RATE_LIMIT) {
    throw new HttpError(429, 'Too Many Attempts.', undefined, {
      'retry-after': String(Math.max(1, Math.ceil((window.endsAt - now) / 1000))),
    });
  }
}

async function authenticate(request, reply) {
  const header = request.headers.authorization;
  if (!header) throw unauthenticated(false);
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const token = match?.[1];
  if (!token || !token.startsWith('wwpat_') || token.length > 200) throw unauthenticated(true);
  const hash = sha256(token);
  const { rows } = await pool.query(
    `SELECT t.id, t.user_id, t.token_hash, t.scopes, t.expires_at, t.revoked_at, t.last_used_at, u.is_disabled
         FROM personal_access_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1`,
    [hash],
  );
  const row = rows[0];
  const now = Date.now();
  if (!row || !timingSafeEqual(Buffer.from(row.token_hash, 'hex'), Buffer.from(hash, 'hex'))) throw unauthenticated(true);
  if (row.revoked_at || row.expires_at.getTime() <= now || row.is_disabled) throw unauthenticated(true);
  if (!row.last_used_at || now - row.last_used_at.getTime() > 60_000) {
    await pool.query('UPDATE personal_access_tokens SET last_used_at = now() WHERE id = $1', [row.id]);
  }
  spendRateLimit(`user:${row.user_id}`, reply);
  if (!row.scopes.split(/\s+/).some((scope) => ['read', 'write', 'admin'].includes(scope))) {
    throw new HttpError(403, 'Invalid scope(s) provided.');
  }
  const raw = request.query.workspace_id;
  if (raw === undefined || raw === '') throw invalid('workspace_id', 'The workspace id field is required.');
  const workspaceId = /^\d{1,10}$/.test(String(raw).trim()) ? Number(raw) : NaN;
  if (!(workspaceId >= 1 && workspaceId <= 2_147_483_647)) throw invalid('workspace_id', 'The workspace id must be an integer.');
  const membership = await pool.query(
    `SELECT m.role, m.rate_status, w.owner_id
         FROM workspace_members m JOIN workspaces w ON w.id = m.workspace_id
        WHERE m.workspace_id = $1 AND m.user_id = $2 AND m.status = 'active'
          AND m.deleted_at IS NULL AND NOT m.is_blocked AND w.deleted_at IS NULL AND NOT w.is_blocked`,
    [workspaceId, row.user_id],
  );
  const member = membership.rows[0];
  if (!member) throw new HttpError(403, 'You are not a member of this workspace.');
  return { userId: row.user_id, workspaceId, role: member.role, canViewRates: member.role === 'Owner' || member.rate_status === 1 };
}

// ---- projects: the same SQL text TypeORM generates for the API -----------------------------------------
const ACTIVE_CONTRACT = `c.project_id = "p"."id" AND c.status = 'active' AND c.deleted_at IS NULL`;
const SCOPES = {
  'Project manager': 'EXISTS (SELECT 1 FROM project_managers pm WHERE pm.project_id = "p"."id" AND pm.user_id = $2)',
  'Project viewer': 'EXISTS (SELECT 1 FROM project_viewer_projects pv WHERE pv.project_id = "p"."id" AND pv.user_id = $2)',
  'Team manager': `EXISTS (SELECT 1 FROM contracts c JOIN team_members tm ON tm.user_id = c.user_id
                   JOIN team_members mgr ON mgr.team_id = tm.team_id AND mgr.user_id = $2 AND mgr.is_manager WHERE ${ACTIVE_CONTRACT})`,
  'Regular User': `EXISTS (SELECT 1 FROM contracts c WHERE ${ACTIVE_CONTRACT} AND c.user_id = $2)`,
};
const COLUMNS = `"p"."id" AS id, "p"."name" AS name, "w"."owner_id" AS owner_id, "p"."start_date" AS start_date, "p"."deadline" AS deadline, "p"."estimation" AS estimation, "p"."budget_estimation" AS budget_estimation, "p"."notes" AS notes, "p"."icon" AS icon, "p"."is_billable" AS is_billable, "p"."rate" AS rate, "p"."weekly_hours_limit" AS weekly_hours_limit, "p"."screenshots" AS screenshots, (SELECT count(*) FROM contracts c WHERE c.project_id = "p"."id" AND c.status = 'active' AND c.deleted_at IS NULL)::int AS contracts_count, "p"."created_at" AS created_at, "p"."updated_at" AS updated_at, "p"."deleted_at" AS deleted_at`;
const FROM = `FROM "projects" "p" INNER JOIN "workspaces" "w" ON "w"."id" = "p"."workspace_id" AND "w"."deleted_at" IS NULL`;

/** WHERE clause and params for the caller's visible projects ($1 workspace, $2 user when scoped). */
function visible(auth, extra = []) {
  const scope = SCOPES[auth.role];
  const params = scope ? [auth.workspaceId, auth.userId] : [auth.workspaceId];
  const conditions = [`"p"."workspace_id" = $1 AND "p"."deleted_at" IS NULL`, ...(scope ? [scope] : [])];
  for (const [sql, value] of extra) {
    params.push(value);
    conditions.push(sql.replace('?', `$${params.length}`));
  }
  return { where: `WHERE ( ${conditions.join(' AND ')} ) AND ( "p"."deleted_at" IS NULL )`, params };
}

const number = (value) => (value === null ? null : Number(value));
async function withTags(rows, auth) {
  if (rows.length === 0) return [];
  const { rows: tags } = await pool.query(
    `SELECT pt.project_id, t.id, t.name, t.color FROM project_tags pt JOIN tags t ON t.id = pt.tag_id
        WHERE pt.project_id = ANY($1) ORDER BY t.name, t.id`,
    [rows.map((row) => row.id)],
  );
  const byProject = new Map();
  for (const { project_id, ...tag } of tags) byProject.set(project_id, [...(byProject.get(project_id) ?? []), tag]);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    owner_id: row.owner_id,
    start_date: row.start_date,
    deadline: row.deadline,
    estimation: number(row.estimation),
    budget_estimation: number(row.budget_estimation),
    notes: row.notes,
    icon: row.icon,
    is_billable: row.is_billable,
    ...(auth.canViewRates ? { rate: number(row.rate) } : {}),
    weekly_hours_limit: row.weekly_hours_limit,
    screenshots: row.screenshots,
    tags: byProject.get(row.id) ?? [],
    contracts_count: row.contracts_count,
    status: row.deleted_at === null ? 1 : 0,
    created_at: timestamp(row.created_at),
    updated_at: timestamp(row.updated_at),
    deleted_at: row.deleted_at === null ? null : timestamp(row.deleted_at),
  }));
}

// ---- response schemas ------------------------------------------------------------------------------------
const nullable = (type) => ({ type: [type, 'null'] });
const int = { type: 'integer' };
const tag = { type: 'object', properties: { id: int, name: { type: 'string' }, color: nullable('string') } };
const project = {
  type: 'object',
  properties: {
    ...{ id: int, name: { type: 'string' }, owner_id: int, start_date: nullable('string'), deadline: nullable('string') },
    ...{ estimation: nullable('number'), budget_estimation: nullable('number'), notes: nullable('string'), icon: nullable('string') },
    ...{
      is_billable: { type: 'boolean' },
      rate: nullable('number'),
      weekly_hours_limit: nullable('integer'),
      screenshots: nullable('string'),
    },
    ...{ tags: { type: 'array', items: tag }, contracts_count: int, status: int },
    ...{ created_at: nullable('string'), updated_at: nullable('string'), deleted_at: nullable('string') },
  },
};
const pagination = {
  type: 'object',
  properties: Object.fromEntries(['total', 'per_page', 'current_page', 'last_page', 'from', 'to'].map((k) => [k, nullable('integer')])),
};
const metaSchema = { type: 'object', properties: { api_version: { type: 'string' }, timestamp: { type: 'string' }, pagination } };
const envelope = (data) => ({
  200: { type: 'object', properties: { success: { type: 'boolean' }, message: { type: 'string' }, data, meta: metaSchema } },
});

// ---- routes -------------------------------------------------------------------------------------------------
app.get(
  '/health',
  { schema: { response: envelope({ type: 'object', properties: { status: { type: 'string' }, database: { type: 'string' } } }) } },
  async () => {
    try {
      await pool.query('SELECT 1');
    } catch {
      throw new HttpError(503, 'Database unavailable.');
    }
    return { success: true, data: { status: 'ok', database: 'up' }, meta: meta() };
  },
);

app.get('/api/v2/projects/:projectId', { schema: { response: envelope(project) } }, async (request, reply) => {
  const auth = await authenticate(request, reply);
  const raw = request.params.projectId;
  const projectId = /^\d{1,10}$/.test(raw) ? Number(raw) : 0;
  if (!(projectId >= 1 && projectId <= 2_147_483_647)) throw new HttpError(404, 'Project not found.');
  const { where, params } = visible(auth, [['"p"."id" = ?', projectId]]);
  const { rows } = await pool.query(`SELECT ${COLUMNS} ${FROM} ${where}`, params);
  if (rows.length === 0) throw new HttpError(404, 'Project not found.');
  const [data] = await withTags(rows, auth);
  return { success: true, message: 'Project retrieved successfully', data, meta: meta() };
});

const queryInt = (query, name, max, fallback) => {
  const raw = query[name];
  if (raw === undefined || raw === '') return fallback;
  const value = /^-?\d+$/.test(String(raw).trim()) ? Number(raw) : NaN;
  if (!Number.isInteger(value)) throw invalid(name, `${name} must be an integer.`);
  if (value < 1) throw invalid(name, `${name} must be at least 1.`);
  if (value > max) throw invalid(name, `${name} must not be greater than ${max}.`);
  return value;
};

app.get('/api/v2/projects', { schema: { response: envelope({ type: 'array', items: project }) } }, async (request, reply) => {
  const auth = await authenticate(request, reply);
  const page = queryInt(request.query, 'page', 1_000_000, 1);
  const perPage = queryInt(request.query, 'per_page', 100, 20);
  const name = typeof request.query.name === 'string' && request.query.name !== '' ? request.query.name : undefined;
  if (name !== undefined && name.length > 255) throw invalid('name', 'name must be shorter than or equal to 255 characters');
  const filter = name ? [[`"p"."name" ILIKE ? ESCAPE '\\'`, `%${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`]] : [];
  const { where, params } = visible(auth, filter);
  const [count, list] = await Promise.all([
    pool.query(`SELECT count(*)::int AS "total" ${FROM} ${where}`, params),
    pool.query(`SELECT ${COLUMNS} ${FROM} ${where} ORDER BY "p"."id" ASC LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`, params),
  ]);
  const total = count.rows[0].total;
  const data = await withTags(list.rows, auth);
  const first = (page - 1) * perPage + 1;
  const paging = { total, per_page: perPage, current_page: page, last_page: Math.max(1, Math.ceil(total / perPage)) };
  Object.assign(paging, { from: data.length ? first : null, to: data.length ? first + data.length - 1 : null });
  return { success: true, data, meta: meta(paging) };
});

// ---- lifecycle ------------------------------------------------------------------------------------------------
await app.listen({ port: Number(process.env.PORT || 3000), host: process.env.HOST || '127.0.0.1' });
const stop = () =>
  void app
    .close()
    .then(() => pool.end())
    .then(() => process.exit(0));
process.once('SIGTERM', stop).once('SIGINT', stop);

// What both baselines share with the API and with each other: envelope, hooks, error bodies, rate-limit
// headers, parameter validation, response schemas and the Project mapping. The two servers differ only in
// how they find the principal, the membership and the rows (bench/README.md, "The baselines").
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';

pg.types.setTypeParser(1082, (value) => value); // date stays YYYY-MM-DD
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10)); // count(*) as a number

export const createPool = () => new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE || 5) });

// ---- envelope -------------------------------------------------------------------------------
export const timestamp = (date = new Date()) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
export const meta = (pagination) =>
  pagination ? { api_version: '2.0.0', timestamp: timestamp(), pagination } : { api_version: '2.0.0', timestamp: timestamp() };
const REASONS = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};
export class HttpError extends Error {
  constructor(status, message, errors, headers) {
    super(message);
    Object.assign(this, { status, errors, headers });
  }
}
export const invalid = (field, message) => new HttpError(422, 'The given data was invalid.', { [field]: [message] });
export const unauthenticated = (presented) =>
  new HttpError(401, 'Unauthenticated.', undefined, { 'www-authenticate': presented ? 'Bearer error="invalid_token"' : 'Bearer' });

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Fastify with the API's headers (x-request-id, CORS), error bodies and 404. */
export function createApp() {
  const app = Fastify({
    logger: false,
    requestIdHeader: false,
    genReqId: (req) =>
      typeof req.headers['x-request-id'] === 'string' && REQUEST_ID.test(req.headers['x-request-id'])
        ? req.headers['x-request-id']
        : randomUUID(),
  });
  app.addHook('onSend', async (request, reply) => {
    reply
      .header('access-control-allow-origin', '*')
      .header('access-control-expose-headers', 'X-Request-Id')
      .header('x-content-type-options', 'nosniff')
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
  return app;
}

// ---- the API's in-memory fixed-window limiter: one counter per principal, headers on every authenticated response
const RATE_LIMIT = Number(process.env.RATE_LIMIT_PER_MINUTE || 60);
const windows = new Map();
export function spendRateLimit(key, reply) {
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

// ---- parameters ---------------------------------------------------------------------------------
/** The bearer token of the Authorization header (a PAT), or the API's 401. */
export function bearerToken(request) {
  const header = request.headers.authorization;
  if (!header) throw unauthenticated(false);
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (!token || !token.startsWith('wwpat_') || token.length > 200) throw unauthenticated(true);
  return token;
}

export const hasApiScope = (scopes) => scopes.split(/\s+/).some((scope) => ['read', 'write', 'admin'].includes(scope));

export function workspaceIdOf(request) {
  const raw = request.query.workspace_id;
  if (raw === undefined || raw === '') throw invalid('workspace_id', 'The workspace id field is required.');
  const workspaceId = /^\d{1,10}$/.test(String(raw).trim()) ? Number(raw) : NaN;
  if (!(workspaceId >= 1 && workspaceId <= 2_147_483_647)) throw invalid('workspace_id', 'The workspace id must be an integer.');
  return workspaceId;
}

export function projectIdOf(request) {
  const raw = request.params.projectId;
  const projectId = /^\d{1,10}$/.test(raw) ? Number(raw) : 0;
  if (!(projectId >= 1 && projectId <= 2_147_483_647)) throw new HttpError(404, 'Project not found.');
  return projectId;
}

const queryInt = (query, name, max, fallback) => {
  const raw = query[name];
  if (raw === undefined || raw === '') return fallback;
  const value = /^-?\d+$/.test(String(raw).trim()) ? Number(raw) : NaN;
  if (!Number.isInteger(value)) throw invalid(name, `${name} must be an integer.`);
  if (value < 1) throw invalid(name, `${name} must be at least 1.`);
  if (value > max) throw invalid(name, `${name} must not be greater than ${max}.`);
  return value;
};

/** page, per_page and the name filter (as an ILIKE pattern, or undefined) of GET /projects. */
export function listQueryOf(request) {
  const page = queryInt(request.query, 'page', 1_000_000, 1);
  const perPage = queryInt(request.query, 'per_page', 100, 20);
  const name = typeof request.query.name === 'string' && request.query.name !== '' ? request.query.name : undefined;
  if (name !== undefined && name.length > 255) throw invalid('name', 'name must be shorter than or equal to 255 characters');
  const pattern = name === undefined ? undefined : `%${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return { page, perPage, pattern };
}

export function paginationOf(total, page, perPage, count) {
  const first = (page - 1) * perPage + 1;
  return {
    total,
    per_page: perPage,
    current_page: page,
    last_page: Math.max(1, Math.ceil(total / perPage)),
    from: count ? first : null,
    to: count ? first + count - 1 : null,
  };
}

// ---- projects -------------------------------------------------------------------------------------
const number = (value) => (value === null ? null : Number(value));

/** The documented Project from a row (tags already aggregated); `rate` only for callers who may view rates. */
export function toProject(row, canViewRates, ownerId = row.owner_id) {
  return {
    id: row.id,
    name: row.name,
    owner_id: ownerId,
    start_date: row.start_date,
    deadline: row.deadline,
    estimation: number(row.estimation),
    budget_estimation: number(row.budget_estimation),
    notes: row.notes,
    icon: row.icon,
    is_billable: row.is_billable,
    ...(canViewRates ? { rate: number(row.rate) } : {}),
    weekly_hours_limit: row.weekly_hours_limit,
    screenshots: row.screenshots,
    tags: row.tags,
    contracts_count: row.contracts_count,
    status: row.deleted_at === null ? 1 : 0,
    created_at: timestamp(row.created_at),
    updated_at: timestamp(row.updated_at),
    deleted_at: row.deleted_at === null ? null : timestamp(row.deleted_at),
  };
}

// ---- contracts ------------------------------------------------------------------------------------
const SCREENSHOT_LABELS = {
  full: 'Screenshot on',
  blurred: 'Blurred',
  no_preview: 'No preview',
  no_screenshot: 'Screenshot off',
  background_blurred: 'Background blurred',
  video_full: 'Video on',
  video_blurred: 'Video blurred',
  video_full_silent: 'Silent video on',
  video_blurred_silent: 'Silent video blurred',
};

/** The documented Contract from a row; rate fields only with rate permission on a billable project. */
export function toContract(row, canViewRates) {
  const person = [row.user_firstname, row.user_lastname].filter((part) => part !== null && part !== '').join(' ');
  return {
    id: row.id,
    contract_name: person === '' ? row.project_name : `${row.project_name} - ${person}`,
    project_id: row.project_id,
    project_name: row.project_name,
    project_icon: row.project_icon,
    user_id: row.user_id,
    user_firstname: row.user_firstname,
    user_lastname: row.user_lastname,
    user_email: row.user_email,
    user_role: row.user_role,
    weekly_hours_limit: row.weekly_hours_limit,
    screenshots: row.screenshots,
    screenshots_label: SCREENSHOT_LABELS[row.screenshots] ?? null,
    ...(canViewRates && row.is_billable ? { rate: number(row.rate), rate_type: row.rate_type, currency: row.currency } : {}),
    status: row.status,
    created_at: timestamp(row.created_at),
    updated_at: timestamp(row.updated_at),
  };
}

const positiveId = (query, name) => {
  const raw = query[name];
  if (raw === undefined || raw === '') return undefined;
  const value = /^-?\d+$/.test(String(raw).trim()) ? Number(raw) : NaN;
  if (!Number.isInteger(value)) throw invalid(name, `${name} must be an integer.`);
  if (value < 1) throw invalid(name, `${name} must be at least 1.`);
  if (value > 2_147_483_647) throw invalid(name, `${name} must not be greater than 2147483647.`);
  return value;
};

/** page, per_page and the filters of GET /contracts (an empty value counts as absent). */
export function contractsQueryOf(request) {
  const page = queryInt(request.query, 'page', 1_000_000, 1);
  const perPage = queryInt(request.query, 'per_page', 100, 20);
  const status = request.query.status === '' ? undefined : request.query.status;
  if (status !== undefined && status !== 'active' && status !== 'paused') {
    throw invalid('status', 'The status must be one of: active, paused.');
  }
  return { page, perPage, projectId: positiveId(request.query, 'project_id'), userId: positiveId(request.query, 'user_id'), status };
}

/** listContracts repeats the pagination at the top level, keys in the documented order. */
export const topLevelPagination = ({ current_page, per_page, total, last_page, from, to }) => ({
  current_page,
  per_page,
  total,
  last_page,
  from,
  to,
});

// ---- response schemas ------------------------------------------------------------------------------
const nullable = (type) => ({ type: [type, 'null'] });
const int = { type: 'integer' };
const tag = { type: 'object', properties: { id: int, name: { type: 'string' }, color: nullable('string') } };
export const projectSchema = {
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
export const envelope = (data) => ({
  200: { type: 'object', properties: { success: { type: 'boolean' }, message: { type: 'string' }, data, meta: metaSchema } },
});
const str = { type: 'string' };
export const contractSchema = {
  type: 'object',
  properties: {
    ...{ id: int, contract_name: nullable('string'), project_id: int, project_name: nullable('string'), project_icon: nullable('string') },
    ...{ user_id: int, user_firstname: nullable('string'), user_lastname: nullable('string'), user_email: nullable('string') },
    ...{ user_role: nullable('string'), weekly_hours_limit: nullable('integer'), screenshots: nullable('string') },
    ...{ screenshots_label: nullable('string'), rate: nullable('number'), rate_type: nullable('integer'), currency: nullable('string') },
    ...{ status: str, created_at: str, updated_at: str },
  },
};
const topPagination = {
  type: 'object',
  properties: Object.fromEntries(['current_page', 'per_page', 'total', 'last_page', 'from', 'to'].map((k) => [k, nullable('integer')])),
};
export const contractListEnvelope = {
  200: {
    type: 'object',
    properties: {
      success: { type: 'boolean' },
      message: str,
      data: { type: 'array', items: contractSchema },
      meta: metaSchema,
      pagination: topPagination,
    },
  },
};
export const healthSchema = envelope({ type: 'object', properties: { status: { type: 'string' }, database: { type: 'string' } } });

// ---- lifecycle ------------------------------------------------------------------------------------
export async function serve(app, pool) {
  await app.listen({ port: Number(process.env.PORT || 3000), host: process.env.HOST || '127.0.0.1' });
  const stop = () =>
    void app
      .close()
      .then(() => pool.end())
      .then(() => process.exit(0));
  process.once('SIGTERM', stop).once('SIGINT', stop);
}

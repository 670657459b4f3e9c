import { resolve } from 'node:path';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Every setting the server reads, validated once at boot (see README "Configuration"). */
export interface AppConfig {
  readonly port: number;
  readonly host: string;
  /** Unset means: run on the embedded PostgreSQL (PGlite) under `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly dbPoolSize: number;
  readonly logLevel: LogLevel;
  readonly bodyLimitBytes: number;
  readonly patTtlDays: number;
  readonly shutdownTimeoutMs: number;
  readonly seedDemo: boolean;
  /** Unset: rate-limit counters live in process memory (fine for one process). */
  readonly redisUrl: string | undefined;
  readonly rateLimitPerMinute: number;
  /** The counting window; 60 s matches "per minute", tests shorten it. */
  readonly rateLimitWindowSeconds: number;
  readonly oauthAccessTokenTtlSeconds: number;
  readonly oauthRefreshTokenTtlSeconds: number;
  /** The externally visible base URL: the OAuth issuer and the base of the metadata document's URLs. */
  readonly publicUrl: string;
  /** Behind a reverse proxy: take the client IP (per-IP limits) and protocol (Secure cookies) from X-Forwarded-*. */
  readonly trustProxy: boolean;
  /** A public OAuth client (redirect URI `${publicUrl}/docs/oauth2-redirect.html`) pre-filled in Swagger UI's Authorize dialog. */
  readonly swaggerOAuthClientId: string | undefined;
  /**
   * How long a process may reuse an authenticated token or membership without asking PostgreSQL; 0 disables the
   * cache. Changes are pushed to every process (LISTEN/NOTIFY), so this only bounds staleness if a push is missed.
   */
  readonly authCacheTtlSeconds: number;
  /** Entries (tokens plus memberships) the authentication cache keeps before evicting the least recently used. */
  readonly authCacheMaxEntries: number;
  /** How long an invitation link works (hours); each link works once. */
  readonly invitationTtlHours: number;
  /** `smtp://user:pass@host:587` or `smtps://…`: invitation e-mails go out through it. Unset: the link is logged instead. */
  readonly smtpUrl: string | undefined;
  /** The From header of outgoing e-mail. */
  readonly mailFrom: string;
  /** 32-byte key (base64 or 64 hex digits): webhook secrets are stored AES-256-GCM encrypted with it. Unset: stored as is. */
  readonly webhookSecretKey: Buffer | undefined;
  /** Hosts, IPs or CIDR ranges webhook targets may use although they are loopback, private, link-local or metadata addresses. */
  readonly webhookAllowedTargets: readonly string[];
  /** Whether this process runs the webhook delivery worker (several processes share one queue in PostgreSQL). */
  readonly webhookWorker: boolean;
  /** How long one delivery attempt waits for a 2xx (webhooks.md: 15 s). */
  readonly webhookTimeoutMs: number;
  /** Seconds after the event at which each attempt is made (webhooks.md: 0 s, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h). */
  readonly webhookRetryScheduleSeconds: readonly number[];
  /** Deliveries one worker process makes at the same time. */
  readonly webhookWorkerConcurrency: number;
  /** Days a dispatched event and its finished delivery log are kept (0: forever). */
  readonly webhookDeliveryRetentionDays: number;
  /** Reports one process reads, maps and renders at a time (the rest wait). */
  readonly reportConcurrency: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function readInt(env: Env, key: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    problems.push(`${key} must be an integer between ${min} and ${max} (got "${raw}")`);
    return fallback;
  }
  return value;
}

function readBool(env: Env, key: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1'].includes(raw)) return true;
  if (['false', '0'].includes(raw)) return false;
  problems.push(`${key} must be true, false, 1 or 0 (got "${raw}")`);
  return fallback;
}

function readUrl(env: Env, key: string, protocols: string[], problems: string[]): string | undefined {
  const raw = env[key];
  if (raw === undefined || raw === '') return undefined;
  try {
    if (!protocols.includes(new URL(raw).protocol)) throw new Error('protocol');
    return raw.replace(/\/+$/, '');
  } catch {
    problems.push(`${key} must be a ${protocols.map((p) => `${p}//`).join(' or ')} URL`);
    return undefined;
  }
}

/** An OAuth client_id as this server issues and looks them up: 1–64 visible ASCII characters (RFC 6749 VSCHAR, no space). */
function readClientId(env: Env, key: string, problems: string[]): string | undefined {
  const raw = env[key];
  if (raw === undefined || raw === '') return undefined;
  if (/^[\x21-\x7e]{1,64}$/.test(raw)) return raw;
  problems.push(`${key} must be an OAuth client id: 1 to 64 visible ASCII characters, no spaces`);
  return undefined;
}

/** A From address: `name@host` or `Display Name <name@host>`, one line. */
function readMailFrom(env: Env, problems: string[]): string {
  const raw = env.MAIL_FROM;
  if (raw === undefined || raw === '') return 'WebWork <no-reply@localhost>';
  if (/^([^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/.test(raw.trim())) return raw.trim();
  problems.push('MAIL_FROM must be an e-mail address, optionally as "Name <address>"');
  return 'WebWork <no-reply@localhost>';
}

const DEFAULT_RETRY_SCHEDULE = [0, 5, 300, 1800, 7200, 18000, 36000];

function readSecretKey(env: Env, key: string, problems: string[]): Buffer | undefined {
  const raw = env[key];
  if (raw === undefined || raw === '') return undefined;
  const bytes = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (bytes.length === 32 && (/^[0-9a-fA-F]{64}$/.test(raw) || /^[A-Za-z0-9+/_-]{43}=?$/.test(raw))) return bytes;
  problems.push(`${key} must be 32 bytes, as 64 hex digits or base64 (e.g. \`openssl rand -base64 32\`)`);
  return undefined;
}

function readList(env: Env, key: string): string[] {
  return (env[key] ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Ascending whole seconds, the first attempt included: `0,5,300`. */
function readSchedule(env: Env, key: string, problems: string[]): number[] {
  const raw = env[key];
  if (raw === undefined || raw === '') return DEFAULT_RETRY_SCHEDULE;
  const items = raw.split(',').map((item) => item.trim());
  const values = items.map(Number);
  const valid =
    items.length >= 1 &&
    items.length <= 50 &&
    items.every((item) => /^\d+$/.test(item)) &&
    values.every((value, index) => value <= 2_592_000 && (index === 0 || value >= values[index - 1]));
  if (valid) return values;
  problems.push(`${key} must be 1 to 50 ascending whole seconds separated by commas (got "${raw}")`);
  return DEFAULT_RETRY_SCHEDULE;
}

function readLogLevel(env: Env, problems: string[]): LogLevel {
  const raw = env.LOG_LEVEL;
  if (raw === undefined || raw === '') return 'info';
  if ((LOG_LEVELS as readonly string[]).includes(raw)) return raw as LogLevel;
  problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${raw}")`);
  return 'info';
}

/** Reads and validates the environment; throws one ConfigError listing every problem. */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const port = readInt(env, 'PORT', 3000, 0, 65535, problems);
  const config: AppConfig = {
    port,
    host: env.HOST || '0.0.0.0',
    databaseUrl: readUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:'], problems),
    dataDir: resolve(env.DATA_DIR || './.data'),
    dbPoolSize: readInt(env, 'DB_POOL_SIZE', 5, 1, 100, problems),
    logLevel: readLogLevel(env, problems),
    bodyLimitBytes: readInt(env, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 104_857_600, problems),
    patTtlDays: readInt(env, 'PAT_TTL_DAYS', 182, 1, 3650, problems),
    shutdownTimeoutMs: readInt(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000, problems),
    seedDemo: readBool(env, 'SEED_DEMO', true, problems),
    redisUrl: readUrl(env, 'REDIS_URL', ['redis:', 'rediss:'], problems),
    rateLimitPerMinute: readInt(env, 'RATE_LIMIT_PER_MINUTE', 60, 1, 1_000_000, problems),
    rateLimitWindowSeconds: readInt(env, 'RATE_LIMIT_WINDOW_SECONDS', 60, 1, 3600, problems),
    oauthAccessTokenTtlSeconds: readInt(env, 'OAUTH_ACCESS_TOKEN_TTL_SECONDS', 1_296_000, 60, 31_536_000, problems),
    oauthRefreshTokenTtlSeconds: readInt(env, 'OAUTH_REFRESH_TOKEN_TTL_SECONDS', 2_592_000, 60, 31_536_000, problems),
    publicUrl: readUrl(env, 'PUBLIC_URL', ['http:', 'https:'], problems) ?? `http://localhost:${port}`,
    trustProxy: readBool(env, 'TRUST_PROXY', false, problems),
    swaggerOAuthClientId: readClientId(env, 'SWAGGER_OAUTH_CLIENT_ID', problems),
    authCacheTtlSeconds: readInt(env, 'AUTH_CACHE_TTL_SECONDS', 10, 0, 300, problems),
    authCacheMaxEntries: readInt(env, 'AUTH_CACHE_MAX_ENTRIES', 10_000, 1, 1_000_000, problems),
    invitationTtlHours: readInt(env, 'INVITATION_TTL_HOURS', 168, 1, 8760, problems),
    smtpUrl: readUrl(env, 'SMTP_URL', ['smtp:', 'smtps:'], problems),
    mailFrom: readMailFrom(env, problems),
    webhookSecretKey: readSecretKey(env, 'WEBHOOK_SECRET_KEY', problems),
    webhookAllowedTargets: readList(env, 'WEBHOOK_ALLOWED_TARGETS'),
    webhookWorker: readBool(env, 'WEBHOOK_WORKER', true, problems),
    webhookTimeoutMs: readInt(env, 'WEBHOOK_TIMEOUT_MS', 15_000, 100, 60_000, problems),
    webhookRetryScheduleSeconds: readSchedule(env, 'WEBHOOK_RETRY_SCHEDULE_SECONDS', problems),
    webhookWorkerConcurrency: readInt(env, 'WEBHOOK_WORKER_CONCURRENCY', 4, 1, 100, problems),
    webhookDeliveryRetentionDays: readInt(env, 'WEBHOOK_DELIVERY_RETENTION_DAYS', 30, 0, 3650, problems),
    reportConcurrency: readInt(env, 'REPORT_CONCURRENCY', 2, 1, 64, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** Nest injection token for the validated config. */
export const APP_CONFIG = Symbol('APP_CONFIG');

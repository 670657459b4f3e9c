import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('has working defaults: port 3000, embedded database under ./.data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, databaseUrl: undefined, logLevel: 'info', dbPoolSize: 5, patTtlDays: 182 });
    expect(config.dataDir).toMatch(/\.data$/);
  });

  it('reads every setting', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u@h:5432/db',
      LOG_LEVEL: 'debug',
      DB_POOL_SIZE: '8',
      SEED_DEMO: 'false',
      TRUST_PROXY: 'true',
      REDIS_URL: 'redis://127.0.0.1:6379',
      SWAGGER_OAUTH_CLIENT_ID: '9a1b2c3d4e5f60718293a4b5c6d7e8f9',
    });
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://u@h:5432/db',
      logLevel: 'debug',
      dbPoolSize: 8,
      seedDemo: false,
      trustProxy: true,
      redisUrl: 'redis://127.0.0.1:6379',
      publicUrl: 'http://localhost:8080',
      swaggerOAuthClientId: '9a1b2c3d4e5f60718293a4b5c6d7e8f9',
    });
  });

  it('leaves the Swagger UI client id unset by default and rejects one no client could have', () => {
    expect(loadConfig({}).swaggerOAuthClientId).toBeUndefined();
    for (const bad of ['has space', 'x'.repeat(65), 'tab\there']) {
      expect(() => loadConfig({ SWAGGER_OAUTH_CLIENT_ID: bad })).toThrow(/SWAGGER_OAUTH_CLIENT_ID must be an OAuth client id/);
    }
  });

  it('caches authentication for 10 s in at most 10000 entries by default; 0 disables it; bounds are checked', () => {
    expect(loadConfig({})).toMatchObject({ authCacheTtlSeconds: 10, authCacheMaxEntries: 10_000 });
    expect(loadConfig({ AUTH_CACHE_TTL_SECONDS: '0', AUTH_CACHE_MAX_ENTRIES: '50' })).toMatchObject({
      authCacheTtlSeconds: 0,
      authCacheMaxEntries: 50,
    });
    expect(() => loadConfig({ AUTH_CACHE_TTL_SECONDS: '301' })).toThrow(/AUTH_CACHE_TTL_SECONDS must be an integer between 0 and 300/);
    expect(() => loadConfig({ AUTH_CACHE_MAX_ENTRIES: '0' })).toThrow(/AUTH_CACHE_MAX_ENTRIES must be an integer between 1 and 1000000/);
  });

  it('keeps invitation links for 7 days and logs them unless SMTP_URL is set; checks the mail settings', () => {
    expect(loadConfig({})).toMatchObject({ invitationTtlHours: 168, smtpUrl: undefined, mailFrom: 'WebWork <no-reply@localhost>' });
    expect(
      loadConfig({ INVITATION_TTL_HOURS: '24', SMTP_URL: 'smtp://u:p@127.0.0.1:2525', MAIL_FROM: 'Acme <team@acme.test>' }),
    ).toMatchObject({ invitationTtlHours: 24, smtpUrl: 'smtp://u:p@127.0.0.1:2525', mailFrom: 'Acme <team@acme.test>' });
    expect(() => loadConfig({ INVITATION_TTL_HOURS: '0' })).toThrow(/INVITATION_TTL_HOURS must be an integer between 1 and 8760/);
    expect(() => loadConfig({ SMTP_URL: 'http://mail' })).toThrow(/SMTP_URL must be a smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => loadConfig({ MAIL_FROM: 'not an address' })).toThrow(/MAIL_FROM must be an e-mail address/);
  });

  it('delivers webhooks in-process on the documented schedule by default; checks the key, the schedule and the bounds', () => {
    expect(loadConfig({})).toMatchObject({
      webhookSecretKey: undefined,
      webhookAllowedTargets: [],
      webhookWorker: true,
      webhookTimeoutMs: 15_000,
      webhookRetryScheduleSeconds: [0, 5, 300, 1800, 7200, 18000, 36000],
      webhookWorkerConcurrency: 4,
      webhookDeliveryRetentionDays: 30,
    });
    expect(loadConfig({ WEBHOOK_DELIVERY_RETENTION_DAYS: '0' }).webhookDeliveryRetentionDays).toBe(0);
    expect(loadConfig({}).reportConcurrency).toBe(2);
    expect(() => loadConfig({ REPORT_CONCURRENCY: '0' })).toThrow(/REPORT_CONCURRENCY must be an integer between 1 and 64/);
    expect(() => loadConfig({ WEBHOOK_DELIVERY_RETENTION_DAYS: '-1' })).toThrow(
      /WEBHOOK_DELIVERY_RETENTION_DAYS must be an integer between 0 and 3650/,
    );
    const hex = 'ab'.repeat(32);
    const config = loadConfig({
      WEBHOOK_SECRET_KEY: hex,
      WEBHOOK_ALLOWED_TARGETS: '127.0.0.1, 10.0.0.0/8,hooks.internal',
      WEBHOOK_WORKER: 'false',
      WEBHOOK_RETRY_SCHEDULE_SECONDS: '0,1,2',
    });
    expect(config.webhookSecretKey).toEqual(Buffer.from(hex, 'hex'));
    expect(config).toMatchObject({ webhookAllowedTargets: ['127.0.0.1', '10.0.0.0/8', 'hooks.internal'], webhookWorker: false });
    expect(config.webhookRetryScheduleSeconds).toEqual([0, 1, 2]);
    expect(loadConfig({ WEBHOOK_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') }).webhookSecretKey).toEqual(Buffer.alloc(32, 7));
    expect(() => loadConfig({ WEBHOOK_SECRET_KEY: 'short' })).toThrow(/WEBHOOK_SECRET_KEY must be 32 bytes/);
    expect(() => loadConfig({ WEBHOOK_RETRY_SCHEDULE_SECONDS: '5,0' })).toThrow(/WEBHOOK_RETRY_SCHEDULE_SECONDS must be 1 to 50 ascending/);
    expect(() => loadConfig({ WEBHOOK_TIMEOUT_MS: '10' })).toThrow(/WEBHOOK_TIMEOUT_MS must be an integer between 100 and 60000/);
  });

  it('lists every invalid setting at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: '70000', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'chatty', SEED_DEMO: 'maybe' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toHaveLength(4);
  });
});

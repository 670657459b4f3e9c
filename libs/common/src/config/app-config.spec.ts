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
    });
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

import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@app/common';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app.factory';
import { Factories } from './factories';
import { installResponseValidation } from './response-validation';

export interface TestApp {
  app: NestFastifyApplication;
  /** The raw HTTP server for supertest. */
  http: ReturnType<NestFastifyApplication['getHttpServer']>;
  factories: Factories;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** The real app, with the real guard, pipes and filters, on the test database. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const databaseUrl = process.env.TEST_DATABASE_URL;
  if (!databaseUrl) throw new Error('TEST_DATABASE_URL is not set: run tests through jest (global setup)');
  // Suites make many calls with one token; the rate-limit tests set their own, low limit.
  // No webhook worker unless a suite asks for one (WEBHOOK_WORKER: 'true'): it would deliver other suites' events.
  const config = loadConfig({ LOG_LEVEL: 'silent', DB_POOL_SIZE: '3', RATE_LIMIT_PER_MINUTE: '100000', WEBHOOK_WORKER: 'false', ...env });
  const app = await createApp({ ...config, databaseUrl });
  // Every response is checked against openapi/openapi.json (tests only; see response-validation.ts).
  installResponseValidation(app.getHttpAdapter().getInstance());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const dataSource = app.get(DataSource);
  return { app, http: app.getHttpServer(), factories: new Factories(app), dataSource, close: () => app.close() };
}

/**
 * The same app, listening on a loopback port, for clients that need a real URL (OAuth libraries, browsers).
 * `port` (default: any free one) is for tests whose config must name the URL in advance (PUBLIC_URL).
 */
export async function createListeningTestApp(
  env: Record<string, string> = {},
  { port = 0 }: { port?: number } = {},
): Promise<TestApp & { baseUrl: string }> {
  const testApp = await createTestApp(env);
  await testApp.app.listen(port, '127.0.0.1');
  return { ...testApp, baseUrl: (await testApp.app.getUrl()).replace('[::1]', '127.0.0.1') };
}

/** A loopback port that was free a moment ago, for `createListeningTestApp(env, { port })`. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  return port;
}

import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyCookie from '@fastify/cookie';
import { LogController } from 'fastify';
import { ApiValidationPipe, createJsonBodyParser } from '@app/common';
import { runMigrationsExclusively } from '@app/database';
import { AppModule, RuntimeConfig } from './app.module';
import { createLogger, PinoNestLogger, redactUrl, requestId } from './logger';
import { clientErrorHandler, frameworkErrors, registerResponseHeaders } from './framework-responses';
import { registerMethodNotAllowed } from './method-not-allowed';
import { setupSwaggerUi } from './swagger-ui';

export const GLOBAL_PREFIX = 'api/v2';

/** Builds the fully configured app (used by main, the CLI, the OpenAPI script and the e2e tests). */
export async function createApp(config: RuntimeConfig): Promise<NestFastifyApplication> {
  // Before the app's pool exists: processes booting together on one database migrate one at a time.
  await runMigrationsExclusively(config.databaseUrl);
  const logger = createLogger(config);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    // Our onResponse hook writes the single access-log line instead.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: requestId,
    requestIdHeader: false,
    // Requests during the drain are served, with Connection: close (registerResponseHeaders), not refused with Fastify's body.
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    frameworkErrors,
    clientErrorHandler,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  app.enableCors({
    origin: '*',
    credentials: false,
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
    exposedHeaders: ['X-Request-Id', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'Retry-After'],
    // A bare OPTIONS (no preflight headers) gets the same empty 204 instead of @fastify/cors' text/plain 400.
    strictPreflight: false,
  });
  await app.register(fastifyCookie);
  // The OAuth endpoints and the metadata document live at the site root (auth.md).
  app.setGlobalPrefix(GLOBAL_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: '.well-known/oauth-authorization-server', method: RequestMethod.GET },
      { path: 'oauth/authorize', method: RequestMethod.ALL },
      { path: 'oauth/login', method: RequestMethod.POST },
      { path: 'oauth/token', method: RequestMethod.POST },
      { path: 'oauth/revoke', method: RequestMethod.POST },
      // The accept-invitation page, where invitation links land (members.md).
      { path: 'dashboard/accept-invitation/:token', method: RequestMethod.ALL },
    ],
  });
  app.useGlobalPipes(new ApiValidationPipe());

  const fastify = app.getHttpAdapter().getInstance();
  // JSON and form bodies only: Fastify's text/plain parser would hand a string to the DTO validators.
  fastify.removeContentTypeParser('text/plain');
  app.useBodyParser('application/json', { bodyLimit: config.bodyLimitBytes }, createJsonBodyParser(fastify));
  registerResponseHeaders(fastify);
  // One access-log line per request (health probes excluded), tagged with the request id. Below info
  // (LOG_LEVEL=warn in production) the hook is not even registered: no hook step, no object per request.
  if (['trace', 'debug', 'info'].includes(config.logLevel)) {
    fastify.addHook('onResponse', (request, reply, done) => {
      if (request.url !== '/health') {
        request.log.info(
          { method: request.method, url: redactUrl(request.url), statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) },
          'request completed',
        );
      }
      done();
    });
  }
  registerMethodNotAllowed(fastify);

  setupSwaggerUi(app, config, GLOBAL_PREFIX);
  return app;
}

import { RequestMethod, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyCookie from '@fastify/cookie';
import { LogController } from 'fastify';
import { validationExceptionFactory } from '@app/common';
import { AppModule, RuntimeConfig } from './app.module';
import { createLogger, PinoNestLogger, redactUrl, requestId } from './logger';
import { registerMethodNotAllowed } from './method-not-allowed';
import { setupSwaggerUi } from './swagger-ui';

export const GLOBAL_PREFIX = 'api/v2';

/** Builds the fully configured app (used by main, the CLI, the OpenAPI script and the e2e tests). */
export async function createApp(config: RuntimeConfig): Promise<NestFastifyApplication> {
  const logger = createLogger(config);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    // Our onResponse hook writes the single access-log line instead.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: requestId,
    requestIdHeader: false,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  app.enableCors({
    origin: '*',
    credentials: false,
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
    exposedHeaders: ['X-Request-Id'],
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
    ],
  });
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: false, transform: true, exceptionFactory: validationExceptionFactory }),
  );

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // One access-log line per request (health probes excluded), tagged with the request id.
  fastify.addHook('onResponse', async (request, reply) => {
    if (request.url === '/health') return;
    request.log.info(
      { method: request.method, url: redactUrl(request.url), statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request completed',
    );
  });
  registerMethodNotAllowed(fastify);

  setupSwaggerUi(app, config, GLOBAL_PREFIX);
  return app;
}

import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import { pino, Logger as Pino } from 'pino';
import { AppConfig } from '@app/common';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Honour a sane incoming `x-request-id`, otherwise mint one; it is echoed on the response. */
export function requestId(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

const SECRET_QUERY_PARAMS = /([?&](?:access_token|refresh_token|token|code|code_verifier|client_secret|password)=)[^&]*/gi;

const SECRET_PATH_SEGMENTS = /(\/dashboard\/accept-invitation\/)[^/?#]+/gi;

/** Access logs never carry a secret, even one a client wrongly put in a URL (or an invitation link's token). */
export function redactUrl(url: string): string {
  return url.replace(SECRET_QUERY_PARAMS, '$1[redacted]').replace(SECRET_PATH_SEGMENTS, '$1[redacted]');
}

/** One pino instance for Fastify (request logs carry `reqId`) and for Nest's own messages. */
export function createLogger(config: Pick<AppConfig, 'logLevel'>): Pino {
  return pino({
    level: config.logLevel,
    base: { service: 'webwork-api' },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
  });
}

/** Routes Nest's framework logs into the same structured JSON stream. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Pino) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }

  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }

  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }

  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }

  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }

  fatal(message: unknown, context?: string): void {
    this.logger.fatal({ context }, String(message));
  }
}

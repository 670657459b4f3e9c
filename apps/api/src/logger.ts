import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import { AppConfig } from '@app/common';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Honour a sane incoming `x-request-id`, otherwise mint one; it is echoed on the response. */
export function requestId(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      // Fastify already assigned the id (genReqId); reuse it so logs and the header agree.
      genReqId: (request: IncomingMessage) => (request as { id?: string }).id ?? requestId(request),
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.query.access_token'], censor: '[redacted]' },
      customProps: () => ({ service: 'webwork-api' }),
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: ServerResponse & { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
    // Health probes would drown the access log (and the prefix exclusion made them log twice).
    exclude: [{ method: RequestMethod.ALL, path: 'health' }],
  };
}

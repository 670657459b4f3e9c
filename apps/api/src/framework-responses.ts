import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { asOAuthError, frameworkError, renderError } from '@app/common';

/** Sent on every response, including the ones Fastify and Node answer before a route runs. */
export const SECURITY_HEADERS = { 'x-content-type-options': 'nosniff' } as const;

/**
 * Router failures that Fastify would answer with its own JSON (a path parameter over `maxParamLength`,
 * a path whose percent-encoding is broken): no route can match such a path, so it is a 404 envelope.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const noRoute = error.code === 'FST_ERR_MAX_PARAM_LENGTH' || error.code === 'FST_ERR_BAD_URL';
  const { status, body } = renderError(frameworkError(noRoute ? 'NotFound' : 'MalformedRequest'));
  void reply
    .status(status)
    .headers({ ...SECURITY_HEADERS, 'x-request-id': request.id })
    .send(body);
}

const CLIENT_ERRORS: Record<string, Parameters<typeof frameworkError>[0]> = {
  HPE_HEADER_OVERFLOW: 'HeadersTooLarge',
  ERR_HTTP_REQUEST_TIMEOUT: 'RequestTimeout',
};

/** The request line's path as far as Node's parser had read it (`rawPacket`: the data it failed on). */
function requestPath(error: NodeJS.ErrnoException & { rawPacket?: Buffer }): string | undefined {
  const line = error.rawPacket?.subarray(0, 1024).toString('latin1');
  return line ? /^[A-Z]+ (\/[^ ?#\r\n]*)/.exec(line)?.[1] : undefined;
}

/**
 * Node's HTTP parser rejects some requests before Fastify sees them (headers or URL over the size limit,
 * unparsable request lines); this writes those answers as the envelope, with a fresh request id, or in the
 * RFC 6749 form on the OAuth endpoints at the site root (auth.md: a client library there parses `error`).
 */
export function clientErrorHandler(this: FastifyInstance, error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const rendered = renderError(frameworkError(CLIENT_ERRORS[error.code ?? ''] ?? 'MalformedRequest'));
  const answer = requestPath(error)?.startsWith('/oauth/') ? asOAuthError(rendered) : rendered;
  const status = answer.status;
  const body = JSON.stringify(answer.body);
  const id = randomUUID();
  this.log.debug({ err: error, requestId: id }, 'client error');
  const extra = Object.entries(answer.headers)
    .filter(([name]) => !['content-type', 'content-length', 'connection'].includes(name.toLowerCase()))
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${id}\r\nX-Content-Type-Options: nosniff\r\n${extra}` +
        `Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/**
 * Graceful drain: once closing starts, Fastify stops accepting connections and the idle ones are closed; a
 * request in flight or still arriving on a kept-alive connection is served (the database stays up until the
 * HTTP server has closed) with `Connection: close`, so no client can hold the process open.
 *
 * One synchronous onSend hook carries every per-response header (request id, nosniff, the drain's close):
 * each hook Fastify runs costs a step of its hook runner on every request.
 */
export function registerResponseHeaders(fastify: FastifyInstance): void {
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    fastify.server.closeIdleConnections();
    done();
  });
  // onSend, not onRequest: a request already in flight when closing began must not keep its socket alive either.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id).header('x-content-type-options', SECURITY_HEADERS['x-content-type-options']);
    if (closing) void reply.header('connection', 'close');
    done(null, payload);
  });
}

import type { FastifyInstance } from 'fastify';
import Router from 'find-my-way';
import { frameworkError, renderError } from '@app/common';

const METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;

/**
 * A known path called with the wrong method answers 405 with an `Allow` header (conventions.md);
 * Fastify alone would say 404. Routes are mirrored into a second router as they are registered.
 */
export function registerMethodNotAllowed(fastify: FastifyInstance): void {
  const known = Router();
  fastify.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if ((METHODS as readonly string[]).includes(method)) known.on(method as (typeof METHODS)[number], route.url, () => undefined);
    }
  });
  // Synchronous: an async hook would cost every request a promise for the rare unmatched one.
  fastify.addHook('onRequest', (request, reply, done) => {
    if (request.routeOptions.url !== undefined) return done();
    const path = request.url.split('?')[0];
    const allowed = METHODS.filter((method) => known.find(method, path) !== null);
    if (allowed.length === 0) return done();
    const { status, body } = renderError(frameworkError('MethodNotAllowed'));
    void reply.status(status).header('allow', allowed.join(', ')).send(body);
  });
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiException } from '../errors/api-exception';

/** Deeper bodies are refused before parsing: no operation takes more than a few levels. */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/**
 * Whether the JSON text nests objects/arrays deeper than `max`. One linear pass over the bytes with a
 * counter (brackets inside strings do not count), so neither a deep nor a huge body can overflow the
 * stack or hold the event loop the way a recursive walk (class-transformer's) does.
 */
export function jsonNestsDeeperThan(text: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const byte = text[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

type Done = (error: Error | null, body?: unknown) => void;

/** The bodies that arrived as JSON; top-level objects only, since no operation takes a nested DTO. */
const jsonBodies = new WeakSet<object>();

/**
 * Whether `source` (the plain object a DTO is built from) is a JSON body. Its values carry JSON's own types,
 * so the text coercions meant for query strings and form bodies (`@ToNumber()`, `@ToBoolean()`) leave it
 * alone: `"confidential": "true"` in JSON is a type mismatch (422), `confidential=true` in a form is `true`.
 */
export function isJsonBody(source: unknown): boolean {
  return typeof source === 'object' && source !== null && jsonBodies.has(source);
}

/**
 * The application/json parser of every route: depth-limited (400), prototype-poisoning safe (Fastify's own
 * parser), and an object at the top level — every operation takes named fields, so `null`, arrays and bare
 * values are a 422 on `body` rather than an empty update.
 */
export function createJsonBodyParser(fastify: FastifyInstance): (request: FastifyRequest, body: Buffer, done: Done) => void {
  const parse = fastify.getDefaultJsonParser('error', 'error') as (request: FastifyRequest, text: string, done: Done) => void;
  return (request, body, done) => {
    // No body at all (a DELETE sent with a JSON content type) is an absent body, not a malformed one.
    if (body.length === 0) return done(null, undefined);
    if (jsonNestsDeeperThan(body, MAX_JSON_DEPTH)) {
      done(new ApiException(400, `Malformed request body: JSON nested deeper than ${MAX_JSON_DEPTH} levels.`));
      return;
    }
    parse(request, body.toString('utf8'), (error, parsed) => {
      if (error) return done(error);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        return done(ApiException.validation({ body: ['The request body must be a JSON object.'] }));
      }
      jsonBodies.add(parsed);
      done(null, parsed);
    });
  };
}

import { describe, expect, it } from '@jest/globals';
import { OpenApiDocumentIndex, toJsonSchema } from './support/openapi-document';
import { ObservedResponse, validateResponse } from './support/response-validator';

const json = { 'content-type': 'application/json; charset=utf-8' };

// A tiny OpenAPI 3.0 document exercising what the committed one uses: nullable, $ref, allOf, formats, headers.
const doc = new OpenApiDocumentIndex({
  openapi: '3.0.0',
  paths: {
    '/api/v2/things/{thingId}': {
      get: {
        operationId: 'getThing',
        responses: {
          '200': {
            headers: {
              'X-RateLimit-Remaining': { required: true, schema: { type: 'integer', minimum: 0 } },
              'X-Request-Id': { schema: { type: 'string', maxLength: 8 } },
            },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
          '302': { description: 'redirect, no body' },
          default: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        required: ['id', 'day', 'note', 'kind'],
        properties: {
          id: { type: 'integer', example: 1 },
          day: { type: 'string', format: 'date', nullable: true },
          note: { type: 'string', nullable: true },
          kind: { allOf: [{ $ref: '#/components/schemas/Kind' }], nullable: true },
        },
      },
      Kind: { type: 'string', enum: ['a', 'b'] },
      Error: { type: 'object', required: ['message'], properties: { message: { type: 'string' } } },
    },
  },
});

const observe = (overrides: Partial<ObservedResponse>): ObservedResponse => ({
  method: 'GET',
  route: '/api/v2/things/:thingId',
  url: '/api/v2/things/1',
  status: 200,
  headers: { ...json, 'x-ratelimit-remaining': '5' },
  body: JSON.stringify({ id: 1, day: '2024-02-29', note: null, kind: null }),
  ...overrides,
});

const kinds = (observed: Partial<ObservedResponse>) => validateResponse(doc, observe(observed)).map((violation) => violation.kind);

describe('response validation against an OpenAPI 3.0 document', () => {
  it('accepts a conforming response, reading nullable and allOf+nullable', () => {
    expect(kinds({})).toEqual([]);
  });

  it('rejects bodies the schema does not admit, including formats and enums', () => {
    expect(kinds({ body: JSON.stringify({ id: 1, day: '2024-02-30', note: null, kind: null }) })).toEqual(['body-schema']);
    expect(kinds({ body: JSON.stringify({ id: 1, day: null, note: 3, kind: 'c' }) })).toEqual(['body-schema']);
    expect(kinds({ body: '{"id":' })).toEqual(['unparsable-json']);
  });

  it('requires declared required headers and checks header schemas', () => {
    expect(kinds({ headers: json })).toEqual(['missing-header']);
    expect(kinds({ headers: { ...json, 'x-ratelimit-remaining': '-1' } })).toEqual(['header-schema']);
    expect(kinds({ headers: { ...json, 'x-ratelimit-remaining': '1', 'x-request-id': 'much-too-long' } })).toEqual(['header-schema']);
  });

  it('uses default for undeclared statuses, and fails without one', () => {
    expect(kinds({ status: 404, headers: json, body: '{"message":"Not found."}' })).toEqual([]);
    const strict = new OpenApiDocumentIndex({ ...doc.document, paths: { '/x': { get: { responses: { '200': {} } } } } });
    expect(validateResponse(strict, observe({ route: '/x', status: 500 })).map((v) => v.kind)).toEqual(['undeclared-status']);
  });

  it('checks content types and empty bodies', () => {
    expect(kinds({ headers: { 'content-type': 'text/html', 'x-ratelimit-remaining': '1' }, body: '<p>' })).toEqual([
      'undeclared-content-type',
    ]);
    expect(kinds({ body: '' })).toEqual(['missing-body']);
    expect(kinds({ status: 302, body: '' })).toEqual([]);
    expect(kinds({ status: 302, headers: { 'content-type': 'text/html' }, body: '<p>moved</p>' })).toEqual(['undeclared-content-type']);
  });

  it('holds unknown routes and wrong methods to the error envelope, and flags undocumented /api/v2 routes', () => {
    expect(kinds({ route: undefined, status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not Found' })).toEqual([
      'unmatched-route-body',
    ]);
    expect(kinds({ route: '/api/v2/secret', status: 200 })).toEqual(['undocumented-route']);
    expect(kinds({ method: 'OPTIONS', route: '*', status: 204, headers: {}, body: '' })).toEqual([]);
  });

  it('converts OpenAPI 3.0 exclusive bounds and nullable enums', () => {
    expect(toJsonSchema({ type: 'number', minimum: 0, exclusiveMinimum: true, example: 1 })).toEqual({
      type: 'number',
      exclusiveMinimum: 0,
    });
    expect(toJsonSchema({ type: 'string', enum: ['a'], nullable: true })).toEqual({ type: ['string', 'null'], enum: ['a', null] });
  });
});

import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { OpenAPIObject } from '@nestjs/swagger';
import { parse } from 'yaml';
import { buildOpenApiDocument, COMMITTED_OPENAPI_PATH, serializeOpenApi } from '../apps/api/src/openapi';
import { compareToReference, formatSummary, OpenApiDoc } from '../openapi/conformance';
import { createTestApp, TestApp } from './support/test-app';

describe('OpenAPI document', () => {
  let t: TestApp;
  let generated: OpenAPIObject;

  beforeAll(async () => {
    t = await createTestApp();
    generated = buildOpenApiDocument(t.app);
  });
  afterAll(async () => t.close());

  it('is committed and current (run `npm run openapi` after changing decorators)', async () => {
    const committed = await readFile(COMMITTED_OPENAPI_PATH, 'utf8');
    expect(committed).toBe(serializeOpenApi(generated));
  });

  it('uses method names as unique operationIds and shows the envelope in every success response', () => {
    // The OAuth endpoints answer RFC bodies by design (auth.md); every API operation is enveloped.
    const apiPaths = Object.entries(generated.paths).filter(([path]) => path.startsWith('/api/v2/') || path === '/health');
    const operations = apiPaths.flatMap(([, item]) =>
      Object.values(
        item as Record<
          string,
          { operationId?: string; responses?: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> }
        >,
      ),
    );
    const ids = operations.map((operation) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const operation of operations) {
      const success = Object.entries(operation.responses ?? {}).find(([status]) => status.startsWith('2'));
      expect(success?.[1].content?.['application/json']?.schema?.$ref).toMatch(/Envelope$/);
    }
  });

  describe('declares what the server sends', () => {
    interface Response {
      headers?: Record<string, unknown>;
      content?: Record<string, { schema?: { $ref?: string; oneOf?: { $ref?: string }[] } }>;
    }
    interface Operation {
      operationId: string;
      summary?: string;
      description?: string;
      tags?: string[];
      security?: Record<string, string[]>[];
      parameters?: { name: string; in: string; required?: boolean; example?: unknown; schema?: { example?: unknown } }[];
      responses: Record<string, Response>;
      'x-permission'?: string;
    }
    const operations = (): (Operation & { method: string; path: string })[] =>
      Object.entries(generated.paths).flatMap(([path, item]) =>
        Object.entries(item as Record<string, Operation>).map(([method, operation]) => ({ ...operation, method, path })),
      );
    const statuses = (operation: Operation): string[] => Object.keys(operation.responses);
    const errorSchemas = (response: Response): (string | undefined)[] => {
      const schema = response.content?.['application/json']?.schema;
      return schema?.oneOf ? schema.oneOf.map((option) => option.$ref) : [schema?.$ref];
    };

    it('gives every operation a summary, a description and a described top-level tag', () => {
      const tags = new Map((generated.tags ?? []).map((tag) => [tag.name, tag.description]));
      for (const operation of operations()) {
        expect({ id: operation.operationId, summary: !!operation.summary, description: !!operation.description }).toEqual({
          id: operation.operationId,
          summary: true,
          description: true,
        });
        for (const tag of operation.tags ?? []) expect(tags.get(tag)).toEqual(expect.stringMatching(/\w/));
      }
    });

    it('declares the guard, body-parser, path-id and filter statuses on every operation that can return them', () => {
      for (const operation of operations()) {
        const expected = [
          '500',
          '503',
          ...(operation['x-permission'] ? ['401', '403', '422', '429'] : []),
          ...(['post', 'put', 'delete'].includes(operation.method) ? ['400', '413'] : []),
          ...(operation.parameters?.some((parameter) => parameter.in === 'path') ? ['404'] : []),
        ];
        expect({ id: operation.operationId, statuses: statuses(operation) }).toEqual({
          id: operation.operationId,
          statuses: expect.arrayContaining(expected),
        });
      }
    });

    it('types every API error as the error envelope, with the validation envelope on 422', () => {
      for (const operation of operations().filter((op) => op['x-permission'])) {
        for (const [status, response] of Object.entries(operation.responses).filter(([code]) => Number(code) >= 400)) {
          const expected = status === '422' ? '#/components/schemas/ValidationErrorEnvelope' : '#/components/schemas/ErrorEnvelope';
          expect([operation.operationId, status, errorSchemas(response)]).toEqual([operation.operationId, status, [expected]]);
        }
      }
      const schemas = generated.components?.schemas as Record<
        string,
        { properties: Record<string, { type?: string }>; required: string[] }
      >;
      expect(schemas.ErrorEnvelope.properties.error.type).toBe('string');
      expect(schemas.ErrorEnvelope.required).toEqual(expect.arrayContaining(['success', 'message', 'error', 'meta']));
      expect(schemas.ErrorEnvelope.properties).not.toHaveProperty('errors');
      expect(schemas.ValidationErrorEnvelope.properties).toHaveProperty('errors');
    });

    it('declares X-Request-Id on every response, the rate-limit headers after authentication and Retry-After on 429', () => {
      const ref = (name: string) => ({ $ref: `#/components/headers/${name}` });
      for (const operation of operations()) {
        for (const [status, response] of Object.entries(operation.responses)) {
          const label = `${operation.operationId} ${status}`;
          expect([label, response.headers?.['X-Request-Id']]).toEqual([label, ref('X-Request-Id')]);
          if (status === '429') expect([label, response.headers?.['Retry-After']]).toEqual([label, ref('Retry-After')]);
          if (operation['x-permission']) {
            const limited = status !== '401';
            expect([label, 'X-RateLimit-Limit' in (response.headers ?? {})]).toEqual([label, limited]);
            expect([label, 'X-RateLimit-Remaining' in (response.headers ?? {})]).toEqual([label, limited]);
          }
        }
      }
    });

    it("states every operation's security, explicitly empty on public ones", () => {
      for (const operation of operations())
        expect([operation.operationId, Array.isArray(operation.security)]).toEqual([operation.operationId, true]);
      const publicIds = operations()
        .filter((operation) => operation.security?.length === 0)
        .map((operation) => operation.operationId);
      expect(publicIds.sort()).toEqual(['authorize', 'getAuthorizationServerMetadata', 'getHealth', 'showInvitation']);
    });

    it('gives optional query parameters no example, so Swagger UI sends no filter the user did not ask for', () => {
      for (const operation of operations()) {
        for (const parameter of (operation.parameters ?? []).filter((p) => p.in === 'query' && !p.required)) {
          expect([operation.operationId, parameter.name, parameter.example ?? parameter.schema?.example]).toEqual([
            operation.operationId,
            parameter.name,
            undefined,
          ]);
        }
      }
    });
  });

  it('declares a body optional where every field of it may be left out (workspace_id may travel in the query)', () => {
    type Body = { required?: boolean; content?: Record<string, { schema?: { $ref?: string } }> };
    const schemas = (generated.components?.schemas ?? {}) as Record<string, { required?: string[] }>;
    const mandatory: string[] = [];
    for (const item of Object.values(generated.paths)) {
      for (const operation of Object.values(item as Record<string, { operationId: string; requestBody?: Body }>)) {
        const ref = operation.requestBody?.content?.['application/json']?.schema?.$ref;
        const required = (ref ? schemas[ref.split('/').pop()!]?.required : undefined) ?? [];
        if (operation.requestBody?.required && required.filter((name) => name !== 'workspace_id').length === 0)
          mandatory.push(operation.operationId);
      }
    }
    // A client may send none (the server takes an absent body as `{}`), so the document must not require one.
    expect(mandatory).toEqual([]);
  });

  it('conforms to the published v2 reference for every implemented operation', async () => {
    const reference = parse(await readFile('openapi/webwork-v2.reference.yaml', 'utf8')) as OpenApiDoc;
    const report = compareToReference(generated as unknown as OpenApiDoc, reference);
    process.stdout.write(`\n${formatSummary(report)}\n`);
    expect(report.total).toBe(74);
    expect(report.mismatches).toEqual([]);
    expect(report.implemented).toEqual(
      expect.arrayContaining([
        'authorize',
        'issueToken',
        'revokeToken',
        'getAuthorizationServerMetadata',
        'listWorkspaces',
        'listProjects',
        'createProject',
        'getProject',
        'updateProject',
        'archiveProject',
        'startTimeTracking',
        'stopTimeTracking',
        'getCurrentTrackerData',
        'listTimeEntries',
        'createTimeEntry',
        'updateTimeEntry',
        'deleteTimeEntry',
      ]),
    );
  });
});

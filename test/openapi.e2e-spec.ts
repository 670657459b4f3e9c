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
      ]),
    );
  });
});

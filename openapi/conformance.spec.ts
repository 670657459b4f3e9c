import { describe, expect, it } from '@jest/globals';
import { compareToReference, formatSummary } from './conformance';

interface Schema {
  $ref?: string;
  type?: string | string[];
  nullable?: boolean;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  'x-extension'?: boolean;
  additionalProperties?: boolean;
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema: Schema;
  'x-extension'?: boolean;
}

interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
}

interface Fixture {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const PROJECTS = '/api/v2/projects';
const PROJECT = '/api/v2/projects/{projectId}';

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema) => ({ content: { 'application/json': { schema } } });
const response = (schema: Schema) => ({ description: 'OK', ...json(schema) });
const envelope = (data: Schema): Schema => ({
  type: 'object',
  properties: { success: { type: 'boolean' }, message: { type: 'string' }, data, meta: { type: 'object' } },
});
const workspaceIdQuery: Parameter = { name: 'workspace_id', in: 'query', required: true, schema: { type: 'integer' } };
const projectIdPath: Parameter = { name: 'projectId', in: 'path', required: true, schema: { type: 'integer' } };

// OpenAPI 3.1 like openapi/webwork-v2.reference.yaml: inline envelopes, `type: [x, 'null']`, null data as `type: 'null'`.
function referenceDoc(): Fixture {
  return {
    openapi: '3.1.0',
    paths: {
      [PROJECTS]: {
        get: {
          operationId: 'listProjects',
          parameters: [
            workspaceIdQuery,
            { name: 'status', in: 'query', required: false, schema: { type: 'string', enum: ['active', 'archived'] } },
            { name: 'page', in: 'query', schema: { type: 'integer' } },
          ],
          responses: { '200': response(envelope({ type: 'array', items: ref('Project') })), '401': { description: 'Unauthenticated' } },
        },
        post: {
          operationId: 'createProject',
          requestBody: json({
            type: 'object',
            required: ['workspace_id', 'name'],
            properties: { workspace_id: { type: 'integer' }, name: { type: 'string' }, description: { type: ['string', 'null'] } },
          }),
          responses: { '201': response(envelope(ref('Project'))) },
        },
      },
      [PROJECT]: {
        get: {
          operationId: 'getProject',
          parameters: [projectIdPath, workspaceIdQuery],
          responses: { '200': response(envelope(ref('Project'))) },
        },
        delete: {
          operationId: 'deleteProject',
          parameters: [projectIdPath],
          requestBody: json({ type: 'object', required: ['workspace_id'], properties: { workspace_id: { type: 'integer' } } }),
          responses: { '200': response(envelope({ type: 'null' })) },
        },
      },
      '/api/v2/webhooks': {
        get: { operationId: 'listWebhooks', parameters: [workspaceIdQuery], responses: { '200': response(envelope({ type: 'null' })) } },
      },
    },
    components: {
      schemas: {
        Project: {
          type: 'object',
          properties: {
            id: { type: 'integer' },
            name: { type: 'string' },
            estimation: { type: ['number', 'null'] },
            status: { type: ['string', 'null'], enum: ['active', 'archived', null] },
          },
        },
      },
    },
  };
}

// OpenAPI 3.0 like @nestjs/swagger output: named envelope components, `nullable: true`, named enums, DTO bodies.
function generatedDoc(): Fixture {
  return {
    openapi: '3.0.0',
    paths: {
      [PROJECTS]: {
        get: {
          operationId: 'listProjects',
          parameters: [
            workspaceIdQuery,
            { name: 'status', in: 'query', required: false, schema: ref('ProjectStatus') },
            { name: 'page', in: 'query', required: false, schema: { type: 'integer' } },
          ],
          responses: { '200': response(ref('ProjectResponseListEnvelope')) },
        },
        post: {
          operationId: 'createProject',
          parameters: [workspaceIdQuery],
          requestBody: json(ref('CreateProjectDto')),
          responses: { '201': response(ref('ProjectResponseEnvelope')) },
        },
      },
      [PROJECT]: {
        get: {
          operationId: 'getProject',
          parameters: [projectIdPath, workspaceIdQuery],
          responses: { '200': response(ref('ProjectResponseEnvelope')) },
        },
        delete: {
          operationId: 'deleteProject',
          parameters: [projectIdPath, workspaceIdQuery],
          responses: { '200': response(ref('NullEnvelope')) },
        },
      },
      '/health': { get: { operationId: 'health', responses: { '200': response({ type: 'object' }) } } },
    },
    components: {
      schemas: {
        ProjectStatus: { type: 'string', enum: ['active', 'archived'] },
        ProjectResponseDto: {
          type: 'object',
          properties: {
            id: { type: 'integer' },
            name: { type: 'string' },
            estimation: { type: 'number', nullable: true },
            status: { allOf: [ref('ProjectStatus')], nullable: true },
          },
        },
        CreateProjectDto: {
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string' }, description: { type: 'string', nullable: true } },
        },
        ProjectResponseEnvelope: envelope(ref('ProjectResponseDto')),
        ProjectResponseListEnvelope: envelope({ type: 'array', items: ref('ProjectResponseDto') }),
        NullEnvelope: envelope({ type: 'object', nullable: true, additionalProperties: false }),
      },
    },
  };
}

function mismatchesAfter(change: (generated: Fixture) => void): string[] {
  const generated = generatedDoc();
  change(generated);
  return compareToReference(generated, referenceDoc()).mismatches;
}

function projectDto(doc: Fixture): Record<string, Schema> {
  const properties = doc.components.schemas.ProjectResponseDto.properties;
  if (!properties) throw new Error('fixture ProjectResponseDto has no properties');
  return properties;
}

const OPERATIONS_RETURNING_PROJECT = ['listProjects', 'createProject', 'getProject'];

describe('compareToReference', () => {
  it('reports no mismatches for operations that match the reference', () => {
    const report = compareToReference(generatedDoc(), referenceDoc());

    expect(report.mismatches).toEqual([]);
    expect(report.implemented).toEqual(['listProjects', 'createProject', 'getProject', 'deleteProject']);
  });

  it('reports no mismatches when the reference is compared with itself', () => {
    const report = compareToReference(referenceDoc(), referenceDoc());

    expect(report.mismatches).toEqual([]);
    expect(report.missing).toEqual([]);
  });

  it('lists unimplemented reference operations as missing and ignores extension operations', () => {
    const report = compareToReference(generatedDoc(), referenceDoc());

    expect(report.missing).toEqual(['listWebhooks']);
    expect(report.total).toBe(5);
    expect(report.implemented).not.toContain('health');
  });

  it('reports a different operationId', () => {
    const mismatches = mismatchesAfter((doc) => {
      doc.paths[PROJECT].get.operationId = 'findOne';
    });

    expect(mismatches).toEqual(['getProject: operationId is "findOne", expected "getProject"']);
  });

  it('reports a missing success status', () => {
    const mismatches = mismatchesAfter((doc) => {
      const post = doc.paths[PROJECTS].post;
      post.responses = { '200': post.responses['201'] };
    });

    expect(mismatches).toEqual(['createProject: success status 201 missing (generated has 200)']);
  });

  describe('parameters', () => {
    it('reports a missing parameter', () => {
      const mismatches = mismatchesAfter((doc) => {
        const get = doc.paths[PROJECTS].get;
        get.parameters = get.parameters?.filter((parameter) => parameter.name !== 'page');
      });

      expect(mismatches).toEqual(['listProjects: query parameter "page" missing']);
    });

    it('reports a different required flag, treating an absent flag as optional', () => {
      const mismatches = mismatchesAfter((doc) => {
        doc.paths[PROJECTS].get.parameters = [
          workspaceIdQuery,
          { name: 'status', in: 'query', required: false, schema: ref('ProjectStatus') },
          { name: 'page', in: 'query', required: true, schema: { type: 'integer' } },
        ];
      });

      expect(mismatches).toEqual(['listProjects: query parameter "page" required is true, expected false']);
    });

    it('treats path parameters as required even without the flag', () => {
      const mismatches = mismatchesAfter((doc) => {
        doc.paths[PROJECT].get.parameters = [{ name: 'projectId', in: 'path', schema: { type: 'integer' } }, workspaceIdQuery];
      });

      expect(mismatches).toEqual([]);
    });

    it('reports different enum values', () => {
      const mismatches = mismatchesAfter((doc) => {
        doc.paths[PROJECTS].get.parameters = [
          workspaceIdQuery,
          { name: 'status', in: 'query', required: false, schema: { type: 'string', enum: ['active', 'deleted'] } },
          { name: 'page', in: 'query', required: false, schema: { type: 'integer' } },
        ];
      });

      expect(mismatches).toEqual(['listProjects: query parameter "status" enum ["active", "deleted"], expected ["active", "archived"]']);
    });

    it('reports an extra generated parameter', () => {
      const mismatches = mismatchesAfter((doc) => {
        doc.paths[PROJECT].get.parameters?.push({ name: 'sort', in: 'query', required: false, schema: { type: 'string' } });
      });

      expect(mismatches).toEqual(['getProject: unexpected query parameter "sort"']);
    });

    it('skips an extra parameter marked x-extension, and only a marked one', () => {
      const mismatches = mismatchesAfter((doc) => {
        doc.paths[PROJECT].get.parameters?.push(
          { name: 'include', in: 'query', required: false, schema: { type: 'string' }, 'x-extension': true },
          { name: 'sort', in: 'query', required: false, schema: { type: 'string' } },
        );
      });

      expect(mismatches).toEqual(['getProject: unexpected query parameter "sort"']);
    });

    it('allows a query workspace_id where the reference puts workspace_id in the body', () => {
      const generated = generatedDoc();
      const reference = referenceDoc();

      expect(generated.paths[PROJECT].delete.parameters).toContainEqual(workspaceIdQuery);
      expect(reference.paths[PROJECT].delete.parameters).not.toContainEqual(workspaceIdQuery);
      expect(compareToReference(generated, reference).mismatches).toEqual([]);
    });

    it('reports a query workspace_id where the reference has no workspace_id at all', () => {
      const reference = referenceDoc();
      reference.paths[PROJECT].get.parameters = [projectIdPath];

      expect(compareToReference(generatedDoc(), reference).mismatches).toEqual(['getProject: unexpected query parameter "workspace_id"']);
    });
  });

  describe('request body', () => {
    it('reports missing and unexpected body properties', () => {
      const mismatches = mismatchesAfter((doc) => {
        doc.components.schemas.CreateProjectDto.properties = { name: { type: 'string' }, color: { type: 'string' } };
      });

      expect(mismatches).toEqual([
        'createProject: request body property "description" missing',
        'createProject: unexpected request body property "color"',
      ]);
    });

    it('reports a different set of required body properties', () => {
      const mismatches = mismatchesAfter((doc) => {
        doc.components.schemas.CreateProjectDto.required = ['description'];
      });

      expect(mismatches).toEqual([
        'createProject: request body property "name" should be required',
        'createProject: request body property "description" should be optional',
      ]);
    });

    it('merges allOf parts of the body schema', () => {
      const mismatches = mismatchesAfter((doc) => {
        doc.components.schemas.CreateProjectDto = {
          allOf: [
            { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
            { type: 'object', properties: { description: { type: 'string', nullable: true } } },
          ],
        };
      });

      expect(mismatches).toEqual([]);
    });
  });

  describe('response data', () => {
    it('reports a missing data field for every operation returning it', () => {
      const mismatches = mismatchesAfter((doc) => {
        delete projectDto(doc).estimation;
      });

      expect(mismatches).toEqual(OPERATIONS_RETURNING_PROJECT.map((id) => `${id}: response data field "estimation" missing`));
    });

    it('skips extra body and data fields marked x-extension', () => {
      const mismatches = mismatchesAfter((doc) => {
        doc.components.schemas.CreateProjectDto.properties = {
          ...doc.components.schemas.CreateProjectDto.properties,
          color: { type: 'string', 'x-extension': true },
        };
        projectDto(doc).color = { type: 'string', 'x-extension': true };
      });

      expect(mismatches).toEqual([]);
    });

    it('reports an extra data field', () => {
      const mismatches = mismatchesAfter((doc) => {
        projectDto(doc).color = { type: 'string' };
      });

      expect(mismatches).toEqual(OPERATIONS_RETURNING_PROJECT.map((id) => `${id}: unexpected response data field "color"`));
    });

    it('reports a different base type', () => {
      const mismatches = mismatchesAfter((doc) => {
        projectDto(doc).id = { type: 'string' };
      });

      expect(mismatches).toEqual(
        OPERATIONS_RETURNING_PROJECT.map((id) => `${id}: response data field "id" type is string, expected integer`),
      );
    });

    it('reports different enum values of a data field', () => {
      const mismatches = mismatchesAfter((doc) => {
        projectDto(doc).status = { type: 'string', nullable: true, enum: ['active', 'archived', 'deleted'] };
      });

      expect(mismatches).toEqual(
        OPERATIONS_RETURNING_PROJECT.map(
          (id) => `${id}: response data field "status" enum ["active", "archived", "deleted"], expected ["active", "archived"]`,
        ),
      );
    });

    it('does not count a nullability difference', () => {
      const mismatches = mismatchesAfter((doc) => {
        projectDto(doc).estimation = { type: 'number' };
        projectDto(doc).status = ref('ProjectStatus');
      });

      expect(mismatches).toEqual([]);
    });

    it('requires no data fields where the reference returns null data', () => {
      const mismatches = mismatchesAfter((doc) => {
        doc.paths[PROJECT].delete.responses = { '200': response(ref('ProjectResponseEnvelope')) };
      });

      expect(mismatches).toEqual(
        ['id', 'name', 'estimation', 'status'].map((field) => `deleteProject: unexpected response data field "${field}"`),
      );
    });
  });
});

describe('formatSummary', () => {
  it('states implemented, total and mismatch counts', () => {
    const summary = formatSummary({
      total: 74,
      implemented: ['listProjects', 'getProject'],
      missing: ['listWebhooks'],
      mismatches: ['getProject: x'],
    });

    expect(summary).toBe('conformance: 2 of 74 reference operations implemented, 1 mismatches');
  });
});

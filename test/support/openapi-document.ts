import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * The committed OpenAPI 3.0 document (openapi/openapi.json), compiled once per test file into ajv validators.
 * Shared by the response validation of the e2e suite and by the spec-driven fuzzer, so both read the same
 * document and neither keeps a list of operations.
 */

export type SchemaObject = Record<string, unknown>;

export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: SchemaObject;
  /** How an array or object value is written (OpenAPI 3.0 §4.7.12.4); query default `form`, exploded. */
  style?: 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject' | 'simple' | 'matrix' | 'label';
  explode?: boolean;
}

export interface MediaTypeObject {
  schema?: SchemaObject;
}

export interface HeaderObject {
  required?: boolean;
  schema?: SchemaObject;
}

export interface ResponseObject {
  description?: string;
  content?: Record<string, MediaTypeObject>;
  headers?: Record<string, HeaderObject | { $ref: string }>;
}

export interface OperationObject {
  operationId?: string;
  parameters?: ParameterObject[];
  requestBody?: { required?: boolean; content?: Record<string, MediaTypeObject> };
  responses?: Record<string, ResponseObject>;
  security?: Record<string, string[]>[];
}

export interface Operation {
  method: string;
  /** OpenAPI path template, e.g. `/api/v2/projects/{projectId}`. */
  path: string;
  operationId: string;
  operation: OperationObject;
}

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, SchemaObject>; headers?: Record<string, HeaderObject> };
}

const DOCUMENT_ID = 'openapi.json';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/** OpenAPI annotations ajv does not know; they carry no validation meaning. */
const ANNOTATIONS = new Set(['example', 'xml', 'externalDocs', 'discriminator', 'deprecated']);

/**
 * OpenAPI 3.0 Schema Object → JSON Schema (draft-07, as ajv reads it):
 * `nullable: true` admits null; boolean `exclusiveMinimum/Maximum` become numeric bounds; local `$ref`s point
 * into the compiled document; annotations and `x-` extensions are dropped.
 */
export function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const source = schema as SchemaObject;
  const out: SchemaObject = {};
  for (const [key, value] of Object.entries(source)) {
    if (ANNOTATIONS.has(key) || key.startsWith('x-') || key === 'nullable') continue;
    if (key === '$ref' && typeof value === 'string') out.$ref = toAjvRef(value);
    else if (key === 'properties' || key === 'patternProperties') {
      out[key] = Object.fromEntries(Object.entries(value as SchemaObject).map(([name, sub]) => [name, toJsonSchema(sub)]));
    } else if (key === 'enum' || key === 'required' || key === 'default') out[key] = value;
    else out[key] = toJsonSchema(value);
  }
  if (source.exclusiveMinimum === true) {
    out.exclusiveMinimum = source.minimum;
    delete out.minimum;
  } else if (source.exclusiveMinimum === false) delete out.exclusiveMinimum;
  if (source.exclusiveMaximum === true) {
    out.exclusiveMaximum = source.maximum;
    delete out.maximum;
  } else if (source.exclusiveMaximum === false) delete out.exclusiveMaximum;
  if (source.nullable === true) {
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    } else {
      // No type of its own (e.g. `allOf: [{$ref}]`): null, or whatever the rest of the schema admits.
      return { anyOf: [{ type: 'null' }, out] };
    }
  }
  return out;
}

/** `#/components/schemas/X` → `openapi.json#/definitions/X`: components are compiled as one schema's definitions. */
function toAjvRef(ref: string): string {
  const prefix = '#/components/schemas/';
  if (!ref.startsWith(prefix)) throw new Error(`unsupported $ref ${ref} (only ${prefix}… is compiled)`);
  return `${DOCUMENT_ID}#/definitions/${ref.slice(prefix.length)}`;
}

/** `/api/v2/projects/{projectId}` → the Fastify route `/api/v2/projects/:projectId`. */
export function toFastifyRoute(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1');
}

/** Media type without parameters, lower case: `application/json; charset=utf-8` → `application/json`. */
export function mediaType(contentType: string | undefined): string | undefined {
  const type = contentType?.split(';')[0].trim().toLowerCase();
  return type || undefined;
}

/** The declared media type that covers `type` (exact, then `type/*`, then `*\/*`). */
export function declaredMediaType(content: Record<string, unknown>, type: string): string | undefined {
  const keys = Object.keys(content);
  return (
    keys.find((key) => key.toLowerCase() === type) ??
    keys.find((key) => key.toLowerCase() === `${type.split('/')[0]}/*`) ??
    keys.find((key) => key === '*/*')
  );
}

export function isJsonMediaType(type: string | undefined): boolean {
  return type !== undefined && (type === 'application/json' || type.endsWith('+json'));
}

export function formatAjvErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => {
    const params = Object.keys(error.params).length ? ` ${JSON.stringify(error.params)}` : '';
    return `${error.instancePath || '(root)'} ${error.message ?? error.keyword}${params}`;
  });
}

export class OpenApiDocumentIndex {
  readonly operations: Operation[];
  private readonly ajv: Ajv;
  private readonly byRoute = new Map<string, Operation>();
  private readonly validators = new Map<unknown, ValidateFunction>();

  constructor(readonly document: OpenApiDocument) {
    this.ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, allowUnionTypes: true, validateFormats: true });
    addFormats(this.ajv, { mode: 'full' });
    const schemas = Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => [name, toJsonSchema(schema)]);
    this.ajv.addSchema({ $id: DOCUMENT_ID, definitions: Object.fromEntries(schemas) });
    this.operations = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (!HTTP_METHODS.includes(method)) continue;
        const entry = { method: method.toUpperCase(), path, operationId: operation.operationId ?? `${method} ${path}`, operation };
        this.operations.push(entry);
        this.byRoute.set(`${entry.method} ${toFastifyRoute(path)}`, entry);
      }
    }
  }

  /** The operation for a Fastify route (`request.routeOptions.url`); HEAD falls back to the GET operation. */
  findByRoute(method: string, route: string): Operation | undefined {
    const upper = method.toUpperCase();
    return this.byRoute.get(`${upper} ${route}`) ?? (upper === 'HEAD' ? this.byRoute.get(`GET ${route}`) : undefined);
  }

  /** A compiled validator for an OpenAPI schema (converted once, cached by identity). */
  validator(schema: SchemaObject): ValidateFunction {
    let validate = this.validators.get(schema);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema) as SchemaObject);
      this.validators.set(schema, validate);
    }
    return validate;
  }

  /** Validates `value`; returns readable ajv errors, empty when valid. */
  check(schema: SchemaObject, value: unknown): string[] {
    const validate = this.validator(schema);
    return validate(value) ? [] : formatAjvErrors(validate.errors);
  }

  componentSchema(name: string): SchemaObject | undefined {
    return this.document.components?.schemas?.[name];
  }

  resolve<T>(value: T | { $ref: string }): T {
    let current: unknown = value;
    for (let depth = 0; depth < 10; depth++) {
      const ref = (current as { $ref?: unknown } | null)?.$ref;
      if (typeof ref !== 'string' || !ref.startsWith('#/')) break;
      current = ref
        .slice(2)
        .split('/')
        .reduce<unknown>(
          (node, key) => (node as Record<string, unknown> | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')],
          this.document,
        );
    }
    return current as T;
  }
}

let cached: OpenApiDocumentIndex | undefined;

export const COMMITTED_DOCUMENT = resolve(process.cwd(), 'openapi/openapi.json');

export function openApiDocument(): OpenApiDocumentIndex {
  cached ??= new OpenApiDocumentIndex(JSON.parse(readFileSync(COMMITTED_DOCUMENT, 'utf8')) as OpenApiDocument);
  return cached;
}

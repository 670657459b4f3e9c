import fc from 'fast-check';
import { declaredMediaType, mediaType, Operation, OpenApiDocumentIndex, ParameterObject, SchemaObject } from '../support/openapi-document';
import {
  asText,
  HOSTILE_STRINGS,
  Hints,
  JsonLike,
  NESTING_DEPTH,
  ODD_INTEGERS,
  oddSpellings,
  RawJson,
  SchemaValues,
  serializeJson,
  deeplyNested,
} from './values';

/** One generated HTTP request, with what the oracles need to know about it. */
/** Whether the operation needs a credential: some security requirement, and no anonymous `{}` alternative. */
function requiresCredential(operation: Operation): boolean {
  const requirements = operation.operation.security ?? [];
  return requirements.length > 0 && requirements.every((requirement) => Object.keys(requirement).length > 0);
}

export interface FuzzRequest {
  operationId: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** What was perturbed (`valid`, `param:projectId`, `body-field:estimation`, `content-type:text/plain`, ...). */
  strategy: string;
  /** Whether the Authorization header carries a usable credential (undefined: not judged). */
  credential: 'valid' | 'invalid' | undefined;
  /** The Authorization header, read when the request is sent (the fixture may have re-minted a token). */
  authorization: () => string | undefined;
  authLabel: string;
}

/** Credentials the fixture holds; read at generation time so a re-minted token is picked up. */
export interface Credentials {
  ownerToken: string;
  /** Tokens that must never authenticate (revoked, expired, garbage). */
  deadTokens: string[];
  /** A live token of a user who is not a member of the fuzzing workspace. */
  outsiderToken: string;
  /** `client_id:client_secret` pairs the token endpoints accept. */
  clientCredentials: string[];
}

interface ParamValue {
  /** Undefined: the parameter is left out. Arrays: the key is repeated. */
  text: string | string[] | undefined;
  /** Sent without percent-encoding (it already is, or it is a deliberate broken escape). */
  raw?: boolean;
  /** The query key when it is not the parameter's name: `users[]` for the bracket form of an array. */
  key?: string;
}

/** How an array query value goes out: as the document declares it, or in one of the forms conventions.md documents. */
type ArrayForm = 'declared' | 'comma' | 'brackets';

/** The delimiter of a non-exploded array (OpenAPI 3.0 `style`); undefined: one key per item (`form`, exploded). */
function arrayDelimiter(param: ParameterObject): string | undefined {
  const style = param.style ?? 'form';
  const explode = param.explode ?? style === 'form';
  if (explode) return undefined;
  return style === 'spaceDelimited' ? ' ' : style === 'pipeDelimited' ? '|' : ',';
}

/**
 * An array value as query text: `declared` follows the parameter's style (the default, form + explode, repeats
 * the key: `users=1&users=2`), `comma` is `users=1,2`, `brackets` is `users[]=1&users[]=2` (conventions.md
 * documents both). An empty list leaves the parameter out; a value that is not an array goes out as its text.
 */
function arrayParam(param: ParameterObject, value: JsonLike, form: ArrayForm): ParamValue {
  if (!Array.isArray(value)) return { text: asText(value) };
  const items = value.map(asText);
  if (items.length === 0) return { text: undefined };
  if (form === 'brackets') return { text: items, key: `${encodeURIComponent(param.name)}[]` };
  const delimiter = form === 'comma' ? ',' : arrayDelimiter(param);
  return { text: delimiter === undefined ? items : items.join(delimiter) };
}

const ARRAY_FORMS = fc.oneof(
  { weight: 3, arbitrary: fc.constant<ArrayForm>('declared') },
  { weight: 1, arbitrary: fc.constant<ArrayForm>('comma') },
  { weight: 1, arbitrary: fc.constant<ArrayForm>('brackets') },
);

const RAW_ESCAPES = ['%202', '%zz', '%00', '%2e%2e%2f', '..%2f..%2fetc%2fpasswd', '%E0%A4%A', '%u0032', '%25', '%2F', '%3F', '%23'];
const ODD_QUERY_KEYS = [
  '__proto__[x]=1',
  'constructor[prototype][x]=1',
  'workspace_id[]=1',
  'workspace_id[a]=1',
  '&&',
  '=x',
  'a=1;b=2',
  '%zz=1',
];

const ASCII_GARBAGE = [
  '',
  'x',
  'null',
  'undefined',
  'Bearer',
  'wwpat_',
  'wwpat_x',
  "' OR 1=1 --",
  '../../etc/passwd',
  '%zz',
  '%00',
  'a'.repeat(5000),
];
const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

const pick = <T>(values: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...values);

export class RequestGenerator {
  private readonly values: SchemaValues;

  constructor(
    private readonly doc: OpenApiDocumentIndex,
    hints: () => Hints,
    private readonly credentials: () => Credentials,
  ) {
    this.values = new SchemaValues(doc, hints);
  }

  /** Every generated request for `operation`; fast-check draws from it with the run's seed. */
  requests(operation: Operation): fc.Arbitrary<FuzzRequest> {
    const params = (operation.operation.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query');
    const body = operation.operation.requestBody;
    const bodyTypes = Object.keys(body?.content ?? {});
    const secured = requiresCredential(operation);

    const strategies: { weight: number; arbitrary: fc.Arbitrary<Draft> }[] = [
      { weight: 3, arbitrary: this.draft(operation, params, { kind: 'valid' }) },
      { weight: 2, arbitrary: this.draft(operation, params, { kind: 'boundary' }) },
      { weight: 1, arbitrary: this.draft(operation, params, { kind: 'transport' }) },
      { weight: 1, arbitrary: this.draft(operation, params, { kind: 'chaos' }) },
      { weight: 2, arbitrary: this.draft(operation, params, { kind: 'auth' }) },
    ];
    if (params.length) strategies.push({ weight: 4, arbitrary: this.draft(operation, params, { kind: 'param' }) });
    if (bodyTypes.length) {
      strategies.push({ weight: 4, arbitrary: this.draft(operation, params, { kind: 'body-field' }) });
      strategies.push({ weight: 2, arbitrary: this.draft(operation, params, { kind: 'body' }) });
      strategies.push({ weight: 2, arbitrary: this.draft(operation, params, { kind: 'content-type' }) });
    }
    return fc.oneof(...strategies).map((draft) => this.finish(operation, draft, secured));
  }

  private draft(operation: Operation, params: ParameterObject[], mode: { kind: Mode }): fc.Arbitrary<Draft> {
    const { kind } = mode;
    const target = params.length ? fc.nat({ max: params.length - 1 }) : fc.constant(-1);
    return fc
      .record({
        target,
        paramValues: fc.tuple(...params.map((p) => this.paramValue(p, 'valid')), fc.constant(null)),
        perturbed: params.length
          ? fc.tuple(...params.map((p) => this.paramValue(p, kind === 'boundary' ? 'boundary' : 'hostile')), fc.constant(null))
          : fc.constant([null]),
        body: this.bodyDraft(operation, kind),
        auth: this.authHeader(operation, kind === 'auth' || kind === 'chaos'),
        extraQuery: kind === 'transport' || kind === 'chaos' ? fc.option(pick(ODD_QUERY_KEYS), { nil: undefined }) : fc.constant(undefined),
        duplicate: kind === 'transport' ? fc.boolean() : fc.constant(false),
      })
      .map(({ target, paramValues, perturbed, body, auth, extraQuery, duplicate }) => {
        const values = params.map((_, index) => {
          if (kind === 'chaos' || (kind === 'boundary' && index === target) || (kind === 'param' && index === target))
            return perturbed[index] as ParamValue;
          return paramValues[index] as ParamValue;
        });
        const perturbedName = target >= 0 ? params[target].name : undefined;
        let strategy: string = kind;
        if ((kind === 'param' || kind === 'boundary') && perturbedName) strategy = `${kind}:${perturbedName}`;
        if (kind === 'body-field' || kind === 'body' || kind === 'content-type') strategy = `${kind}:${body.label}`;
        if (kind === 'auth') strategy = `auth:${auth.label}`;
        if (duplicate && target >= 0 && params[target].in === 'query') {
          const current = values[target].text;
          const extra = (perturbed[target] as ParamValue).text;
          values[target] = { ...values[target], text: [...[current ?? ''].flat(), ...[extra ?? ''].flat()] };
          strategy = `duplicate-query:${params[target].name}`;
        }
        if (extraQuery) strategy += `+query:${extraQuery}`;
        return { values, params, body, auth, extraQuery, strategy };
      });
  }

  /** A path or query value: `valid` (fixture value or schema-valid), `boundary` or `hostile`. */
  private paramValue(param: ParameterObject, kind: 'valid' | 'boundary' | 'hostile'): fc.Arbitrary<ParamValue> {
    const schema = this.values.flatten(param.schema);
    const list = param.in === 'query' && schema.type === 'array';
    const text = (arb: fc.Arbitrary<JsonLike>): fc.Arbitrary<ParamValue> =>
      list
        ? fc.tuple(arb, ARRAY_FORMS).map(([value, form]) => arrayParam(param, value, form))
        : arb.map((value): ParamValue => ({ text: asText(value) }));
    if (kind === 'boundary' && list) {
      // Besides the schema's boundary lists, a valid list written as JSON text (`users=[1,2]`): no documented form.
      const json = this.values.valid(schema, param.name).map((value): ParamValue => ({ text: serializeJson(value) }));
      return fc.oneof({ weight: 3, arbitrary: text(this.values.boundary(schema)) }, { weight: 1, arbitrary: json });
    }
    if (kind === 'valid') {
      const valid = text(this.values.valid(schema, param.name));
      if (param.required || param.in === 'path') return valid;
      return fc.oneof({ weight: 3, arbitrary: valid }, { weight: 2, arbitrary: fc.constant<ParamValue>({ text: undefined }) });
    }
    if (kind === 'boundary') return text(this.values.boundary(schema));
    const hinted = this.values.hintFor(param.name);
    const numeric = schema.type === 'integer' || schema.type === 'number';
    const spellings = [...(hinted.length ? hinted : ['2']).flatMap(oddSpellings), ...(numeric ? ODD_INTEGERS : [])];
    return fc.oneof(
      { weight: numeric || hinted.length ? 4 : 1, arbitrary: pick(spellings).map((value): ParamValue => ({ text: value })) },
      { weight: 3, arbitrary: pick(HOSTILE_STRINGS).map((value): ParamValue => ({ text: value })) },
      { weight: 2, arbitrary: pick(RAW_ESCAPES).map((value): ParamValue => ({ text: value, raw: true })) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }).map((value): ParamValue => ({ text: value })) },
      { weight: 1, arbitrary: fc.constant<ParamValue>({ text: undefined }) },
    );
  }

  private bodyDraft(operation: Operation, kind: Mode): fc.Arbitrary<BodyDraft> {
    const content = operation.operation.requestBody?.content ?? {};
    const types = Object.keys(content);
    if (types.length === 0) {
      // Operations without a body: now and then a JSON body anyway (DELETE may carry one; workspace_id may
      // travel in the body on every operation).
      if (kind !== 'transport' && kind !== 'chaos') return fc.constant({ label: 'none' });
      return fc.oneof(
        fc.constant<BodyDraft>({ label: 'none' }),
        fc
          .record({ workspace_id: this.values.valid({ type: 'integer', minimum: 1 }, 'workspace_id') })
          .map((value): BodyDraft => ({ label: 'json-workspace_id', contentType: 'application/json', text: serializeJson(value) })),
        this.values
          .hostile()
          .map((value): BodyDraft => ({ label: 'json-hostile', contentType: 'application/json', text: serializeJson(value) })),
      );
    }
    const jsonType = types.find((type) => mediaType(type) === 'application/json') ?? types[0];
    const schema = this.values.flatten(content[jsonType].schema);
    const declared = pick(types);
    const valid = this.values.valid(schema);
    const properties = Object.keys((schema.properties ?? {}) as Record<string, unknown>);

    if (kind === 'body-field') {
      const fields = [...properties, '__proto__', 'constructor', 'workspace_id'];
      return fc
        .record({
          object: valid,
          field: pick(fields),
          boundary: fc.boolean(),
          declaredType: declared,
        })
        .chain(({ object, field, boundary, declaredType }) => {
          const sub = ((schema.properties ?? {}) as Record<string, SchemaObject>)[field];
          const arb = boundary && sub ? this.values.boundary(sub) : this.values.hostile();
          return arb.map((value): BodyDraft => {
            const merged = { ...(object as Record<string, JsonLike>), [field]: value };
            return { label: `${field}${boundary ? '(boundary)' : ''}`, contentType: declaredType, text: this.encode(declaredType, merged) };
          });
        });
    }
    if (kind === 'body') {
      const nested: [string, string][] = [
        ['nested-array', deeplyNested(NESTING_DEPTH, 'array').text],
        ['nested-object', deeplyNested(NESTING_DEPTH, 'object').text],
        ['nested-object-in-field', `{"name":"x","notes":${deeplyNested(NESTING_DEPTH, 'object').text}}`],
        ['nested-array-in-field', `{"name":"x","notes":${deeplyNested(NESTING_DEPTH, 'array').text}}`],
        ['nested-in-unknown-field', `{"name":"x","extra":${deeplyNested(NESTING_DEPTH * 5, 'object').text}}`],
      ];
      const odd: [string, string][] = [
        ['json-null', 'null'],
        ['json-array', '[]'],
        ['json-string', '"name"'],
        ['json-number', '42'],
        ['json-true', 'true'],
        ['empty', ''],
        ['whitespace', '  \n'],
        ['truncated', '{"name":"x"'],
        ['trailing-garbage', '{"name":"x"} x'],
        ['duplicate-keys', '{"name":"a","name":"b"}'],
        ['bom', '\uFEFF{"name":"x"}'],
        ['nul-in-string', '{"name":"a\\u0000b"}'],
        ['huge-string', `{"name":"${'x'.repeat(2_000_000)}"}`],
        ['proto', '{"__proto__":{"admin":true},"name":"x"}'],
      ];
      const jsonTypes = types.filter((t) => mediaType(t) === 'application/json');
      return fc
        .record({
          entry: fc.oneof({ weight: 2, arbitrary: pick(nested) }, { weight: 3, arbitrary: pick(odd) }),
          declaredType: pick(jsonTypes.length ? jsonTypes : types),
        })
        .map(({ entry, declaredType }): BodyDraft => ({ label: entry[0], contentType: declaredType, text: entry[1] }));
    }
    if (kind === 'content-type') {
      const undeclared = [
        'text/plain',
        'application/xml',
        'text/xml',
        'multipart/form-data; boundary=x',
        'application/octet-stream',
        'application/vnd.api+json',
        'text/html',
        '',
        'application/json, text/plain',
        'application/x-www-form-urlencoded',
        'application/json; charset=utf-16le',
        'application/JSON',
        'APPLICATION/JSON; charset=UTF-8',
      ];
      return fc
        .record({ object: valid, contentType: pick(undeclared), missing: fc.boolean() })
        .map(({ object, contentType, missing }): BodyDraft => {
          const json = serializeJson(object);
          const text = contentType.includes('xml')
            ? `<?xml version="1.0"?><body><name>x</name></body>`
            : contentType.startsWith('multipart')
              ? `--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--x--\r\n`
              : json;
          if (missing && contentType === 'text/plain') return { label: 'no-content-type', contentType: undefined, text: json };
          return { label: contentType || 'empty-content-type', contentType, text };
        });
    }
    // valid, boundary (params), transport, chaos, auth: a valid body in a declared type (chaos: anything).
    const bodyValue = kind === 'chaos' ? fc.oneof(valid, this.values.hostile()) : valid;
    return fc.record({ object: bodyValue, declaredType: declared }).map(({ object, declaredType }): BodyDraft => ({
      label: 'valid',
      contentType: declaredType,
      text: this.encode(declaredType, object),
    }));
  }

  private encode(contentType: string, value: JsonLike): string {
    if (mediaType(contentType) !== 'application/x-www-form-urlencoded') return serializeJson(value);
    if (value === null || typeof value !== 'object' || value instanceof RawJson || Array.isArray(value)) return asText(value);
    const form = new URLSearchParams();
    for (const [key, item] of Object.entries(value)) {
      if (Array.isArray(item)) for (const element of item) form.append(`${key}[]`, asText(element));
      else if (item !== null) form.append(key, asText(item));
    }
    return form.toString();
  }

  private authHeader(operation: Operation, vary: boolean): fc.Arbitrary<AuthDraft> {
    const secured = requiresCredential(operation);
    const creds = () => this.credentials();
    const variants: fc.Arbitrary<AuthDraft>[] = [];
    const live = fc.constant<AuthDraft>({ label: 'owner', credential: 'valid', value: () => `Bearer ${creds().ownerToken}` });
    if (secured && !vary) return live;
    const none = fc.constant<AuthDraft>({ label: 'none', credential: 'invalid', value: () => undefined });
    const basicHostile = fc
      .tuple(pick([...HOSTILE_STRINGS.filter((s) => s.length < 300), '%zz', '%', '%E0%A4%A']), pick(['%zz', '', 'x', '%']))
      .map(([user, pass]): AuthDraft => ({
        label: 'basic-hostile',
        credential: 'invalid',
        value: () => `Basic ${b64(`${user}:${pass}`)}`,
      }));
    const basicGarbage = pick([
      'Basic',
      'Basic ',
      'Basic !!!',
      `Basic ${b64('nocolon')}`,
      `Basic ${b64(':')}`,
      `Basic ${b64('\u0000:\u0000')}`,
      'Basic JXp6OiV6eg==',
    ]).map((value): AuthDraft => ({ label: 'basic-garbage', credential: 'invalid', value: () => value }));
    const garbageBearer = pick(ASCII_GARBAGE).map((token): AuthDraft => ({
      label: 'bearer-garbage',
      credential: 'invalid',
      value: () => `Bearer ${token}`,
    }));
    const dead = fc.nat().map((n): AuthDraft => ({
      label: 'bearer-dead',
      credential: 'invalid',
      value: () => `Bearer ${creds().deadTokens[n % creds().deadTokens.length]}`,
    }));
    const scheme = pick(['Token', 'Bearer:', 'Bearerx']).map((word): AuthDraft => ({
      label: 'wrong-scheme',
      credential: 'invalid',
      value: () => `${word} ${creds().ownerToken}`,
    }));
    const suffix = pick(['x', '=', '%00']).map((tail): AuthDraft => ({
      label: 'bearer-altered',
      credential: 'invalid',
      value: () => `Bearer ${creds().ownerToken}${tail}`,
    }));
    const lower = fc.constant<AuthDraft>({ label: 'lowercase-scheme', credential: undefined, value: () => `bearer ${creds().ownerToken}` });
    const outsider = fc.constant<AuthDraft>({ label: 'outsider', credential: undefined, value: () => `Bearer ${creds().outsiderToken}` });
    const basicValid = fc.nat().map((n): AuthDraft => ({
      label: 'basic-client',
      credential: undefined,
      value: () => `Basic ${b64(creds().clientCredentials[n % creds().clientCredentials.length])}`,
    }));
    if (secured) variants.push(none, garbageBearer, dead, scheme, suffix, lower, outsider, basicHostile, basicGarbage);
    else
      variants.push(
        none,
        none,
        basicValid,
        basicValid,
        basicHostile,
        basicGarbage,
        live.map((draft) => ({ ...draft, credential: undefined })),
      );
    return fc.oneof(...variants);
  }

  private finish(operation: Operation, draft: Draft, secured: boolean): FuzzRequest {
    let path = operation.path;
    const query: string[] = [];
    draft.params.forEach((param, index) => {
      const { text, raw, key } = draft.values[index];
      const encode = (value: string) => (raw ? value : encodeLoosely(value));
      // The bracket form's key goes out as clients write it (`users[]`), not as `users%5B%5D`.
      const name = key ?? encodeURIComponent(param.name);
      if (param.in === 'path') path = path.replace(`{${param.name}}`, encode(typeof text === 'string' ? text : (text ?? []).join(',')));
      else if (text !== undefined) for (const value of [text].flat()) query.push(`${name}=${encode(value)}`);
    });
    if (draft.extraQuery) query.push(draft.extraQuery);
    const headers: Record<string, string> = {};
    if (draft.body.contentType !== undefined && draft.body.text !== undefined) headers['content-type'] = draft.body.contentType;
    return {
      operationId: operation.operationId,
      method: operation.method,
      url: query.length ? `${path}?${query.join('&')}` : path,
      headers,
      body: draft.body.text,
      strategy: draft.strategy,
      credential: secured ? draft.auth.credential : undefined,
      authorization: draft.auth.value,
      authLabel: draft.auth.label,
    };
  }

  /**
   * Why the request breaks the document's parameter and JSON-body rules (empty: it does not, or it cannot be
   * judged, e.g. form bodies the server coerces). A 2xx for a request with reasons is a finding.
   */
  violations(operation: Operation, request: FuzzRequest): string[] {
    const reasons: string[] = [];
    const template = operation.path.split('/');
    const actual = request.url.split('?')[0].split('/');
    for (const param of operation.operation.parameters ?? []) {
      const schema = this.values.flatten(param.schema);
      let values: string[];
      if (param.in === 'path') {
        const raw = actual[template.indexOf(`{${param.name}}`)];
        try {
          values = [decodeURIComponent(raw ?? '')];
        } catch {
          reasons.push(`${param.name}: broken percent-encoding`);
          continue;
        }
      } else if (param.in === 'query') {
        // An empty query value counts as absent (conventions.md).
        values = rawQueryValues(request.url, param.name).filter((value) => value !== '');
        if (schema.type === 'array') {
          values.push(...rawQueryValues(request.url, `${param.name}[]`).filter((value) => value !== ''));
          if (values.length === 0 && param.required) reasons.push(`${param.name}: required`);
          if (values.length) reasons.push(...this.listViolations(param, schema, values));
          continue;
        }
      } else continue;
      if (values.length === 0) {
        if (param.required) reasons.push(`${param.name}: required`);
        continue;
      }
      if (values.length > 1 && schema.type !== 'array') {
        reasons.push(`${param.name}: repeated`);
        continue;
      }
      const parsed = parseParameter(schema, values[0]);
      if (parsed === INVALID) reasons.push(`${param.name}: ${JSON.stringify(values[0])} is not a ${String(schema.type)}`);
      else reasons.push(...this.doc.check(schema, parsed).map((error) => `${param.name}: ${error}`));
    }
    const body = operation.operation.requestBody;
    if (body?.content) {
      const type = mediaType(request.headers['content-type']);
      const declared = type ? declaredMediaType(body.content, type) : undefined;
      const empty = request.body === undefined || request.body.trim() === '';
      if (empty && body.required) reasons.push('body: required');
      else if (!empty && declared && mediaType(declared) === 'application/json') {
        try {
          // RFC 8259 §8.1: a parser may ignore a leading byte order mark.
          const value: unknown = JSON.parse(request.body!.replace(/^\uFEFF/, ''));
          const schema = body.content[declared].schema;
          if (schema) reasons.push(...this.doc.check(schema, value).map((error) => `body${error}`));
        } catch {
          reasons.push('body: not JSON');
        }
      }
    }
    return reasons;
  }

  /**
   * An array query parameter's values, from its own key and its bracket key: the key may repeat (the document's
   * form + explode) and each value may hold comma-separated items (conventions.md), spaces around them allowed.
   */
  private listViolations(param: ParameterObject, schema: SchemaObject, values: string[]): string[] {
    const itemSchema = this.values.flatten(schema.items as SchemaObject | undefined);
    const items = values.flatMap((value) => value.split(',')).map((item) => item.trim());
    const parsed = items.map((item) => parseParameter(itemSchema, item));
    const broken = items.find((_, index) => parsed[index] === INVALID);
    if (broken !== undefined) return [`${param.name}: item ${JSON.stringify(broken)} is not a ${String(itemSchema.type)}`];
    return this.doc.check(schema, parsed).map((error) => `${param.name}: ${error}`);
  }
}

type Mode = 'valid' | 'boundary' | 'param' | 'body-field' | 'body' | 'content-type' | 'transport' | 'chaos' | 'auth';

interface BodyDraft {
  label: string;
  contentType?: string;
  text?: string;
}

interface AuthDraft {
  label: string;
  credential: 'valid' | 'invalid' | undefined;
  value: () => string | undefined;
}

interface Draft {
  values: ParamValue[];
  params: ParameterObject[];
  body: BodyDraft;
  auth: AuthDraft;
  extraQuery: string | undefined;
  strategy: string;
}

const INVALID = Symbol('invalid');

/** Query and path text read as the schema's type, strictly: `2.0`, `+2`, `0x2`, ` 2` are not integers. */
function parseParameter(schema: SchemaObject, text: string): unknown {
  switch (schema.type) {
    case 'integer':
      return /^-?\d+$/.test(text) ? Number(text) : INVALID;
    case 'number':
      return /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) ? Number(text) : INVALID;
    case 'boolean':
      return ['true', '1'].includes(text) ? true : ['false', '0'].includes(text) ? false : INVALID;
    default:
      return text;
  }
}

function rawQueryValues(url: string, name: string): string[] {
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  const values: string[] = [];
  for (const pair of query.split('&')) {
    const index = pair.indexOf('=');
    const key = index < 0 ? pair : pair.slice(0, index);
    if (safeDecode(key) !== name) continue;
    values.push(safeDecode(index < 0 ? '' : pair.slice(index + 1)) ?? '\u0000broken-escape');
  }
  return values;
}

/** encodeURIComponent, except that lone surrogates go out as their WTF-8 bytes instead of throwing. */
function encodeLoosely(text: string): string {
  return text.replace(/[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]|[^\ud800-\udfff]+/g, (part) => {
    if (part.length > 1 || part.charCodeAt(0) < 0xd800 || part.charCodeAt(0) > 0xdfff) return encodeURIComponent(part);
    const code = part.charCodeAt(0);
    return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
      .map((byte) => `%${byte.toString(16).toUpperCase()}`)
      .join('');
  });
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

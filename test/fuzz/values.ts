import fc from 'fast-check';
import type { OpenApiDocumentIndex, SchemaObject } from '../support/openapi-document';

/**
 * Values derived from OpenAPI schemas: valid ones (so requests reach the handlers), boundary ones and hostile
 * ones. Nothing here knows an operation; names only select fixture values ("hints": workspace_id → the
 * fuzzing workspace) when the fixture has some.
 */

/** A number token written as-is into a JSON body (`-0`, `1e-7`, `9007199254740993` survive only as text). */
export class RawJson {
  constructor(readonly text: string) {}
}

export type JsonLike = null | boolean | number | string | RawJson | JsonLike[] | { [key: string]: JsonLike };

/** Fixture values by parameter or property name (ids of the fuzzing workspace's rows, its OAuth app, ...). */
export type Hints = Record<string, readonly string[]>;

export const NESTING_DEPTH = 2000;

const repeat = (text: string, times: number): string => text.repeat(times);

export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '   ',
  '\u0000',
  'a\u0000b',
  "'; DROP TABLE projects;--",
  "' OR '1'='1",
  '" OR 1=1 --',
  '%',
  '%%',
  '_',
  '\\',
  '$(id)',
  '`id`',
  '; ls -la',
  '| cat /etc/passwd',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%00',
  '%zz',
  '%2e%2e%2f',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '${7*7}',
  '__proto__',
  'constructor',
  '\u202egnp.exe',
  '\uFEFFbom',
  '\ud800',
  '\udfff\ud800',
  'Ω≈ç√∫',
  '𝕏𝕐ℤ',
  'ﷺ',
  '👩‍👩‍👧‍👦',
  'e\u0301',
  '\r\nX-Injected: 1',
  '\t',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-Infinity',
  'true',
  '[]',
  '{}',
  '0000-01-01',
  '2024-02-30',
  '2023-02-29',
  '2024-13-01',
  '2024-00-10',
  '9999-12-31',
  '10000-01-01',
  '-0001-01-01',
  '2024-1-5',
  '2024-01-15T09:00:00',
  '2024-01-15T25:00:00Z',
  '1e-7',
  '1e308',
  'x'.repeat(255),
  'x'.repeat(256),
  'é'.repeat(256),
  '𝕏'.repeat(200),
  repeat('a', 65_536),
];

export const HOSTILE_NUMBERS: readonly RawJson[] = [
  '0',
  '-0',
  '-1',
  '1e308',
  '-1e308',
  '1e309',
  '1e-7',
  '1E-7',
  '5e-324',
  '9007199254740993',
  '-9007199254740993',
  '2147483648',
  '123456789012345678901234567890',
  '0.1',
  '1.5',
  '2.0',
  '2e0',
  '1.9999999999999999',
].map((text) => new RawJson(text));

const EXOTIC_NUMBERS: readonly RawJson[] = ['1e-7', '1E-7', '5e-324', '1e2', '0.5e1', '-0', '1.0', '100.00', '1e0'].map(
  (text) => new RawJson(text),
);

/** Valid dates, ordered by what the name suggests, so `start_date` ≤ `deadline` (and `date_from` ≤ `date_to`) mostly hold. */
function dateRange(name: string | undefined): { min: Date; max: Date } {
  if (name && /start|from|begin/i.test(name)) return { min: new Date('2000-01-01T00:00:00Z'), max: new Date('2020-12-31T00:00:00Z') };
  if (name && /end|deadline|until|to$/i.test(name)) return { min: new Date('2021-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z') };
  return { min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z') };
}

/** Spellings of an integer that are not its canonical decimal form (for ids: must never reach the row). */
export function oddSpellings(id: string): string[] {
  const n = Number(id);
  return [
    `0x${n.toString(16)}`,
    `0X${n.toString(16)}`,
    `0b${n.toString(2)}`,
    `0o${n.toString(8)}`,
    `+${id}`,
    `${id}.0`,
    `${id}.`,
    `${id}e0`,
    `${id}E0`,
    ` ${id}`,
    `${id} `,
    `\t${id}`,
    `${id}\n`,
    `${id}\u0000`,
    `${n - 1}.9999999999999999`,
    `${id}n`,
    `${id}_`,
    `1_${id}`,
    `${id};`,
    `${id},${id}`,
    `-${id}`,
    `${id}abc`,
    `\uFF10${[...id].map((digit) => String.fromCharCode(0xff10 + Number(digit))).join('')}`,
    [...id].map((digit) => String.fromCharCode(0x0660 + Number(digit))).join(''),
    `${'0'.repeat(400)}${id}`,
    '9'.repeat(400),
  ];
}

export const ODD_INTEGERS: readonly string[] = [
  '0',
  '-0',
  '-1',
  '2147483647',
  '2147483648',
  '4294967296',
  '9007199254740993',
  '1e308',
  '1e-7',
  'NaN',
  'Infinity',
  '',
];

/** A JSON value nested `depth` levels deep (arrays or objects). */
export function deeplyNested(depth: number, shape: 'array' | 'object'): RawJson {
  return new RawJson(shape === 'array' ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
}

export function serializeJson(value: JsonLike | undefined): string {
  if (value === undefined) return '';
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map((item) => serializeJson(item)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}:${serializeJson(item)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The value as query-string or form text. */
export function asText(value: JsonLike): string {
  if (value instanceof RawJson) return value.text;
  if (typeof value === 'string') return value;
  return serializeJson(value);
}

const hostileJsonValue = (): fc.Arbitrary<JsonLike> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom<JsonLike>(...HOSTILE_STRINGS) },
    { weight: 3, arbitrary: fc.constantFrom<JsonLike>(...HOSTILE_NUMBERS) },
    { weight: 1, arbitrary: fc.constantFrom<JsonLike>(null, true, false, [], {}, [1, 2], { a: 1 }, ['x'], [null]) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<JsonLike>(
        deeplyNested(NESTING_DEPTH, 'array'),
        deeplyNested(NESTING_DEPTH, 'object'),
        deeplyNested(64, 'object'),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<JsonLike>(
        new Array(5000).fill('x'),
        Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, i])),
      ),
    },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  );

/** OpenAPI schema → arbitraries; resolves `$ref` and `allOf` through the document. */
export class SchemaValues {
  constructor(
    private readonly doc: OpenApiDocumentIndex,
    private readonly hints: () => Hints,
  ) {}

  /** Follows `$ref` and single-member `allOf`, merging sibling keywords (`nullable`, `default`). */
  flatten(schema: SchemaObject | undefined): SchemaObject {
    let current: SchemaObject = schema ?? {};
    for (let depth = 0; depth < 10; depth++) {
      if (typeof current.$ref === 'string') {
        const { $ref: _ref, ...rest } = current;
        current = { ...this.doc.resolve<SchemaObject>({ $ref: current.$ref }), ...rest };
      } else if (Array.isArray(current.allOf)) {
        const { allOf, ...rest } = current;
        current = Object.assign({}, ...(allOf as SchemaObject[]).map((part) => this.flatten(part)), rest);
      } else break;
    }
    return current;
  }

  hintFor(name: string | undefined): readonly string[] {
    return name ? (this.hints()[name] ?? []) : [];
  }

  /** A value the schema admits (and, for a hinted name, usually the fixture's value). */
  valid(schema: SchemaObject | undefined, name?: string, depth = 0): fc.Arbitrary<JsonLike> {
    const s = this.flatten(schema);
    const base = this.validByType(s, depth, name);
    const hinted = this.hintFor(name);
    const withNull = s.nullable === true ? fc.oneof({ weight: 5, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) }) : base;
    if (hinted.length === 0) return withNull;
    // A list (the reports' `project_id=10,11`, an OAuth app's `redirect_uris`) takes a hinted value as a one-item list.
    const scalar = (value: string, type: unknown): JsonLike => (type === 'integer' || type === 'number' ? Number(value) : value);
    const items = s.type === 'array' ? this.flatten(s.items as SchemaObject) : undefined;
    const typed = hinted.map((value): JsonLike => (items ? [scalar(value, items.type)] : scalar(value, s.type)));
    return fc.oneof({ weight: 6, arbitrary: fc.constantFrom<JsonLike>(...typed) }, { weight: 1, arbitrary: withNull });
  }

  private validByType(s: SchemaObject, depth: number, name: string | undefined): fc.Arbitrary<JsonLike> {
    if (Array.isArray(s.enum)) return fc.constantFrom<JsonLike>(...(s.enum as JsonLike[]));
    const min = typeof s.minimum === 'number' ? s.minimum : undefined;
    const max = typeof s.maximum === 'number' ? s.maximum : undefined;
    switch (s.type) {
      case 'integer': {
        const lo = min ?? -1000;
        const hi = max ?? Math.max(lo + 1000, 1000);
        return fc.oneof(
          { weight: 4, arbitrary: fc.integer({ min: Math.max(lo, -(2 ** 31)), max: Math.min(hi, 2 ** 31 - 1) }) },
          { weight: 1, arbitrary: fc.constantFrom(lo, Math.min(hi, Number.MAX_SAFE_INTEGER)) },
        );
      }
      case 'number': {
        const lo = min ?? -1e6;
        const hi = max ?? 1e6;
        const inRange = (value: number) => value >= lo && value <= hi;
        // Exponent notation and signed zero are valid JSON numbers; servers tend to mishandle them.
        const exotic = EXOTIC_NUMBERS.filter((raw) => inRange(Number(raw.text)));
        const decimals = fc
          .integer({ min: Math.ceil(Math.max(lo, -1e9) * 100), max: Math.floor(Math.min(hi, 1e9) * 100) })
          .map((cents) => cents / 100);
        return fc.oneof(
          { weight: 3, arbitrary: fc.integer({ min: Math.ceil(Math.max(lo, -1e9)), max: Math.floor(Math.min(hi, 1e9)) }) },
          { weight: 2, arbitrary: decimals },
          { weight: exotic.length ? 2 : 0, arbitrary: exotic.length ? fc.constantFrom<JsonLike>(...exotic) : fc.constant(lo) },
          { weight: 1, arbitrary: fc.constantFrom(lo, hi) },
        );
      }
      case 'boolean':
        return fc.boolean();
      case 'array': {
        const maxItems = typeof s.maxItems === 'number' ? Math.min(s.maxItems, 5) : 3;
        return fc.array(this.valid(s.items as SchemaObject, undefined, depth + 1), { maxLength: maxItems });
      }
      case 'object':
        return this.validObject(s, depth);
      case 'string':
      default:
        return this.validString(s, name);
    }
  }

  private validString(s: SchemaObject, name: string | undefined): fc.Arbitrary<JsonLike> {
    const minLength = typeof s.minLength === 'number' ? s.minLength : 0;
    const maxLength = typeof s.maxLength === 'number' ? s.maxLength : 64;
    switch (s.format) {
      case 'date':
        return fc.date({ ...dateRange(name), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      case 'date-time':
        return fc.date({ ...dateRange(name), noInvalidDate: true }).map((d) => d.toISOString());
      case 'uri':
        return fc.webUrl();
      case 'email':
        return fc.emailAddress();
      default: {
        const lo = Math.min(Math.max(minLength, 1), maxLength);
        return fc.oneof(
          { weight: 4, arbitrary: fc.string({ minLength: lo, maxLength: Math.max(lo, Math.min(maxLength, lo + 40)) }) },
          { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: lo, maxLength: Math.max(lo, Math.min(maxLength, lo + 20)) }) },
          { weight: 1, arbitrary: fc.constantFrom('x'.repeat(lo), 'x'.repeat(Math.min(maxLength, 65_535))) },
        );
      }
    }
  }

  private validObject(s: SchemaObject, depth: number): fc.Arbitrary<JsonLike> {
    const properties = (s.properties ?? {}) as Record<string, SchemaObject>;
    const required = new Set((s.required as string[] | undefined) ?? []);
    if (depth > 3) return fc.constant({});
    const record: Record<string, fc.Arbitrary<JsonLike>> = {};
    for (const [name, sub] of Object.entries(properties)) record[name] = this.valid(sub, name, depth + 1);
    return fc.record(record, { requiredKeys: [...required].filter((name) => name in properties) }) as fc.Arbitrary<JsonLike>;
  }

  /** Values just inside and just outside the schema's bounds. */
  boundary(schema: SchemaObject | undefined): fc.Arbitrary<JsonLike> {
    const s = this.flatten(schema);
    const out: JsonLike[] = [];
    if (s.type === 'integer' || s.type === 'number') {
      if (typeof s.minimum === 'number') out.push(s.minimum, s.minimum - 1, new RawJson(`${s.minimum}.5`));
      if (typeof s.maximum === 'number') out.push(s.maximum, s.maximum + 1, new RawJson(`${s.maximum}0`));
      out.push(0, -1, 2 ** 31 - 1, 2 ** 31, new RawJson('-0'), new RawJson('1e-7'));
    } else if (s.type === 'string' || s.type === undefined) {
      if (typeof s.minLength === 'number') out.push('x'.repeat(s.minLength), s.minLength > 0 ? 'x'.repeat(s.minLength - 1) : '');
      if (typeof s.maxLength === 'number') out.push('x'.repeat(s.maxLength), 'x'.repeat(s.maxLength + 1), '𝕏'.repeat(s.maxLength));
      if (Array.isArray(s.enum)) out.push(...(s.enum as string[]).map((value) => String(value).toUpperCase()), ` ${String(s.enum[0])}`);
      // The ends of the calendar and of the server's supported range (1900-01-01 to 2999-12-31), either side.
      if (s.format === 'date')
        out.push(
          ...['0000-01-01', '0001-01-01', '1899-12-31', '1900-01-01', '2999-12-31', '3000-01-01', '9999-12-31'],
          ...['2024-02-30', '2024-02-29', '1969-12-31', '2024-01-15T00:00:00Z'],
        );
      if (s.format === 'date-time')
        out.push(
          '2024-01-15T09:00:00',
          '2024-01-15T09:00:00+25:00',
          '0000-01-01T00:00:00Z',
          '9999-12-31T23:00:00-12:00',
          '2024-02-30T00:00:00Z',
        );
      if (s.format === 'uri')
        out.push('not a uri', 'javascript:alert(1)', 'http://', '//evil.example/cb', 'http://127.0.0.1:9/callback#frag');
      out.push('');
    } else if (s.type === 'array') {
      out.push([], new Array((typeof s.maxItems === 'number' ? s.maxItems : 100) + 1).fill('x'), [null], 'not-an-array');
    } else if (s.type === 'boolean') {
      out.push('true', 1, 0, 'yes', null);
    }
    out.push(null);
    return fc.constantFrom(...out);
  }

  /** Anything at all: wrong types, huge and deeply nested values, odd unicode. */
  hostile(): fc.Arbitrary<JsonLike> {
    return hostileJsonValue();
  }
}

import { createHash } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { openApiDocument, Operation } from '../support/openapi-document';
import { summarise, takeViolations, validationMode } from '../support/response-validation';
import { createListeningTestApp, TestApp } from '../support/test-app';
import { FuzzFixture } from './fixture';
import { checkResponse, Finding, FuzzResponse } from './oracles';
import { FuzzRequest, RequestGenerator } from './requests';
import { changedTables, Snapshot, snapshotQuery, takeSnapshot } from './snapshot';

/**
 * Spec-driven fuzzing: for every operation of openapi/openapi.json (no list of our own), requests generated
 * from its parameters and request-body schemas (valid, boundary and hostile values, wrong content types and
 * credentials) go through the real app as the workspace Owner. It fails on any 5xx, any error body that is
 * not ours, any response the document does not declare, any 2xx for input the document rules out, and any
 * data change after a 4xx.
 *
 * FUZZ_RUNS (total requests, default 5000), FUZZ_SEED (default fixed), FUZZ_OPERATION (operationId regex),
 * FUZZ_INDEX (replay one request of that operation).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const RUNS = Number(process.env.FUZZ_RUNS ?? 5000);
const ONLY = process.env.FUZZ_OPERATION ? new RegExp(process.env.FUZZ_OPERATION) : undefined;
const INDEX = process.env.FUZZ_INDEX === undefined ? undefined : Number(process.env.FUZZ_INDEX);
const VERBOSE = process.env.FUZZ_VERBOSE === '1';
const MAX_EXAMPLES = 120;
/** Examples shown per oracle, operation and status, each for a different strategy. */
const EXAMPLES_PER_GROUP = 3;

/** Each operation draws from its own seed, so adding an operation does not change the others' requests. */
const operationSeed = (operationId: string): number => (SEED ^ createHash('sha256').update(operationId).digest().readInt32BE(0)) | 0;

interface Failure {
  finding: Finding;
  operation: Operation;
  request: FuzzRequest;
  authorization: string | undefined;
  index: number;
  response: FuzzResponse;
  count: number;
}

interface Row {
  operation: Operation;
  sent: number;
  byClass: Record<string, number>;
  findings: number;
}

const excerpt = (text: string | undefined, length: number): string =>
  text === undefined
    ? '(none)'
    : `${JSON.stringify(text.length > length ? `${text.slice(0, length)}…` : text)}${text.length > length ? ` (${text.length} chars)` : ''}`;

function reproduction(failure: Failure): string {
  const { request, response, operation, index } = failure;
  const headers = {
    ...request.headers,
    ...(failure.authorization ? { authorization: `${failure.authorization.slice(0, 24)}… (${request.authLabel})` } : {}),
  };
  return [
    `  [${failure.finding.oracle}] ${operation.operationId} → ${response.status} ×${failure.count}: ${failure.finding.detail.slice(0, 300)}`,
    `      ${request.method} ${excerpt(request.url, 300)}`,
    `      headers ${JSON.stringify(headers)}`,
    `      body ${excerpt(request.body, 200)}`,
    `      strategy ${request.strategy}; response ${excerpt(response.body, 200)}`,
    `      replay: FUZZ_SEED=${SEED} FUZZ_OPERATION='^${operation.operationId}$' FUZZ_INDEX=${index} npm run fuzz`,
  ].join('\n');
}

function table(rows: Row[], seconds: number): string {
  const header = ['operation', 'route', 'sent', '2xx', '3xx', '4xx', '5xx', 'findings'];
  const lines = rows.map((row) => [
    row.operation.operationId,
    `${row.operation.method} ${row.operation.path}`,
    String(row.sent),
    ...['2xx', '3xx', '4xx', '5xx'].map((c) => String(row.byClass[c] ?? 0)),
    String(row.findings),
  ]);
  const total = rows.reduce((sum, row) => sum + row.sent, 0);
  lines.push([
    'total',
    `${rows.length} operations, ${seconds.toFixed(1)} s`,
    String(total),
    ...['2xx', '3xx', '4xx', '5xx'].map((c) => String(rows.reduce((s, r) => s + (r.byClass[c] ?? 0), 0))),
    String(rows.reduce((s, r) => s + r.findings, 0)),
  ]);
  const widths = header.map((_, i) => Math.max(header[i].length, ...lines.map((line) => line[i].length)));
  const format = (cells: string[]) => cells.map((cell, i) => (i >= 2 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ');
  return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format)].join('\n');
}

/**
 * Raw node:http against the listening app: the path and headers go out byte for byte (no client-side URL
 * normalisation), and the in-process response validation hook still sees every response.
 */
function send(baseUrl: URL, agent: Agent, request: FuzzRequest, headers: Record<string, string>): Promise<FuzzResponse> {
  return new Promise((resolve, reject) => {
    const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
    const outgoing = httpRequest(
      {
        host: baseUrl.hostname,
        port: baseUrl.port,
        method: request.method,
        path: request.url,
        agent,
        headers: { ...headers, ...(body ? { 'content-length': String(body.length) } : {}) },
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

describe('Spec-driven fuzzing of every operation in openapi/openapi.json (e2e)', () => {
  let t: TestApp;
  let baseUrl: URL;
  let fixture: FuzzFixture;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });

  beforeAll(async () => {
    const listening = await createListeningTestApp();
    t = listening;
    baseUrl = new URL(listening.baseUrl);
    fixture = new FuzzFixture(t);
    await fixture.build();
  });
  afterAll(async () => {
    agent.destroy();
    await t.close();
  });

  it('sees a write in the data snapshot, but not token usage', async () => {
    const query = await snapshotQuery(t.dataSource);
    const before = await takeSnapshot(t.dataSource, query);
    const response = await send(baseUrl, agent, { method: 'GET', url: '/api/v2/workspaces' } as FuzzRequest, {
      authorization: `Bearer ${fixture.credentials.ownerToken}`,
    });
    expect(response.status).toBe(200);
    expect(changedTables(before, await takeSnapshot(t.dataSource, query))).toEqual([]);
    // A real change to a row of its own (other suites share the database and their rows may already match).
    await t.dataSource.query("UPDATE projects SET notes = coalesce(notes, '') || 'changed' WHERE id = (SELECT max(id) FROM projects)");
    expect(changedTables(before, await takeSnapshot(t.dataSource, query))).toEqual([expect.stringMatching(/^projects /)]);
  });

  it(`answers ${RUNS} generated requests (seed ${SEED}) without 5xx, foreign bodies, undeclared responses or writes on 4xx`, async () => {
    const doc = openApiDocument();
    const operations = doc.operations.filter((operation) => !ONLY || ONLY.test(operation.operationId));
    expect(operations.length).toBeGreaterThan(0);
    const perOperation = INDEX !== undefined ? INDEX + 1 : Math.ceil(RUNS / operations.length);
    const generator = new RequestGenerator(
      doc,
      () => fixture.hints,
      () => fixture.credentials,
    );
    const query = await snapshotQuery(t.dataSource);
    /** One entry per oracle, operation and status (the summary), and one example per distinct strategy within it. */
    const failures = new Map<string, Failure>();
    const examples = new Map<string, Failure>();
    const documentViolations: Parameters<typeof summarise>[0] = [];
    const rows: Row[] = [];
    const started = Date.now();
    let before: Snapshot = await takeSnapshot(t.dataSource, query);

    for (const operation of operations) {
      const row: Row = { operation, sent: 0, byClass: {}, findings: 0 };
      rows.push(row);
      const requests = fc.sample(generator.requests(operation), { seed: operationSeed(operation.operationId), numRuns: perOperation });
      for (let index = INDEX ?? 0; index < requests.length; index++) {
        const request = requests[index];
        const authorization = request.authorization();
        const headers = { ...request.headers, ...(authorization !== undefined ? { authorization } : {}) };
        const response = await send(baseUrl, agent, request, headers);
        row.sent++;
        if (VERBOSE)
          process.stdout.write(
            `${operation.operationId}#${index} ${request.strategy} ${request.method} ${excerpt(request.url, 120)} ${excerpt(request.body, 120)} → ${response.status} ${excerpt(response.body, 160)}\n`,
          );
        const statusClass = `${String(response.status)[0]}xx`;
        row.byClass[statusClass] = (row.byClass[statusClass] ?? 0) + 1;

        const findings = checkResponse(operation, request, response, generator.violations(operation, request));
        for (const violation of takeViolations()) {
          documentViolations.push(violation);
          if (validationMode() === 'strict') findings.push({ oracle: `document:${violation.kind}`, detail: violation.detail.join('; ') });
        }
        let after = await takeSnapshot(t.dataSource, query);
        if (response.status >= 400 && response.status < 500) {
          const changed = changedTables(before, after);
          if (changed.length) findings.push({ oracle: 'data-changed-after-4xx', detail: changed.join(', ') });
        }
        if (response.status < 400 && request.method !== 'GET') {
          await fixture.repair();
          after = await takeSnapshot(t.dataSource, query);
        }
        before = after;

        row.findings += findings.length;
        for (const finding of findings) {
          const key = `${finding.oracle} ${operation.operationId} ${response.status} ${finding.oracle.startsWith('document:') ? finding.detail.slice(0, 80) : ''}`;
          const exampleKey = `${key} ${request.strategy.split('+')[0].replace(/\(boundary\)$/, '')}`;
          for (const [map, k] of [
            [failures, key],
            [examples, exampleKey],
          ] as const) {
            const known = map.get(k);
            if (known) known.count++;
            else map.set(k, { finding, operation, request, authorization, index, response, count: 1 });
          }
        }
      }
    }

    const seconds = (Date.now() - started) / 1000;
    const report = [
      `\nFuzzing openapi/openapi.json: seed ${SEED}, ${perOperation} requests per operation (FUZZ_RUNS=${RUNS})`,
      table(rows, seconds),
    ];
    if (documentViolations.length) {
      report.push(
        `\nResponses the document does not declare (${documentViolations.length}, ${validationMode()} mode):\n${summarise(documentViolations)}`,
      );
    }
    // Server defects first, then what the document fails to declare.
    const rank = (f: Failure) => (f.finding.oracle.startsWith('document:') ? 1 : 0);
    const order = (a: Failure, b: Failure) =>
      rank(a) - rank(b) ||
      a.finding.oracle.localeCompare(b.finding.oracle) ||
      a.operation.operationId.localeCompare(b.operation.operationId) ||
      a.response.status - b.response.status;
    const sorted = [...failures.values()].sort(order);
    if (sorted.length) {
      report.push(`\n${sorted.length} distinct finding(s) (oracle, operation, status):`);
      report.push(
        ...sorted.map(
          (f) =>
            `${String(f.count).padStart(6)}  ${f.finding.oracle.padEnd(44)} ${f.operation.operationId.padEnd(30)} ${f.response.status}`,
        ),
      );
      const perGroup = new Map<Failure, number>();
      const shown = [...examples.values()].sort(order).filter((example) => {
        const group = sorted.find(
          (f) =>
            f.finding.oracle === example.finding.oracle &&
            f.operation === example.operation &&
            f.response.status === example.response.status,
        )!;
        perGroup.set(group, (perGroup.get(group) ?? 0) + 1);
        return perGroup.get(group)! <= EXAMPLES_PER_GROUP;
      });
      report.push(
        `\nExamples (first request of up to ${EXAMPLES_PER_GROUP} strategies per finding, ${Math.min(shown.length, MAX_EXAMPLES)} of ${examples.size}):`,
      );
      report.push(...shown.slice(0, MAX_EXAMPLES).map(reproduction));
    }
    process.stdout.write(`${report.join('\n')}\n`);
    expect(
      sorted.map(
        (failure) => `${failure.finding.oracle} ${failure.operation.operationId} ${failure.response.status} (${failure.request.strategy})`,
      ),
    ).toEqual([]);
  }, 900_000);
});

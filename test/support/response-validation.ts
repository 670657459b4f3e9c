import { appendFileSync } from 'node:fs';
import { expect } from '@jest/globals';
import type { FastifyInstance } from 'fastify';
import { openApiDocument } from './openapi-document';
import { validateResponse, Violation } from './response-validator';

/**
 * Every response the in-process app sends during an e2e test is checked against openapi/openapi.json by an
 * onSend hook that createTestApp installs (tests only). Violations are recorded with the running test's name;
 * test/setup/response-validation.ts fails that test in afterEach.
 *
 * RESPONSE_VALIDATION=report prints the violations instead of failing (for working against a document that is
 * known to be behind); strict is the default and what CI runs. RESPONSE_VALIDATION_LOG=<file> also appends
 * every violation as a JSON line, to summarise a whole run.
 *
 * Suites that spawn the built server (test/support/server-process.ts) talk to another process and are not
 * covered by the hook.
 */

export interface RecordedViolation extends Violation {
  test: string;
  method: string;
  url: string;
  body: string;
}

export const validationMode = (): 'strict' | 'report' => (process.env.RESPONSE_VALIDATION === 'report' ? 'report' : 'strict');

let pending: RecordedViolation[] = [];
const seen: RecordedViolation[] = [];

export function installResponseValidation(fastify: FastifyInstance): void {
  const doc = openApiDocument();
  fastify.addHook('onSend', async (request, reply, payload) => {
    const body =
      typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : payload === null || payload === undefined ? '' : undefined;
    let violations: Violation[];
    try {
      violations = validateResponse(doc, {
        method: request.method,
        route: request.routeOptions.url,
        url: request.url,
        status: reply.statusCode,
        headers: reply.getHeaders(),
        body,
      });
    } catch (error) {
      // A bug here must fail the test, never turn the response into a 500.
      violations = [
        {
          kind: 'validator-error',
          operation: `${request.method} ${request.routeOptions.url}`,
          status: reply.statusCode,
          detail: [String(error)],
        },
      ];
    }
    if (violations.length) {
      const test = expect.getState().currentTestName ?? '(outside a test: beforeAll/afterAll)';
      const excerpt = body === undefined ? '(stream)' : body.toString().slice(0, 300);
      for (const violation of violations) pending.push({ ...violation, test, method: request.method, url: request.url, body: excerpt });
    }
    return payload;
  });
}

/** Violations recorded since the last call (the fuzzer takes its own after every request). */
export function takeViolations(): RecordedViolation[] {
  const taken = pending;
  pending = [];
  seen.push(...taken);
  const log = process.env.RESPONSE_VALIDATION_LOG;
  if (log && taken.length) appendFileSync(log, taken.map((violation) => `${JSON.stringify(violation)}\n`).join(''));
  return taken;
}

export function formatViolation(violation: RecordedViolation): string {
  return [
    `  ${violation.method} ${violation.url} → ${violation.status} [${violation.kind}] (operation ${violation.operation})`,
    ...violation.detail.map((line) => `      ${line}`),
    `      body: ${violation.body}`,
  ].join('\n');
}

/** One line per kind and operation, with counts: what a run against the current document reports. */
export function summarise(violations: Pick<Violation, 'kind' | 'operation' | 'status' | 'detail'>[]): string {
  const counts = new Map<string, number>();
  for (const violation of violations) {
    const key = `${violation.kind.padEnd(24)} ${violation.operation} ${violation.status}${violation.kind === 'body-schema' || violation.kind === 'unmatched-route-body' ? `  ${violation.detail[0]}` : ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, count]) => `${String(count).padStart(6)}  ${key}`)
    .join('\n');
}

export function allSeenViolations(): RecordedViolation[] {
  return seen;
}

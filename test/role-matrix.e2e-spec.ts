import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SHORT_NAMES } from './role-matrix/callers';
import { DISAGREEMENTS } from './role-matrix/disagreements';
import { CALLER_KEYS, CallerKey, MatrixRow } from './role-matrix/matrix.types';
import { MATRIX_ROWS } from './role-matrix/rows';
import { runCell } from './role-matrix/run-cell';
import { openApiDocument } from './support/openapi-document';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The role matrix: every operation × every caller, against a table written from roles.md and auth.md
 * (test/role-matrix/rows), never from the server's permission table. Each cell builds its own workspace.
 */

const observedCells = new Map<string, string>();
const cellKey = (operationId: string, caller: CallerKey): string => `${operationId}\u0000${caller}`;
const knownDisagreement = (operationId: string, caller: CallerKey) =>
  DISAGREEMENTS.find((entry) => entry.operationId === operationId && entry.caller === caller);

const ABBREVIATIONS: Record<string, string> = {
  '200 all': 'all',
  '200 scope': 'scope',
  '200 own': 'own',
  '200 none': 'none',
  '403 role': '403r',
  '403 member': '403m',
  '403 scope': '403s',
};
const abbreviate = (outcome: string): string => ABBREVIATIONS[outcome] ?? (outcome.includes('mixed') ? 'mixed' : outcome);

function printMatrix(rows: MatrixRow[]): void {
  const cells = rows.length * CALLER_KEYS.length;
  const run = [...observedCells.keys()].length;
  const text = (row: MatrixRow, key: CallerKey): string => {
    const observed = observedCells.get(cellKey(row.operationId, key));
    if (observed === undefined) return '-';
    const expected = row.expect[key];
    const cell = observed === expected ? abbreviate(observed) : `${abbreviate(observed)}≠${abbreviate(expected)}`;
    return `${cell}${knownDisagreement(row.operationId, key) ? '*' : ''}`;
  };
  const width = Math.max(...rows.map((row) => row.operationId.length)) + 2;
  const column =
    Math.max(
      ...CALLER_KEYS.map((key) => SHORT_NAMES[key].length),
      ...rows.flatMap((row) => CALLER_KEYS.map((key) => text(row, key).length)),
    ) + 1;
  const lines = [
    `role matrix: ${rows.length} operations × ${CALLER_KEYS.length} callers = ${cells} cells (${run} run, ${DISAGREEMENTS.length} known disagreement(s) with the docs)`,
    'legend: all/scope/own/none = 2xx and which records were visible; 403r role, 403m membership, 403s token scope; ' +
      'x≠y = server x, docs y; * = known disagreement (test/role-matrix/disagreements.ts); - = not run',
    ''.padEnd(width) +
      CALLER_KEYS.map((key) => SHORT_NAMES[key].padEnd(column))
        .join('')
        .trimEnd(),
  ];
  for (const row of rows) {
    const line = CALLER_KEYS.map((key) => text(row, key).padEnd(column)).join('');
    lines.push(row.operationId.padEnd(width) + line.trimEnd());
  }
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
}

describe('Role matrix (roles.md, auth.md)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    printMatrix(MATRIX_ROWS);
    await t.close();
  });

  describe('the table', () => {
    const documented = openApiDocument().operations.filter((op) => (op.operation as { 'x-permission'?: string })['x-permission']);

    it('has rows for every operation of openapi/openapi.json that declares x-permission', () => {
      const covered = new Set(MATRIX_ROWS.map((row) => row.operationId));
      expect(documented.map((op) => op.operationId).filter((id) => !covered.has(id))).toEqual([]);
    });

    it('names each operation with the method and path of openapi/openapi.json, once', () => {
      const byId = new Map(openApiDocument().operations.map((op) => [op.operationId, `${op.method} ${op.path}`]));
      expect(MATRIX_ROWS.map((row) => `${row.operationId}: ${byId.get(row.operationId)}`)).toEqual(
        MATRIX_ROWS.map((row) => `${row.operationId}: ${row.method} /api/v2${row.path}`),
      );
      expect(new Set(MATRIX_ROWS.map((row) => row.operationId)).size).toBe(MATRIX_ROWS.length);
    });

    it('marks as workspace-scoped exactly the rows whose operation takes workspace_id', () => {
      const takesWorkspaceId = new Map(
        openApiDocument().operations.map((op) => [op.operationId, (op.operation.parameters ?? []).some((p) => p.name === 'workspace_id')]),
      );
      expect(MATRIX_ROWS.map((row) => [row.operationId, row.workspaceScoped])).toEqual(
        MATRIX_ROWS.map((row) => [row.operationId, takesWorkspaceId.get(row.operationId)]),
      );
    });

    it('gives every row an outcome for every caller, and records for every list and record row', () => {
      for (const row of MATRIX_ROWS) {
        expect([row.operationId, Object.keys(row.expect).sort()]).toEqual([row.operationId, [...CALLER_KEYS].sort()]);
        expect([row.operationId, row.kind === 'create' || typeof row.records === 'function']).toEqual([row.operationId, true]);
        expect([row.operationId, row.kind !== 'list' || typeof row.listedIds === 'function']).toEqual([row.operationId, true]);
      }
    });

    it('lists known disagreements only for cells of the table that state something else', () => {
      for (const entry of DISAGREEMENTS) {
        const row = MATRIX_ROWS.find((candidate) => candidate.operationId === entry.operationId);
        expect([entry.operationId, entry.caller, row?.expect[entry.caller] !== undefined]).toEqual([entry.operationId, entry.caller, true]);
        expect(entry.server).not.toBe(row?.expect[entry.caller]);
      }
    });
  });

  for (const row of MATRIX_ROWS) {
    describe(`${row.operationId} (${row.method} ${row.path}; ${row.basis})`, () => {
      for (const caller of CALLER_KEYS) {
        const expected = row.expect[caller];
        const known = knownDisagreement(row.operationId, caller);
        const name = known
          ? `${caller}: docs say ${expected}, server answers ${known.server} (known disagreement: ${known.note})`
          : `${caller} → ${expected}`;
        it(name, async () => {
          const cell = await runCell(t, row, caller);
          observedCells.set(cellKey(row.operationId, caller), cell.observed);
          // A known disagreement pins the server's current answer, so a fix (or a new regression) shows up here.
          expect(cell.observed).toBe(known ? known.server : expected);
          await row.verify?.(cell.ctx, cell.responses);
        });
      }
    });
  }
});

import type { Response } from 'supertest';
import { api } from '../support/http';
import type { TestApp } from '../support/test-app';
import { buildCaller } from './callers';
import type { CallerKey, CellContext, CellResponses, MatrixRow, RecordId, RequestParts, ScopedRecords } from './matrix.types';

export interface CellResult {
  /** In the vocabulary of `Outcome`, or `mixed (…)` when the answers fit no single outcome. */
  observed: string;
  ctx: CellContext;
  responses: CellResponses;
}

const isSuccess = (status: number): boolean => status >= 200 && status < 300;

/** A status, with the 403 reasons of auth.md's 401/403 table told apart by their documented message. */
function statusOutcome(response: Response): string {
  if (response.status !== 403) return String(response.status);
  const message = String((response.body as { message?: unknown }).message ?? '');
  if (message === 'This action is unauthorized.') return '403 role';
  if (message === 'You are not a member of this workspace.') return '403 member';
  const challenge = String(response.headers['www-authenticate'] ?? '');
  if (message.startsWith('Invalid scope(s) provided.') && challenge.includes('error="insufficient_scope"')) return '403 scope';
  return '403';
}

/** Which of the records the caller got to see, named as in `Outcome`. */
function visibility(visible: Set<string>, records: ScopedRecords, scopeLabel: 'scope' | 'own'): string {
  const all = [...records.inScope, ...records.outOfScope].map(String);
  const shown = all.filter((id) => visible.has(id));
  if (shown.length === 0) return 'none';
  if (shown.length === all.length && records.outOfScope.length > 0) return 'all';
  const inScopeShown = records.inScope.every((id) => visible.has(String(id)));
  const outOfScopeShown = records.outOfScope.filter((id) => visible.has(String(id)));
  if (inScopeShown && outOfScopeShown.length === 0) return scopeLabel;
  const missing = records.inScope.filter((id) => !visible.has(String(id)));
  return `mixed (in scope but hidden: [${missing.join(', ')}]; out of scope but shown: [${outOfScopeShown.join(', ')}])`;
}

function url(row: MatrixRow, ctx: CellContext, id?: RecordId, parts: RequestParts = {}): string {
  // A record of a path with two ids (`/teams/{teamId}/members/{userId}`) is written `teamId,userId`.
  const values = id === undefined ? [] : String(id).split(',');
  const path =
    parts.path ??
    row.path.replace(/\{[^}]+\}/g, (placeholder) => (values.length ? encodeURIComponent(values.shift() as string) : placeholder));
  const query = [row.workspaceScoped ? `workspace_id=${ctx.caller.workspaceId}` : '', row.query ?? '', parts.query ?? '']
    .filter(Boolean)
    .join('&');
  return `/api/v2${path}${query ? `?${query}` : ''}`;
}

/** Builds a fresh workspace, the caller and the row's records, then sends the row's request(s) as the caller. */
export async function runCell(t: TestApp, row: MatrixRow, key: CallerKey): Promise<CellResult> {
  const f = t.factories;
  const workspace = await f.workspaces.create();
  const caller = await buildCaller(key, f, workspace);
  const ctx: CellContext = { f, dataSource: t.dataSource, workspace, caller };
  const records: ScopedRecords = row.records ? await row.records(ctx) : { inScope: [], outOfScope: [] };
  const http = api(t);
  const send = async (id?: RecordId): Promise<Response> => {
    const parts = id !== undefined && row.request ? await row.request(ctx, id) : {};
    const request = http[row.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](url(row, ctx, id, parts), caller.token);
    const body = parts.body ?? row.body?.(ctx);
    return body ? request.send(body) : request;
  };
  const scopeLabel = row.expect[key] === '200 own' ? 'own' : 'scope';
  const byRecord = new Map<RecordId, Response>();

  if (row.kind === 'create') {
    const response = await send();
    return { observed: statusOutcome(response), ctx, responses: { response, byRecord } };
  }

  if (row.kind === 'list') {
    const response = await send();
    for (const id of [...records.inScope, ...records.outOfScope]) byRecord.set(id, response);
    if (!isSuccess(response.status)) return { observed: statusOutcome(response), ctx, responses: { response, byRecord } };
    const listed = new Set((row.listedIds as NonNullable<MatrixRow['listedIds']>)(response.body).map(String));
    return { observed: `${response.status} ${visibility(listed, records, scopeLabel)}`, ctx, responses: { response, byRecord } };
  }

  for (const id of [...records.inScope, ...records.outOfScope]) byRecord.set(id, await send(id));
  const outcomes = [...byRecord.values()].map(statusOutcome);
  const responses = { byRecord };
  if (outcomes.length === 0) throw new Error(`${row.operationId}: a record row needs records`);
  const successes = new Set(outcomes.filter((outcome) => isSuccess(Number(outcome))));
  if (new Set(outcomes).size === 1 && successes.size === 0) return { observed: outcomes[0], ctx, responses };
  if (successes.size === 1 && outcomes.every((outcome) => successes.has(outcome) || outcome === '404')) {
    const visible = new Set([...byRecord].filter(([, response]) => isSuccess(response.status)).map(([id]) => String(id)));
    return { observed: `${[...successes][0]} ${visibility(visible, records, scopeLabel)}`, ctx, responses };
  }
  const detail = [...byRecord].map(([id, response]) => `${id}→${statusOutcome(response)}`).join(', ');
  return { observed: `mixed (${detail})`, ctx, responses };
}

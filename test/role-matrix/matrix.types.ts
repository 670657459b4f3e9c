import type { Role } from '@app/auth';
import type { Response } from 'supertest';
import type { DataSource } from 'typeorm';
import type { Factories, TestWorkspace } from '../support/factories';

/**
 * The callers every row is checked against: the six roles of roles.md (exact strings), then the callers
 * auth.md and conventions.md single out.
 */
export const CALLER_KEYS = [
  'Owner',
  'Executive manager',
  'Team manager',
  'Project manager',
  'Regular User',
  'Project viewer',
  /** Authenticated, no membership in the workspace (and none anywhere else). */
  'non-member',
  /** Owner of workspace B, passing workspace_id=B with the id of a record of workspace A. */
  'foreign member',
  /** An Executive manager whose membership is not `active` (status `inactive`: invited, not yet joined). */
  'inactive member',
  /** An Executive manager whose active membership is blocked. */
  'blocked member',
  /** The Owner, with a personal access token that carries only `read`. */
  'read-only token',
  /** The Owner, with an OAuth access token carrying `read write admin`. */
  'OAuth token',
] as const;

export type CallerKey = (typeof CALLER_KEYS)[number];

/**
 * What a cell must answer, written from the docs:
 * - a status alone (`'201'`, `'404'`): every request answers that status;
 * - `'200 all'`: every record is visible (listed, or answered 2xx);
 * - `'200 scope'` / `'200 own'`: records in the caller's scope are visible, the others are not listed / 404;
 * - `'200 none'` (lists): none of the records is listed;
 * - `'201 all'` / `'201 scope'`: the same for creates made once per record (a task in each project);
 * - `'403 role'`, `'403 member'`, `'403 scope'`: 403 with auth.md's message for a role refused, no active
 *   membership, or a missing token scope (with `WWW-Authenticate: … insufficient_scope`); `'403'`: any other 403.
 */
export type Outcome =
  | '200'
  | '201'
  | '200 all'
  | '200 scope'
  | '200 own'
  | '200 none'
  | '201 all'
  | '201 scope'
  | '403 role'
  | '403 member'
  | '403 scope'
  | '403'
  | '404';

export type RecordId = number | string;

export interface Caller {
  key: CallerKey;
  userId: number;
  token: string;
  /** The `workspace_id` the caller sends. */
  workspaceId: number;
  /** The caller's role in workspace A when the membership there is live; null otherwise. */
  liveRole: Role | null;
  /** The workspaces where the caller holds a live membership. */
  liveWorkspaceIds: number[];
}

export interface CellContext {
  f: Factories;
  dataSource: DataSource;
  /** Workspace A: the records of a cell live here. */
  workspace: TestWorkspace;
  caller: Caller;
}

/**
 * The records a cell acts on: `inScope` are those the docs let this caller see (may be empty, e.g. for OW and
 * EM, who have no narrower scope), `outOfScope` are near misses that a restricted caller must not see.
 */
export interface ScopedRecords {
  inScope: RecordId[];
  outOfScope: RecordId[];
}

export interface CellResponses {
  /** `create` rows: the one response. */
  response?: Response;
  /** `record` and `list` rows: per record, the response for it (lists: the one list response). */
  byRecord: Map<RecordId, Response>;
}

/** What a row's `request` hook may set for one record; unset parts fall back to the row's own. */
export interface RequestParts {
  /** The whole path relative to /api/v2, ids substituted (`/tasks/5/assign/7`). */
  path?: string;
  /** Appended after `workspace_id` and the row's `query`, e.g. `project_id=3`. */
  query?: string;
  body?: object;
}

export interface MatrixRow {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Relative to /api/v2, as in the reference (`/projects/{projectId}`). */
  path: string;
  /** Needs `workspace_id` (conventions.md: every operation but listWorkspaces, OAuth and the extensions). */
  workspaceScoped: boolean;
  /**
   * `list`: one request, `listedIds` tells which records it returned; `record`: one request per record, its id in
   * the path placeholder; `create`: one request, no records.
   */
  kind: 'list' | 'record' | 'create';
  records?: (ctx: CellContext) => Promise<ScopedRecords>;
  listedIds?: (body: { data: unknown }) => RecordId[];
  body?: (ctx: CellContext) => object;
  /**
   * Per-record request parts, where the record's id alone does not make the request: a second path id, or the
   * record's project in the query or body (tasks). May build data (e.g. a user to assign).
   */
  request?: (ctx: CellContext, id: RecordId) => Promise<RequestParts>;
  /** Extra query, e.g. `per_page=100`. */
  query?: string;
  /** Where the expectations come from. */
  basis: string;
  expect: Record<CallerKey, Outcome>;
  /** Checks what the requests changed (or did not change), after the outcome itself matched. */
  verify?: (ctx: CellContext, responses: CellResponses) => Promise<void>;
}

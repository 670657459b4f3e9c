import { Role } from '@app/auth';
import type { EntityManager } from 'typeorm';
import { timeEntryError, timeEntryValidationError } from './time-entries.exception';

/**
 * The 404/409/422 checks before time is written for a member (tracking and time entries share them): the
 * member, the contract and the task. The ledger's own rules (locks, approved weeks, overlaps, limits) come after.
 */

export interface TimeMember {
  userId: number;
  name: string;
  email: string;
  timeZone: string;
}

export interface TimeContract {
  id: number;
  projectId: number;
  projectName: string;
  status: string;
}

/** `John Smith`, or the email when the user has no name. */
export const displayName = (firstname: string | null, lastname: string | null, email: string): string =>
  [firstname, lastname].filter((part) => part && part.trim()).join(' ') || email;

/**
 * A live, `active` member of the workspace who may have time: not a Project viewer (404 otherwise, as for an
 * unknown user: a viewer has no time to record).
 */
export async function requireTimeMember(manager: EntityManager, workspaceId: number, userId: number): Promise<TimeMember> {
  const [row] = (await manager.query(
    `SELECT u.firstname, u.lastname, u.email, COALESCE(u.timezone, 'UTC') AS time_zone
       FROM workspace_members m JOIN users u ON u.id = m.user_id
      WHERE m.workspace_id = $1 AND m.user_id = $2 AND m.deleted_at IS NULL AND m.status = 'active' AND m.role <> $3`,
    [workspaceId, userId, Role.ProjectViewer],
  )) as { firstname: string | null; lastname: string | null; email: string; time_zone: string }[];
  if (!row) throw timeEntryError('UserNotFound');
  return { userId, name: displayName(row.firstname, row.lastname, row.email), email: row.email, timeZone: row.time_zone };
}

/** Any membership row of the workspace, archived included (their recorded time stays listable). */
export async function requireMemberZone(manager: EntityManager, workspaceId: number, userId: number): Promise<string> {
  const [row] = (await manager.query(
    `SELECT COALESCE(u.timezone, 'UTC') AS time_zone FROM workspace_members m JOIN users u ON u.id = m.user_id
      WHERE m.workspace_id = $1 AND m.user_id = $2`,
    [workspaceId, userId],
  )) as { time_zone: string }[];
  if (!row) throw timeEntryError('UserNotFound');
  return row.time_zone;
}

/**
 * The user's live contract in this workspace, on a live project; 409 when it is paused. The rows are share-locked
 * (before the member's time lock, in the order archive, pause and delete take them), so a concurrent pause or
 * archive either waits for this write, and then stops what it started, or commits first and this answers 404/409.
 */
export async function requireActiveContract(
  manager: EntityManager,
  workspaceId: number,
  userId: number,
  contractId: number,
): Promise<TimeContract> {
  const [row] = (await manager.query(
    `SELECT c.id, c.project_id, p.name AS project_name, c.status
       FROM contracts c JOIN projects p ON p.id = c.project_id AND p.workspace_id = c.workspace_id AND p.deleted_at IS NULL
      WHERE c.id = $1 AND c.workspace_id = $2 AND c.user_id = $3 AND c.deleted_at IS NULL
        FOR SHARE OF c, p`,
    [contractId, workspaceId, userId],
  )) as { id: number; project_id: number; project_name: string; status: string }[];
  if (!row) throw timeEntryError('ContractNotFound');
  if (row.status !== 'active') throw timeEntryError('ContractPaused');
  return { id: row.id, projectId: row.project_id, projectName: row.project_name, status: row.status };
}

/** The user's live contract on `projectId` (updateTimeEntry maps a project to it); 422 when there is none. */
export async function requireContractOnProject(
  manager: EntityManager,
  workspaceId: number,
  userId: number,
  projectId: number,
): Promise<TimeContract> {
  const [row] = (await manager.query(
    `SELECT c.id, c.project_id, p.name AS project_name, c.status
       FROM contracts c JOIN projects p ON p.id = c.project_id AND p.workspace_id = c.workspace_id AND p.deleted_at IS NULL
      WHERE c.project_id = $1 AND c.workspace_id = $2 AND c.user_id = $3 AND c.deleted_at IS NULL`,
    [projectId, workspaceId, userId],
  )) as { id: number; project_id: number; project_name: string; status: string }[];
  if (!row) throw timeEntryValidationError('NoContractOnProject');
  return { id: row.id, projectId: row.project_id, projectName: row.project_name, status: row.status };
}

/** A live task of the workspace that belongs to `projectId` (404 unknown, 422 another project's); its title. */
export async function requireTaskInProject(
  manager: EntityManager,
  workspaceId: number,
  taskId: number,
  projectId: number,
): Promise<string> {
  const [row] = (await manager.query('SELECT title, project_id FROM tasks WHERE id = $1 AND workspace_id = $2 AND deleted_at IS NULL', [
    taskId,
    workspaceId,
  ])) as { title: string; project_id: number }[];
  if (!row) throw timeEntryError('TaskNotFound');
  if (row.project_id !== projectId) throw timeEntryValidationError('TaskOutsideProject');
  return row.title;
}

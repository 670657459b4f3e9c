import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MembershipStatus } from '@app/auth';
import { EventsService } from '@app/database';
import argon2 from 'argon2';
import { DataSource, EntityManager } from 'typeorm';
import { readMemberRow } from '../members/member-row';
import { toMemberResponse } from '../members/members.mapper';
import { invitationTokenHash, sameTokenHash } from './invitation-token';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './invitation-pages';

interface InvitationRow {
  id: number;
  token_hash: string;
  workspace_id: number;
  user_id: number;
  expired: boolean;
  accepted_at: Date | null;
  revoked_at: Date | null;
  email: string;
  has_password: boolean;
  workspace_name: string;
  member_status: MembershipStatus;
  member_deleted: boolean;
  workspace_deleted: boolean;
}

export type InvitationState =
  { kind: 'valid'; workspaceName: string; email: string; needsPassword: boolean } | { kind: 'unknown' | 'used' | 'expired' | 'revoked' };

export type AcceptResult =
  InvitationState | { kind: 'accepted'; workspaceName: string; email: string } | { kind: 'bad-password'; error: string };

// Locked with the membership, so two submissions of one link cannot both accept it.
const FIND = `
  SELECT i.id, i.token_hash, i.workspace_id, i.user_id, i.expires_at <= now() AS expired, i.accepted_at, i.revoked_at,
         u.email, u.password_hash IS NOT NULL AS has_password, w.name AS workspace_name,
         m.status AS member_status, m.deleted_at IS NOT NULL AS member_deleted, w.deleted_at IS NOT NULL AS workspace_deleted
    FROM invitations i
    JOIN users u ON u.id = i.user_id
    JOIN workspaces w ON w.id = i.workspace_id
    JOIN workspace_members m ON m.workspace_id = i.workspace_id AND m.user_id = i.user_id
   WHERE i.token_hash = $1`;

/** What the accept page may do with a presented link: show the form, or say why not. */
@Injectable()
export class InvitationAcceptanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
  ) {}

  async inspect(token: string): Promise<InvitationState> {
    return stateOf(await this.find(this.dataSource.manager, token, false));
  }

  /**
   * Accepts the link once: sets the new user's password, activates the membership, uses up the link and records
   * `member.activated`, all in one transaction. Every refusal writes nothing.
   */
  async accept(token: string, password: string | undefined, confirmation: string | undefined): Promise<AcceptResult> {
    return this.dataSource.transaction(async (manager): Promise<AcceptResult> => {
      const row = await this.find(manager, token, true);
      const state = stateOf(row);
      if (state.kind !== 'valid' || !row) return state;
      if (state.needsPassword) {
        const problem = passwordProblem(password, confirmation);
        if (problem) return { kind: 'bad-password', error: problem };
        await manager.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [
          row.user_id,
          await argon2.hash(password as string),
        ]);
      }
      await manager.query(
        `UPDATE workspace_members SET status = 'active', activated_at = now(), updated_at = now() WHERE workspace_id = $1 AND user_id = $2`,
        [row.workspace_id, row.user_id],
      );
      await manager.query('UPDATE invitations SET accepted_at = now() WHERE id = $1', [row.id]);
      const member = await readMemberRow(manager, row.workspace_id, row.user_id);
      await this.events.record(manager, {
        type: 'member.activated',
        workspaceId: row.workspace_id,
        payload: toMemberResponse(member, true),
      });
      return { kind: 'accepted', workspaceName: row.workspace_name, email: row.email };
    });
  }

  private async find(manager: EntityManager, token: string, lock: boolean): Promise<InvitationRow | undefined> {
    const hash = invitationTokenHash(token);
    if (!hash) return undefined;
    const [row] = (await manager.query(`${FIND}${lock ? ' FOR UPDATE OF i, m' : ''}`, [hash])) as InvitationRow[];
    return row && sameTokenHash(row.token_hash, hash) ? row : undefined;
  }
}

function stateOf(row: InvitationRow | undefined): InvitationState {
  if (!row) return { kind: 'unknown' };
  if (row.accepted_at) return { kind: 'used' };
  const live = row.member_status === MembershipStatus.Inactive && !row.member_deleted && !row.workspace_deleted;
  if (row.revoked_at || !live) return { kind: 'revoked' };
  if (row.expired) return { kind: 'expired' };
  return { kind: 'valid', workspaceName: row.workspace_name, email: row.email, needsPassword: !row.has_password };
}

function passwordProblem(password: string | undefined, confirmation: string | undefined): string | undefined {
  if (!password || password.length < MIN_PASSWORD_LENGTH) return `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `The password may have at most ${MAX_PASSWORD_LENGTH} characters.`;
  if (password !== confirmation) return 'The two passwords do not match.';
  return undefined;
}

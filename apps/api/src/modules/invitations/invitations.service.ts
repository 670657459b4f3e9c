import { Inject, Injectable } from '@nestjs/common';
import { AuthContext, MembershipStatus, Role } from '@app/auth';
import { APP_CONFIG, AppConfig, ApiException } from '@app/common';
import type { EntityManager } from 'typeorm';
import { InvitationMailer } from './invitation-mailer';
import { invitationLink, newInvitationToken } from './invitation-token';

export interface Invitee {
  /** Already lower-cased and trimmed by the DTO. */
  email: string;
  firstname: string;
  lastname: string;
  role: Role;
}

export interface IssuedInvitation {
  userId: number;
  email: string;
  role: Role;
  workspaceName: string;
  link: string;
}

/**
 * The one invitation flow, for inviteMember and createProjectViewer alike: the user (found by e-mail or created
 * without a password), an `inactive` membership, and a fresh single-use link; earlier links of that membership
 * stop working. Runs inside the caller's transaction; the e-mail goes out after the commit (`deliver`).
 */
@Injectable()
export class InvitationsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mailer: InvitationMailer,
  ) {}

  async invite(manager: EntityManager, auth: AuthContext, invitee: Invitee, alreadyMember: () => ApiException): Promise<IssuedInvitation> {
    // Concurrent invites of one new address: ON CONFLICT makes the second find the first's user.
    await manager.query('INSERT INTO users (email, firstname, lastname) VALUES ($1, $2, $3) ON CONFLICT (email) DO NOTHING', [
      invitee.email,
      invitee.firstname,
      invitee.lastname,
    ]);
    const [user] = (await manager.query('SELECT id FROM users WHERE email = $1 FOR UPDATE', [invitee.email])) as { id: number }[];
    const [existing] = (await manager.query(
      'SELECT status, deleted_at FROM workspace_members WHERE workspace_id = $1 AND user_id = $2 FOR UPDATE',
      [auth.workspaceId, user.id],
    )) as { status: MembershipStatus; deleted_at: Date | null }[];
    if (existing && existing.deleted_at === null && existing.status !== MembershipStatus.Left) throw alreadyMember();
    if (existing) {
      // A `left` member is invited again (members.md): back to inactive, with the new role.
      await manager.query(
        `UPDATE workspace_members SET status = 'inactive', role = $3, deleted_at = NULL, activated_at = NULL, updated_at = now()
          WHERE workspace_id = $1 AND user_id = $2`,
        [auth.workspaceId, user.id, invitee.role],
      );
    } else {
      const inserted = (await manager.query(
        `INSERT INTO workspace_members (workspace_id, user_id, role, status) VALUES ($1, $2, $3, 'inactive')
         ON CONFLICT (workspace_id, user_id) DO NOTHING RETURNING id`,
        [auth.workspaceId, user.id, invitee.role],
      )) as { id: number }[];
      if (inserted.length === 0) throw alreadyMember();
    }
    await this.revokePending(manager, auth.workspaceId, user.id);
    const { token, hash } = newInvitationToken();
    await manager.query(
      `INSERT INTO invitations (workspace_id, user_id, token_hash, expires_at) VALUES ($1, $2, $3, now() + make_interval(hours => $4))`,
      [auth.workspaceId, user.id, hash, this.config.invitationTtlHours],
    );
    const [workspace] = (await manager.query('SELECT name FROM workspaces WHERE id = $1', [auth.workspaceId])) as { name: string }[];
    return {
      userId: user.id,
      email: invitee.email,
      role: invitee.role,
      workspaceName: workspace.name,
      link: invitationLink(this.config.publicUrl, token),
    };
  }

  /** Links of a membership that is archived or invited again stop working at once. */
  async revokePending(manager: EntityManager, workspaceId: number, userId: number): Promise<void> {
    await manager.query(
      'UPDATE invitations SET revoked_at = now() WHERE workspace_id = $1 AND user_id = $2 AND accepted_at IS NULL AND revoked_at IS NULL',
      [workspaceId, userId],
    );
  }

  /** After the commit: e-mail the link (SMTP_URL) or log it. Never fails the request that invited. */
  deliver(invitation: IssuedInvitation): void {
    this.mailer.send({
      to: invitation.email,
      workspaceName: invitation.workspaceName,
      role: invitation.role,
      link: invitation.link,
      expiresInHours: this.config.invitationTtlHours,
    });
  }
}

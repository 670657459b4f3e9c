import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthCache, AuthContext, MembershipStatus, personScope, placeholderSubject, Role } from '@app/auth';
import { Paginated, pageRequest } from '@app/common';
import { EventsService, EventType, PreparedList, PreparedStatement } from '@app/database';
import { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { InvitationsService } from '../invitations/invitations.service';
import { canGrant } from './member-roles';
import { membersOf, readMemberRow } from './member-row';
import { InviteMemberDto, ListMembersQueryDto, MemberInvitationResponseDto, MemberResponseDto, UpdateMemberDto } from './members.dto';
import { memberError, memberValidationError } from './members.exception';
import { MEMBER_COLUMNS, MemberRow, toMemberResponse } from './members.mapper';
import { stopTrackersWhere } from '../time-tracking/stop-trackers';

type Filter = 'email' | 'status' | 'role';
const FILTERS: readonly Filter[] = ['email', 'status', 'role'];

const roleKey = (role: Role): string => role.replace(/\W+/g, '_');

@Injectable()
export class MembersService {
  private readonly readStatements = new Map<Role, PreparedStatement<MemberRow>>();
  private readonly listStatements = new Map<string, PreparedList<MemberRow>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly invitations: InvitationsService,
    private readonly authCache: AuthCache,
  ) {}

  /** One compiled pair (count, page) per role scope and combination of filters, ordered by user id. */
  list(auth: AuthContext, query: ListMembersQueryDto): Promise<Paginated<MemberResponseDto>> {
    const used = FILTERS.filter((filter) => query[filter] !== undefined);
    const params = { workspaceId: auth.workspaceId, userId: auth.userId, email: query.email, status: query.status, role: query.role };
    return this.listStatement(auth.role, used).run(this.dataSource.manager, params, pageRequest(query), (row) =>
      toMemberResponse(row, auth.canViewRates),
    );
  }

  async get(auth: AuthContext, memberId: number): Promise<MemberResponseDto> {
    return toMemberResponse(await this.readVisible(this.dataSource.manager, auth, memberId), auth.canViewRates);
  }

  async invite(auth: AuthContext, dto: InviteMemberDto): Promise<MemberInvitationResponseDto> {
    if (!canGrant(auth.role, dto.role)) throw memberError('RoleAboveOwn');
    const invitation = await this.dataSource.transaction(async (manager) => {
      const issued = await this.invitations.invite(manager, auth, dto, () => memberError('AlreadyExists'));
      const row = await readMemberRow(manager, auth.workspaceId, issued.userId);
      await this.recordEvent(manager, auth, 'member.invited', row, { invitation_link: issued.link });
      return issued;
    });
    this.invitations.deliver(invitation);
    return { user_id: invitation.userId, invitation_link: invitation.link };
  }

  async update(auth: AuthContext, memberId: number, dto: UpdateMemberDto): Promise<MemberResponseDto> {
    const row = await this.dataSource.transaction(async (manager) => {
      const target = await this.lockMember(manager, auth, memberId);
      const isOwner = target.role === Role.Owner;
      // roles.md: only the Owner may change the Owner's record, rate_status, or an Executive manager's role.
      if (auth.role !== Role.Owner && (isOwner || dto.rate_status !== undefined)) throw memberError('OwnerOnly');
      if (dto.role !== undefined) {
        if (auth.role !== Role.Owner && target.role === Role.ExecutiveManager && dto.role !== target.role) throw memberError('OwnerOnly');
        if (!canGrant(auth.role, dto.role)) throw memberError('RoleAboveOwn');
        if (isOwner) throw memberError('OwnerRoleFixed');
      }
      if (dto.email !== undefined) {
        const taken = (await manager.query('SELECT 1 FROM users WHERE email = $1 AND id <> $2', [dto.email, memberId])) as unknown[];
        if (taken.length > 0) throw memberValidationError('EmailTaken');
      }
      await manager.query(
        `UPDATE users SET email = coalesce($2, email), firstname = coalesce($3, firstname), lastname = coalesce($4, lastname),
                timezone = coalesce($5, timezone), avatar = CASE WHEN $6 THEN NULL ELSE avatar END, updated_at = now()
          WHERE id = $1`,
        [memberId, dto.email ?? null, dto.firstname ?? null, dto.lastname ?? null, dto.timezone ?? null, dto.remove_avatar === 1],
      );
      // An empty PUT still counts as an update and moves updated_at.
      await manager.query(
        `UPDATE workspace_members SET role = coalesce($3, role), rate_status = coalesce($4, rate_status),
                weekly_hours_limit = coalesce($5, weekly_hours_limit), updated_at = now()
          WHERE workspace_id = $1 AND user_id = $2`,
        [auth.workspaceId, memberId, dto.role ?? null, dto.rate_status ?? null, dto.weekly_hours_limit ?? null],
      );
      const updated = await readMemberRow(manager, auth.workspaceId, memberId);
      await this.recordEvent(manager, auth, 'member.updated', updated);
      return updated;
    });
    this.forgetMembership(auth.workspaceId, memberId);
    return toMemberResponse(row, auth.canViewRates);
  }

  /**
   * `left` with deleted_at: the guard refuses the member's tokens in this workspace from the next request on (this
   * process's cache entry is dropped at once; other processes hear the AuthNotify trigger). Pending links die too.
   */
  async archive(auth: AuthContext, memberId: number): Promise<null> {
    await this.dataSource.transaction(async (manager) => {
      const target = await this.lockMember(manager, auth, memberId);
      if (target.role === Role.Owner) throw memberError('OwnerNotArchivable');
      if (memberId === auth.userId) throw memberError('SelfArchive');
      if (target.deleted_at !== null || target.status === MembershipStatus.Left) throw memberError('AlreadyArchived');
      await stopTrackersWhere(manager, { workspaceId: auth.workspaceId, userId: memberId });
      await manager.query(
        `UPDATE workspace_members SET status = 'left', deleted_at = now(), updated_at = now() WHERE workspace_id = $1 AND user_id = $2`,
        [auth.workspaceId, memberId],
      );
      await this.invitations.revokePending(manager, auth.workspaceId, memberId);
      await this.recordEvent(manager, auth, 'member.archived', await readMemberRow(manager, auth.workspaceId, memberId));
    });
    this.forgetMembership(auth.workspaceId, memberId);
    return null;
  }

  /** The membership row in the caller's workspace and person scope, locked for the transaction; else 404. */
  private async lockMember(
    manager: EntityManager,
    auth: AuthContext,
    memberId: number,
  ): Promise<{ role: Role; status: MembershipStatus; deleted_at: Date | null }> {
    const query = membersOf(manager, auth.workspaceId)
      .select(['m.role AS role', 'm.status AS status', 'm.deleted_at AS deleted_at'])
      .andWhere('m.user_id = :memberId', { memberId })
      .setLock('pessimistic_write', undefined, ['m']);
    const scope = personScope(auth, 'm.user_id');
    if (scope) query.andWhere(scope.sql, scope.params);
    const row = await query.getRawOne<{ role: Role; status: MembershipStatus; deleted_at: Date | null }>();
    if (!row) throw memberError('NotFound');
    return row;
  }

  private forgetMembership(workspaceId: number, userId: number): void {
    this.authCache.invalidate({ kind: 'member', workspaceId, userId });
  }

  private async readVisible(manager: EntityManager, auth: AuthContext, memberId: number): Promise<MemberRow> {
    const [row] = await this.readStatement(auth.role).run(manager, { workspaceId: auth.workspaceId, userId: auth.userId, memberId });
    if (!row) throw memberError('NotFound');
    return row;
  }

  private readStatement(role: Role): PreparedStatement<MemberRow> {
    let statement = this.readStatements.get(role);
    if (!statement) {
      statement = PreparedStatement.compile<MemberRow>(`members.get.${roleKey(role)}`, (param) =>
        this.visibleMembers(role, param)
          .select(MEMBER_COLUMNS)
          .andWhere('m.user_id = :memberId', { memberId: param('memberId') }),
      );
      this.readStatements.set(role, statement);
    }
    return statement;
  }

  private listStatement(role: Role, filters: readonly Filter[]): PreparedList<MemberRow> {
    const key = `${roleKey(role)}.${filters.join('_') || 'all'}`;
    let statement = this.listStatements.get(key);
    if (!statement) {
      statement = PreparedList.compile<MemberRow>(`members.list.${key}`, {
        query: (param) => {
          const visible = this.visibleMembers(role, param);
          if (filters.includes('email')) visible.andWhere('u.email = :email', { email: param('email') });
          if (filters.includes('status')) visible.andWhere('m.status = :status', { status: param('status') });
          if (filters.includes('role')) visible.andWhere('m.role = :role', { role: param('role') });
          return visible;
        },
        idColumn: 'm.user_id',
        orderBy: [['m.user_id', 'ASC']],
        select: MEMBER_COLUMNS,
      });
      this.listStatements.set(key, statement);
    }
    return statement;
  }

  /** The workspace's memberships (`left` ones included) inside the caller's person scope, values as placeholders. */
  private visibleMembers(role: Role, param: (key: string) => string): SelectQueryBuilder<ObjectLiteral> {
    const query = membersOf(this.dataSource.manager, param('workspaceId'));
    const scope = personScope(placeholderSubject(role, param), 'm.user_id');
    if (scope) query.andWhere(scope.sql, scope.params);
    return query;
  }

  /** `member.*` payloads are the whole Member, rate included: delivery applies each webhook creator's rate permission. */
  private recordEvent(manager: EntityManager, auth: AuthContext, type: EventType, row: MemberRow, extra: object = {}): Promise<number> {
    return this.events.record(manager, { type, workspaceId: auth.workspaceId, payload: { ...toMemberResponse(row, true), ...extra } });
  }
}

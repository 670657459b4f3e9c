import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthCache, AuthContext, requireVisible, Role } from '@app/auth';
import { Paginated, pageRequest } from '@app/common';
import { EventsService, PreparedList, PreparedStatement } from '@app/database';
import { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ListProjectViewersQueryDto, ProjectViewerDto } from './project-viewers.dto';
import { projectViewerError } from './project-viewers.exception';
import { ProjectViewerRow, toProjectViewer } from './project-viewers.mapper';
import { readMemberRow } from '../members/member-row';
import { toMemberResponse } from '../members/members.mapper';
import { stopTrackersWhere } from '../time-tracking/stop-trackers';

/** One viewer with its assigned live projects (a per-row subquery), so a read is one statement. */
const VIEWER_COLUMNS = [
  'u.id AS id',
  'u.email AS email',
  'u.firstname AS firstname',
  'u.lastname AS lastname',
  'm.status AS status',
  'm.created_at AS created_at',
  `(SELECT coalesce(json_agg(json_build_object('project_id', vp.id, 'project_name', vp.name) ORDER BY vp.id), '[]'::json)
      FROM project_viewer_projects va JOIN projects vp ON vp.id = va.project_id AND vp.workspace_id = m.workspace_id AND vp.deleted_at IS NULL
     WHERE va.user_id = m.user_id) AS projects`,
];

interface LockedViewer {
  status: string;
}

/**
 * Project viewers are the workspace's memberships with role `Project viewer`, archived ones included
 * (status `left`); their projects are the project_viewer_projects rows of this workspace's projects.
 * Every operation is OW/EM only (PERMISSION_RULES), so there is no narrower scope to apply.
 */
@Injectable()
export class ProjectViewersService {
  private readonly lists = new Map<boolean, PreparedList<ProjectViewerRow>>();
  private readonly read: PreparedStatement<ProjectViewerRow>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly authCache: AuthCache,
  ) {
    this.read = PreparedStatement.compile<ProjectViewerRow>('project_viewers.get', (param) =>
      this.viewers(param)
        .select(VIEWER_COLUMNS)
        .andWhere('m.user_id = :viewerId', { viewerId: param('viewerId') }),
    );
  }

  list(auth: AuthContext, query: ListProjectViewersQueryDto): Promise<Paginated<ProjectViewerDto>> {
    const byEmail = query.email !== undefined;
    // E-mails are stored lower-cased (users_email_uq), so the exact match is on the lower-cased filter.
    const params = { workspaceId: auth.workspaceId, email: query.email?.toLowerCase() };
    return this.listStatement(byEmail).run(this.dataSource.manager, params, pageRequest(query), toProjectViewer);
  }

  get(auth: AuthContext, viewerId: number): Promise<ProjectViewerDto> {
    return this.readWithin(this.dataSource.manager, auth.workspaceId, viewerId);
  }

  /** The documented ProjectViewer, read with `manager` (a write's read-back inside its transaction, e.g. createProjectViewer). */
  async readWithin(manager: EntityManager, workspaceId: number, viewerId: number): Promise<ProjectViewerDto> {
    return toProjectViewer(await this.readRow(manager, workspaceId, viewerId));
  }

  /** Status `left` and deleted_at, as archiveMember does; the membership trigger tells every process's auth cache. */
  async archive(auth: AuthContext, viewerId: number): Promise<null> {
    await this.dataSource.transaction(async (manager) => {
      const viewer = await this.lockViewer(manager, auth.workspaceId, viewerId);
      if (viewer.status === 'left') throw projectViewerError('AlreadyArchived');
      await stopTrackersWhere(manager, { workspaceId: auth.workspaceId, userId: viewerId });
      await manager.query(
        `UPDATE workspace_members SET status = 'left', deleted_at = now(), updated_at = now() WHERE workspace_id = $1 AND user_id = $2`,
        [auth.workspaceId, viewerId],
      );
      await this.recordMemberEvent(manager, auth.workspaceId, viewerId, 'member.archived');
    });
    // The trigger's NOTIFY reaches every process; this process also forgets at once, before it answers.
    this.authCache.invalidate({ kind: 'member', workspaceId: auth.workspaceId, userId: viewerId });
    return null;
  }

  /** Back to `active`, or `inactive` when the invitation was never accepted (no activated_at). Assignments were kept. */
  async restore(auth: AuthContext, viewerId: number): Promise<null> {
    await this.dataSource.transaction(async (manager) => {
      const viewer = await this.lockViewer(manager, auth.workspaceId, viewerId);
      if (viewer.status !== 'left') throw projectViewerError('NotArchived');
      await manager.query(
        `UPDATE workspace_members
            SET status = CASE WHEN activated_at IS NULL THEN 'inactive' ELSE 'active' END, deleted_at = NULL, updated_at = now()
          WHERE workspace_id = $1 AND user_id = $2`,
        [auth.workspaceId, viewerId],
      );
      await this.recordMemberEvent(manager, auth.workspaceId, viewerId, 'member.activated');
    });
    return null;
  }

  /** webhooks.md names no event for (un)assignment, so none is recorded. */
  async assign(auth: AuthContext, viewerId: number, projectId: number): Promise<null> {
    await this.dataSource.transaction(async (manager) => {
      const viewer = await this.lockViewer(manager, auth.workspaceId, viewerId);
      await this.lockProject(manager, auth, projectId);
      if (viewer.status === 'left') throw projectViewerError('Archived');
      const inserted = (await manager.query(
        'INSERT INTO project_viewer_projects (project_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING project_id',
        [projectId, viewerId],
      )) as unknown[];
      if (inserted.length === 0) throw projectViewerError('AlreadyAssigned');
    });
    return null;
  }

  async unassign(auth: AuthContext, viewerId: number, projectId: number): Promise<null> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockViewer(manager, auth.workspaceId, viewerId);
      await this.lockProject(manager, auth, projectId);
      const [deleted] = (await manager.query(
        'DELETE FROM project_viewer_projects WHERE project_id = $1 AND user_id = $2 RETURNING project_id',
        [projectId, viewerId],
      )) as [unknown[], number];
      if (deleted.length === 0) throw projectViewerError('ProjectNotAssigned');
    });
    return null;
  }

  /** The viewer's membership row, locked until the transaction ends (archive, restore and assign serialize on it). */
  private async lockViewer(manager: EntityManager, workspaceId: number, viewerId: number): Promise<LockedViewer> {
    const [viewer] = (await manager.query(
      'SELECT status FROM workspace_members WHERE workspace_id = $1 AND user_id = $2 AND role = $3 FOR UPDATE',
      [workspaceId, viewerId, Role.ProjectViewer],
    )) as LockedViewer[];
    if (!viewer) throw projectViewerError('NotFound');
    return viewer;
  }

  /** A live project of the workspace, locked so a concurrent archive waits (or wins and this answers 404). */
  private lockProject(manager: EntityManager, auth: AuthContext, projectId: number): Promise<{ id: number }> {
    return requireVisible(manager, auth, {
      table: 'projects',
      alias: 'p',
      id: projectId,
      scope: null,
      notFound: () => projectViewerError('ProjectNotFound'),
      lock: true,
    });
  }

  private async readRow(manager: EntityManager, workspaceId: number, viewerId: number): Promise<ProjectViewerRow> {
    const [row] = await this.read.run(manager, { workspaceId, viewerId });
    if (!row) throw projectViewerError('NotFound');
    return row;
  }

  private async recordMemberEvent(
    manager: EntityManager,
    workspaceId: number,
    viewerId: number,
    type: 'member.archived' | 'member.activated',
  ): Promise<void> {
    await this.events.record(manager, {
      type,
      workspaceId,
      payload: toMemberResponse(await readMemberRow(manager, workspaceId, viewerId), true),
    });
  }

  private listStatement(byEmail: boolean): PreparedList<ProjectViewerRow> {
    let statement = this.lists.get(byEmail);
    if (!statement) {
      statement = PreparedList.compile<ProjectViewerRow>(`project_viewers.list.${byEmail ? 'email' : 'all'}`, {
        query: (param) => {
          const viewers = this.viewers(param);
          if (byEmail) viewers.andWhere('u.email = :email', { email: param('email') });
          return viewers;
        },
        idColumn: 'm.user_id',
        orderBy: [['m.user_id', 'ASC']],
        select: VIEWER_COLUMNS,
      });
      this.lists.set(byEmail, statement);
    }
    return statement;
  }

  /**
   * Every viewer membership of the workspace, any status: FROM, join and WHERE with placeholder values.
   * `withDeleted`: archived viewers (deleted_at set) are listed too, so TypeORM's implicit filter must stay off.
   */
  private viewers(param: (key: string) => string): SelectQueryBuilder<ObjectLiteral> {
    return this.dataSource.manager
      .createQueryBuilder()
      .withDeleted()
      .from('workspace_members', 'm')
      .innerJoin('users', 'u', 'u.id = m.user_id')
      .where('m.workspace_id = :workspaceId', { workspaceId: param('workspaceId') })
      .andWhere(`m.role = '${Role.ProjectViewer}'`);
  }
}

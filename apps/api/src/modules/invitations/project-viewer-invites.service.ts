import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthContext, Role } from '@app/auth';
import { EventsService } from '@app/database';
import { DataSource } from 'typeorm';
import { readMemberRow } from '../members/member-row';
import { toMemberResponse } from '../members/members.mapper';
import { projectViewerInviteError } from './invitations.exception';
import { InvitationsService } from './invitations.service';
import { CreateProjectViewerDto, ProjectViewerResponseDto, ViewerProjectDto } from './project-viewer-invites.dto';
import { toProjectViewerResponse } from './project-viewer.mapper';

const VIEWER_PROJECTS = `
  SELECT coalesce(json_agg(json_build_object('project_id', p.id, 'project_name', p.name) ORDER BY p.id), '[]'::json) AS projects
    FROM project_viewer_projects pv JOIN projects p ON p.id = pv.project_id AND p.workspace_id = $2 AND p.deleted_at IS NULL
   WHERE pv.user_id = $1`;

/** createProjectViewer: the invitation flow with role `Project viewer`, emitting `member.invited` (webhooks.md). */
@Injectable()
export class ProjectViewerInvitesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invitations: InvitationsService,
    private readonly events: EventsService,
  ) {}

  async create(auth: AuthContext, dto: CreateProjectViewerDto): Promise<ProjectViewerResponseDto> {
    const { invitation, viewer } = await this.dataSource.transaction(async (manager) => {
      const issued = await this.invitations.invite(manager, auth, { ...dto, role: Role.ProjectViewer }, () =>
        projectViewerInviteError('AlreadyMember'),
      );
      const row = await readMemberRow(manager, auth.workspaceId, issued.userId);
      await this.events.record(manager, {
        type: 'member.invited',
        workspaceId: auth.workspaceId,
        payload: { ...toMemberResponse(row, true), invitation_link: issued.link },
      });
      // A re-invited (`left`) viewer keeps the assignments of before, as a restore would; a new one has none.
      const [{ projects }] = (await manager.query(VIEWER_PROJECTS, [issued.userId, auth.workspaceId])) as {
        projects: ViewerProjectDto[];
      }[];
      return { invitation: issued, viewer: toProjectViewerResponse(row, projects) };
    });
    this.invitations.deliver(invitation);
    return viewer;
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthContext, Role } from '@app/auth';
import { EventsService } from '@app/database';
import { DataSource } from 'typeorm';
import { readMemberRow } from '../members/member-row';
import { toMemberResponse } from '../members/members.mapper';
import { projectViewerInviteError } from './invitations.exception';
import { InvitationsService } from './invitations.service';
import { ProjectViewerDto } from '../project-viewers/project-viewers.dto';
import { ProjectViewersService } from '../project-viewers/project-viewers.service';
import { CreateProjectViewerDto } from './project-viewer-invites.dto';

/** createProjectViewer: the invitation flow with role `Project viewer`, emitting `member.invited` (webhooks.md). */
@Injectable()
export class ProjectViewerInvitesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invitations: InvitationsService,
    private readonly events: EventsService,
    private readonly viewers: ProjectViewersService,
  ) {}

  async create(auth: AuthContext, dto: CreateProjectViewerDto): Promise<ProjectViewerDto> {
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
      // The same ProjectViewer getProjectViewer answers; a re-invited (`left`) viewer keeps its earlier assignments.
      return { invitation: issued, viewer: await this.viewers.readWithin(manager, auth.workspaceId, issued.userId) };
    });
    this.invitations.deliver(invitation);
    return viewer;
  }
}

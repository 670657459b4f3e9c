import { Body, Controller, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, AuthContext, Authenticated, Permission } from '@app/auth';
import { Responds } from '@app/common';
import { projectViewerInviteError } from './invitations.exception';
import { ProjectViewerDto } from '../project-viewers/project-viewers.dto';
import { CreateProjectViewerDto } from './project-viewer-invites.dto';
import { ProjectViewerInvitesService } from './project-viewer-invites.service';

@ApiTags('Project Viewers')
@Controller('project-viewers')
export class ProjectViewerInvitesController {
  constructor(private readonly viewers: ProjectViewerInvitesService) {}

  @Post()
  @Authenticated({ permission: Permission.ProjectViewersCreate })
  @ApiOperation({
    summary: 'Create a project viewer',
    description:
      'Invites a person as `Project viewer` (status `inactive`, no projects yet) and e-mails an invitation link; ' +
      'Owners and Executive managers only. Emits `member.invited`.',
  })
  @Responds(ProjectViewerDto, {
    status: 201,
    message: 'Project viewer created successfully',
    conflict: {
      description: 'The e-mail already has a membership in this workspace that is not `left`.',
      message: projectViewerInviteError.message('AlreadyMember'),
    },
  })
  createProjectViewer(@Auth() auth: AuthContext, @Body() dto: CreateProjectViewerDto): Promise<ProjectViewerDto> {
    return this.viewers.create(auth, dto);
  }
}

import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, AuthContext, Authenticated, Permission } from '@app/auth';
import { ApiPathId, IdParamPipe, Paginated, Responds } from '@app/common';
import { ListProjectViewersQueryDto, ProjectViewerDto, ViewerProjectBodyDto } from './project-viewers.dto';
import { projectViewerError } from './project-viewers.exception';
import { ProjectViewersService } from './project-viewers.service';

const VIEWER_NOT_FOUND = projectViewerError.message('NotFound');
const ViewerId = (): ParameterDecorator => Param('viewerId', new IdParamPipe(VIEWER_NOT_FOUND));
const ApiViewerId = (): MethodDecorator =>
  ApiPathId('viewerId', { notFound: VIEWER_NOT_FOUND, example: 100, description: 'ID of the project viewer (user_id).' });
const conflict = (description: string, code: Parameters<typeof projectViewerError.message>[0]) => ({
  description,
  message: projectViewerError.message(code),
});

@ApiTags('Project Viewers')
@Controller('project-viewers')
export class ProjectViewersController {
  constructor(private readonly viewers: ProjectViewersService) {}

  @Get()
  @Authenticated({ permission: Permission.ProjectViewersList })
  @ApiOperation({
    summary: 'List project viewers',
    description: "The workspace's project viewers, archived ones included (status `left`), by id. Owners and Executive managers only.",
  })
  @Responds(ProjectViewerDto, { paginated: true, message: 'Project viewers retrieved successfully' })
  listProjectViewers(@Auth() auth: AuthContext, @Query() query: ListProjectViewersQueryDto): Promise<Paginated<ProjectViewerDto>> {
    return this.viewers.list(auth, query);
  }

  @Get(':viewerId')
  @Authenticated({ permission: Permission.ProjectViewersView })
  @ApiOperation({
    summary: 'Get a project viewer',
    description: 'One viewer with the assigned projects. A user whose role is not `Project viewer` returns 404.',
  })
  @ApiViewerId()
  @Responds(ProjectViewerDto, { message: 'Project viewer retrieved successfully' })
  getProjectViewer(@Auth() auth: AuthContext, @ViewerId() viewerId: number): Promise<ProjectViewerDto> {
    return this.viewers.get(auth, viewerId);
  }

  @Delete(':viewerId')
  @Authenticated({ permission: Permission.ProjectViewersArchive })
  @ApiOperation({
    summary: 'Delete (archive) a project viewer',
    description:
      'Status becomes `left`; the viewer’s tokens stop working in this workspace on the next request. Assignments are kept for a restore. Emits `member.archived`.',
  })
  @ApiViewerId()
  @Responds(null, {
    message: 'Project viewer deleted successfully',
    conflict: conflict('The viewer is already archived.', 'AlreadyArchived'),
  })
  archiveProjectViewer(@Auth() auth: AuthContext, @ViewerId() viewerId: number): Promise<null> {
    return this.viewers.archive(auth, viewerId);
  }

  @Post(':viewerId/restore')
  @Authenticated({ permission: Permission.ProjectViewersRestore })
  @ApiOperation({
    summary: 'Restore a project viewer',
    description:
      'Back to `active`, or `inactive` if the invitation was never accepted, with the kept assignments. Emits `member.activated`.',
  })
  @ApiViewerId()
  @Responds(null, { message: 'Project viewer restored successfully', conflict: conflict('The viewer is not archived.', 'NotArchived') })
  restoreProjectViewer(@Auth() auth: AuthContext, @ViewerId() viewerId: number): Promise<null> {
    return this.viewers.restore(auth, viewerId);
  }

  @Post(':viewerId/assign-project')
  @Authenticated({ permission: Permission.ProjectViewersAssign })
  @ApiOperation({
    summary: 'Assign a project to a viewer',
    description:
      'Read-only access to one project. An unknown or archived project returns 404 `Project not found.`; an already assigned project or an archived viewer returns 409.',
  })
  @ApiViewerId()
  @Responds(null, {
    message: 'Project assigned to viewer successfully',
    conflict: conflict('The project is already assigned to this viewer, or the viewer is archived.', 'AlreadyAssigned'),
  })
  assignProjectToViewer(@Auth() auth: AuthContext, @ViewerId() viewerId: number, @Body() dto: ViewerProjectBodyDto): Promise<null> {
    return this.viewers.assign(auth, viewerId, dto.project_id);
  }

  @Delete(':viewerId/unassign-project')
  @Authenticated({ permission: Permission.ProjectViewersUnassign })
  @ApiOperation({
    summary: 'Unassign a project from a viewer',
    description: 'Removes the viewer’s access to one project; a project not assigned to the viewer returns 404.',
  })
  @ApiViewerId()
  @Responds(null, { message: 'Project unassigned from viewer successfully' })
  unassignProjectFromViewer(@Auth() auth: AuthContext, @ViewerId() viewerId: number, @Body() dto: ViewerProjectBodyDto): Promise<null> {
    return this.viewers.unassign(auth, viewerId, dto.project_id);
  }
}

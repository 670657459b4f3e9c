import { Body, Controller, Delete, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, AuthContext, Authenticated, Permission } from '@app/auth';
import { ApiPathId, IdParamPipe, Paginated, Responds } from '@app/common';
import { CreateProjectDto, ListProjectsQueryDto, ProjectResponseDto, UpdateProjectDto } from './projects.dto';
import { projectError } from './projects.exception';
import { ProjectsService } from './projects.service';

const PROJECT_NOT_FOUND = projectError.message('NotFound');
const ProjectId = (): ParameterDecorator => Param('projectId', new IdParamPipe(PROJECT_NOT_FOUND));
const ApiProjectId = (): MethodDecorator => ApiPathId('projectId', { notFound: PROJECT_NOT_FOUND, example: 100 });

@ApiTags('Projects')
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  @Authenticated({ permission: Permission.ProjectsList })
  @ApiOperation({ summary: 'List projects', description: 'Projects the caller may see (role-filtered), oldest first.' })
  @Responds(ProjectResponseDto, { paginated: true })
  listProjects(@Auth() auth: AuthContext, @Query() query: ListProjectsQueryDto): Promise<Paginated<ProjectResponseDto>> {
    return this.projects.list(auth, query);
  }

  @Post()
  @Authenticated({ permission: Permission.ProjectsCreate })
  @ApiOperation({ summary: 'Create a project', description: 'Owners and Executive managers only.' })
  @Responds(ProjectResponseDto, { status: 201, message: 'Project created successfully' })
  createProject(@Auth() auth: AuthContext, @Body() dto: CreateProjectDto): Promise<ProjectResponseDto> {
    return this.projects.create(auth, dto);
  }

  @Get(':projectId')
  @Authenticated({ permission: Permission.ProjectsView })
  @ApiOperation({
    summary: 'Get a project',
    description: 'One project with its tags; rate fields only for callers who may view rates. Archived projects return 404.',
  })
  @ApiProjectId()
  @Responds(ProjectResponseDto, { message: 'Project retrieved successfully' })
  getProject(@Auth() auth: AuthContext, @ProjectId() projectId: number): Promise<ProjectResponseDto> {
    return this.projects.get(auth, projectId);
  }

  @Put(':projectId')
  @Authenticated({ permission: Permission.ProjectsUpdate })
  @ApiOperation({ summary: 'Update a project', description: 'Partial update: fields left out keep their value.' })
  @ApiProjectId()
  @ApiBody({ type: UpdateProjectDto, required: false })
  @Responds(ProjectResponseDto, { message: 'Project updated successfully' })
  updateProject(@Auth() auth: AuthContext, @ProjectId() projectId: number, @Body() dto: UpdateProjectDto): Promise<ProjectResponseDto> {
    return this.projects.update(auth, projectId, dto);
  }

  @Delete(':projectId')
  @Authenticated({ permission: Permission.ProjectsArchive })
  @ApiOperation({ summary: 'Delete (archive) a project', description: 'Soft delete; the project then returns 404.' })
  @ApiProjectId()
  @Responds(null, { message: 'Project deleted successfully' })
  archiveProject(@Auth() auth: AuthContext, @ProjectId() projectId: number): Promise<null> {
    return this.projects.archive(auth, projectId);
  }
}

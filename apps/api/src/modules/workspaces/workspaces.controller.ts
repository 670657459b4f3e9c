import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, Permission, Principal } from '@app/auth';
import { Paginated, PaginationQueryDto, Responds } from '@app/common';
import { WorkspaceResponseDto } from './workspaces.dto';
import { WorkspacesService } from './workspaces.service';

@ApiTags('Workspaces')
@Controller('workspaces')
export class WorkspacesController {
  constructor(private readonly workspaces: WorkspacesService) {}

  @Get()
  @Authenticated({ permission: Permission.WorkspacesList })
  @ApiOperation({ summary: "List the caller's workspaces", description: 'One row per active membership.' })
  @Responds(WorkspaceResponseDto, { paginated: true })
  listWorkspaces(@CurrentPrincipal() principal: Principal, @Query() query: PaginationQueryDto): Promise<Paginated<WorkspaceResponseDto>> {
    return this.workspaces.list(principal, query);
  }
}

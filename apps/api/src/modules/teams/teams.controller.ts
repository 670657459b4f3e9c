import { Body, Controller, Delete, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiExtension, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, AuthContext, Authenticated, Permission } from '@app/auth';
import { ApiPathId, IdParamPipe, Paginated, pageRequest, Responds } from '@app/common';
import { CreateTeamDto, ListTeamsQueryDto, TeamDto, TeamUserBodyDto, UpdateTeamDto } from './teams.dto';
import { teamError } from './teams.exception';
import { TeamsService } from './teams.service';

const TEAM_NOT_FOUND = teamError.message('NotFound');
const TeamId = (): ParameterDecorator => Param('teamId', new IdParamPipe(TEAM_NOT_FOUND));
const ApiTeamId = (): MethodDecorator => ApiPathId('teamId', { notFound: TEAM_NOT_FOUND, example: 5 });
const UserId = (code: 'MemberNotFound' | 'ManagerNotFound'): ParameterDecorator =>
  Param('userId', new IdParamPipe(teamError.message(code)));
const ApiUserId = (code: 'MemberNotFound' | 'ManagerNotFound'): MethodDecorator =>
  ApiPathId('userId', { notFound: teamError.message(code), example: 102, description: 'The user id.' });
const NAME_CONFLICT = { description: 'Another team of the workspace has this name.', message: teamError.message('NameTaken') };
const IN_TEAM_CONFLICT = {
  description: 'The user is already in this team (as a manager or a member).',
  message: teamError.message('AlreadyInTeam'),
};

/**
 * Extension: teams are workspace data the published API does not expose (roles.md), but the Team-manager scope
 * rests on them. Owners and Executive managers manage them here or with the CLI (`npm run cli -- team:…`).
 */
@ApiTags('Extensions')
@ApiExtension('x-extension', true)
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  @Authenticated({ permission: Permission.TeamsView })
  @ApiOperation({ summary: 'List teams (extension)', description: "The workspace's teams with their managers and members, by id." })
  @Responds(TeamDto, { paginated: true, message: 'Teams retrieved successfully' })
  listTeams(@Auth() auth: AuthContext, @Query() query: ListTeamsQueryDto): Promise<Paginated<TeamDto>> {
    return this.teams.list(auth.workspaceId, pageRequest(query));
  }

  @Post()
  @Authenticated({ permission: Permission.TeamsManage })
  @ApiOperation({
    summary: 'Create a team (extension)',
    description: 'Managers and members must be non-archived members of the workspace and not project viewers; a user is in a team once.',
  })
  @Responds(TeamDto, { status: 201, message: 'Team created successfully', conflict: NAME_CONFLICT })
  createTeam(@Auth() auth: AuthContext, @Body() dto: CreateTeamDto): Promise<TeamDto> {
    return this.teams.create(auth.workspaceId, dto);
  }

  @Get(':teamId')
  @Authenticated({ permission: Permission.TeamsView })
  @ApiOperation({ summary: 'Get a team (extension)', description: 'One team with its managers and members.' })
  @ApiTeamId()
  @Responds(TeamDto, { message: 'Team retrieved successfully' })
  getTeam(@Auth() auth: AuthContext, @TeamId() teamId: number): Promise<TeamDto> {
    return this.teams.get(auth.workspaceId, teamId);
  }

  @Put(':teamId')
  @Authenticated({ permission: Permission.TeamsManage })
  @ApiOperation({ summary: 'Rename a team (extension)', description: 'People are changed through the members and managers routes.' })
  @ApiTeamId()
  @Responds(TeamDto, { message: 'Team updated successfully', conflict: NAME_CONFLICT })
  updateTeam(@Auth() auth: AuthContext, @TeamId() teamId: number, @Body() dto: UpdateTeamDto): Promise<TeamDto> {
    return this.teams.rename(auth.workspaceId, teamId, dto.name);
  }

  @Delete(':teamId')
  @Authenticated({ permission: Permission.TeamsManage })
  @ApiOperation({
    summary: 'Delete a team (extension)',
    description: 'Removes the team and its memberships; the people stay in the workspace.',
  })
  @ApiTeamId()
  @Responds(null, { message: 'Team deleted successfully' })
  deleteTeam(@Auth() auth: AuthContext, @TeamId() teamId: number): Promise<null> {
    return this.teams.remove(auth.workspaceId, teamId);
  }

  @Post(':teamId/members')
  @Authenticated({ permission: Permission.TeamsManage })
  @ApiOperation({ summary: 'Add a team member (extension)', description: 'Adds a workspace member to the team as a member.' })
  @ApiTeamId()
  @Responds(TeamDto, { message: 'Team member added successfully', conflict: IN_TEAM_CONFLICT })
  addTeamMember(@Auth() auth: AuthContext, @TeamId() teamId: number, @Body() dto: TeamUserBodyDto): Promise<TeamDto> {
    return this.teams.addPerson(auth.workspaceId, teamId, dto.user_id, false);
  }

  @Delete(':teamId/members/:userId')
  @Authenticated({ permission: Permission.TeamsManage })
  @ApiOperation({ summary: 'Remove a team member (extension)', description: 'A manager is removed through the managers route.' })
  @ApiTeamId()
  @ApiUserId('MemberNotFound')
  @Responds(TeamDto, { message: 'Team member removed successfully' })
  removeTeamMember(@Auth() auth: AuthContext, @TeamId() teamId: number, @UserId('MemberNotFound') userId: number): Promise<TeamDto> {
    return this.teams.removePerson(auth.workspaceId, teamId, userId, false);
  }

  @Post(':teamId/managers')
  @Authenticated({ permission: Permission.TeamsManage })
  @ApiOperation({
    summary: 'Add a team manager (extension)',
    description: "Adds a workspace member to the team as its manager: a Team manager's person and project scope then cover the team.",
  })
  @ApiTeamId()
  @Responds(TeamDto, { message: 'Team manager added successfully', conflict: IN_TEAM_CONFLICT })
  addTeamManager(@Auth() auth: AuthContext, @TeamId() teamId: number, @Body() dto: TeamUserBodyDto): Promise<TeamDto> {
    return this.teams.addPerson(auth.workspaceId, teamId, dto.user_id, true);
  }

  @Delete(':teamId/managers/:userId')
  @Authenticated({ permission: Permission.TeamsManage })
  @ApiOperation({ summary: 'Remove a team manager (extension)', description: 'Removes the manager from the team.' })
  @ApiTeamId()
  @ApiUserId('ManagerNotFound')
  @Responds(TeamDto, { message: 'Team manager removed successfully' })
  removeTeamManager(@Auth() auth: AuthContext, @TeamId() teamId: number, @UserId('ManagerNotFound') userId: number): Promise<TeamDto> {
    return this.teams.removePerson(auth.workspaceId, teamId, userId, true);
  }
}

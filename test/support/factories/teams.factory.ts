import { Team } from '../../../apps/api/src/modules/teams/team.entity';
import { TeamMember } from '../../../apps/api/src/modules/teams/team-member.entity';
import { FactoryDeps, unique, UserRef, userIdOf } from './factory-deps';

export interface CreateTeamInput {
  workspaceId: number;
  /** The team manager (a team_members row with is_manager); "managed team" in roles.md. */
  manager?: UserRef;
  members?: UserRef[];
  name?: string;
}

export class TeamsFactory {
  constructor(private readonly deps: FactoryDeps) {}

  async create({ workspaceId, manager, members = [], name }: CreateTeamInput): Promise<Team> {
    const repository = this.deps.dataSource.getRepository(Team);
    const team = repository.create({ workspaceId, name: name ?? `Team ${unique()}` });
    await repository.insert(team);
    const rows = [
      ...(manager === undefined ? [] : [{ teamId: team.id, userId: userIdOf(manager), isManager: true }]),
      ...members.map((member) => ({ teamId: team.id, userId: userIdOf(member), isManager: false })),
    ];
    if (rows.length) await this.deps.dataSource.getRepository(TeamMember).insert(rows);
    return team;
  }
}

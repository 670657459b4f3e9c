import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Role } from '@app/auth';
import { Paginated, PageRequest } from '@app/common';
import { PreparedList, PreparedStatement } from '@app/database';
import { DataSource, EntityManager, ObjectLiteral, QueryFailedError, SelectQueryBuilder } from 'typeorm';
import { TeamDto } from './teams.dto';
import { INVALID_TEAM_PERSON, invalidTeamPeople, teamError, teamValidationError } from './teams.exception';

const people = (managers: boolean): string => `
  (SELECT coalesce(json_agg(json_build_object('id', tu.id, 'email', tu.email, 'firstname', tu.firstname, 'lastname', tu.lastname,
                                              'role', tm_m.role, 'status', tm_m.status) ORDER BY tu.id), '[]'::json)
     FROM team_members tm JOIN users tu ON tu.id = tm.user_id
     LEFT JOIN workspace_members tm_m ON tm_m.workspace_id = t.workspace_id AND tm_m.user_id = tm.user_id
    WHERE tm.team_id = t.id AND ${managers ? 'tm.is_manager' : 'NOT tm.is_manager'})`;

/** One team with its people (per-row subqueries), so a read is one statement. */
const TEAM_COLUMNS = ['t.id AS id', 't.name AS name', `${people(true)} AS managers`, `${people(false)} AS members`];

const NAME_INDEX = 'teams_workspace_name_uq';

export interface TeamInput {
  name: string;
  managers?: number[];
  members?: number[];
}

/**
 * Teams of one workspace (roles.md "Managed team"): a user is in a team once, as a manager (`is_manager`) or a member.
 * People must be non-archived members of the team's workspace and not project viewers (external clients). The methods
 * take the workspace id, not a caller: the API's guard (OW/EM) and the CLI (the operator) decide who may call them.
 */
@Injectable()
export class TeamsService {
  private readonly read: PreparedStatement<TeamDto>;
  private readonly listStatement: PreparedList<TeamDto>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.read = PreparedStatement.compile<TeamDto>('teams.get', (param) =>
      this.teams(param)
        .select(TEAM_COLUMNS)
        .andWhere('t.id = :teamId', { teamId: param('teamId') }),
    );
    this.listStatement = PreparedList.compile<TeamDto>('teams.list', {
      query: (param) => this.teams(param),
      idColumn: 't.id',
      orderBy: [['t.id', 'ASC']],
      select: TEAM_COLUMNS,
    });
  }

  list(workspaceId: number, page: PageRequest): Promise<Paginated<TeamDto>> {
    return this.listStatement.run(this.dataSource.manager, { workspaceId }, page, (row) => row);
  }

  get(workspaceId: number, teamId: number): Promise<TeamDto> {
    return this.readTeam(this.dataSource.manager, workspaceId, teamId);
  }

  create(workspaceId: number, input: TeamInput): Promise<TeamDto> {
    const managers = input.managers ?? [];
    const members = input.members ?? [];
    const both = members.findIndex((id) => managers.includes(id));
    if (both >= 0) throw teamValidationError(`members.${both}`, 'A user is in a team once: as a manager or as a member.');
    return this.dataSource.transaction(async (manager) => {
      await this.assertPeople(manager, workspaceId, [
        ...managers.map((id, index) => ({ id, field: `managers.${index}` })),
        ...members.map((id, index) => ({ id, field: `members.${index}` })),
      ]);
      const [{ id }] = (await this.named(() =>
        manager.query('INSERT INTO teams (workspace_id, name) VALUES ($1, $2) RETURNING id', [workspaceId, input.name]),
      )) as { id: number }[];
      const rows = [...managers.map((userId) => [userId, true] as const), ...members.map((userId) => [userId, false] as const)];
      if (rows.length > 0) {
        await manager.query(
          'INSERT INTO team_members (team_id, user_id, is_manager) SELECT $1, person.user_id, person.is_manager FROM unnest($2::int[], $3::boolean[]) AS person(user_id, is_manager)',
          [id, rows.map(([userId]) => userId), rows.map(([, isManager]) => isManager)],
        );
      }
      return this.readTeam(manager, workspaceId, id);
    });
  }

  rename(workspaceId: number, teamId: number, name: string): Promise<TeamDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockTeam(manager, workspaceId, teamId);
      await this.named(() => manager.query('UPDATE teams SET name = $2 WHERE id = $1', [teamId, name]));
      return this.readTeam(manager, workspaceId, teamId);
    });
  }

  /** Teams have no archive: deleting removes the team and its rows in team_members (ON DELETE CASCADE). */
  async remove(workspaceId: number, teamId: number): Promise<null> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockTeam(manager, workspaceId, teamId);
      await manager.query('DELETE FROM teams WHERE id = $1', [teamId]);
    });
    return null;
  }

  addPerson(workspaceId: number, teamId: number, userId: number, asManager: boolean): Promise<TeamDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockTeam(manager, workspaceId, teamId);
      await this.assertPeople(manager, workspaceId, [{ id: userId, field: 'user_id' }]);
      const inserted = (await manager.query(
        'INSERT INTO team_members (team_id, user_id, is_manager) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING user_id',
        [teamId, userId, asManager],
      )) as unknown[];
      if (inserted.length === 0) throw teamError('AlreadyInTeam');
      return this.readTeam(manager, workspaceId, teamId);
    });
  }

  removePerson(workspaceId: number, teamId: number, userId: number, asManager: boolean): Promise<TeamDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockTeam(manager, workspaceId, teamId);
      const [deleted] = (await manager.query(
        'DELETE FROM team_members WHERE team_id = $1 AND user_id = $2 AND is_manager = $3 RETURNING user_id',
        [teamId, userId, asManager],
      )) as [unknown[], number];
      if (deleted.length === 0) throw teamError(asManager ? 'ManagerNotFound' : 'MemberNotFound');
      return this.readTeam(manager, workspaceId, teamId);
    });
  }

  private async readTeam(manager: EntityManager, workspaceId: number, teamId: number): Promise<TeamDto> {
    const [team] = await this.read.run(manager, { workspaceId, teamId });
    if (!team) throw teamError('NotFound');
    return team;
  }

  private async lockTeam(manager: EntityManager, workspaceId: number, teamId: number): Promise<void> {
    const rows = (await manager.query('SELECT id FROM teams WHERE id = $1 AND workspace_id = $2 FOR UPDATE', [
      teamId,
      workspaceId,
    ])) as unknown[];
    if (rows.length === 0) throw teamError('NotFound');
  }

  /**
   * One statement for any number of people; their memberships are share-locked, so a concurrent archive waits
   * for this write (and the team never gains someone archived in the meantime).
   */
  private async assertPeople(manager: EntityManager, workspaceId: number, people: { id: number; field: string }[]): Promise<void> {
    if (people.length === 0) return;
    const rows = (await manager.query(
      `SELECT user_id FROM workspace_members
        WHERE workspace_id = $1 AND user_id = ANY($2) AND deleted_at IS NULL AND status IN ('active', 'inactive') AND role <> $3
        FOR SHARE`,
      [workspaceId, people.map((person) => person.id), Role.ProjectViewer],
    )) as { user_id: number }[];
    const eligible = new Set(rows.map((row) => row.user_id));
    const errors = Object.fromEntries(
      people.filter((person) => !eligible.has(person.id)).map((person) => [person.field, [INVALID_TEAM_PERSON]]),
    );
    if (Object.keys(errors).length > 0) throw invalidTeamPeople(errors);
  }

  /** The unique name index answers a duplicate name, also between concurrent writers. */
  private async named<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      const driverError = (error as QueryFailedError & { driverError?: { code?: string; constraint?: string } }).driverError;
      if (error instanceof QueryFailedError && driverError?.code === '23505' && driverError.constraint === NAME_INDEX) {
        throw teamError('NameTaken');
      }
      throw error;
    }
  }

  private teams(param: (key: string) => string): SelectQueryBuilder<ObjectLiteral> {
    return this.dataSource.manager
      .createQueryBuilder()
      .from('teams', 't')
      .where('t.workspace_id = :workspaceId', { workspaceId: param('workspaceId') });
  }
}

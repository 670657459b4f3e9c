import 'reflect-metadata';
import { parseArgs } from 'node:util';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { BootstrapService, User } from '@app/auth';
import { ApiException, ConfigError, loadConfig, parseCanonicalId } from '@app/common';
import { startEmbeddedPostgres } from '@app/database';
import { DataSource } from 'typeorm';
import { createApp } from './app.factory';
import { expenseCategoryCommands } from './modules/expenses/expense-category.commands';
import { LEAVE_POLICY_USAGE, leavePolicyCommands } from './modules/leaves/leave-policy.commands';
import { OAuthClientsService } from './modules/oauth/oauth-clients.service';
import { PersonalAccessTokensService } from './modules/oauth/personal-access-tokens.service';
import { SignInService } from './modules/oauth/sign-in.service';
import { TeamDto } from './modules/teams/teams.dto';
import { TeamsService } from './modules/teams/teams.service';
import { SCHEDULE_OPTIONS, SCHEDULE_USAGE, scheduleCommands } from './schedule-commands';

const USAGE = `Usage: npm run cli -- <command> [options]

  bootstrap --email <email> --workspace <name> [--firstname <n>] [--lastname <n>] [--password <p>]
      Create (or reuse) a user, make them Owner of a new workspace, print a personal access token.
  user:password --email <email> --password <p>
      Set the password used on the OAuth sign-in page (min. 12 characters).
  token:create --email <email> --name <name>     Create a personal access token (shown once).
  token:list --email <email>                      List live personal access tokens.
  token:revoke --email <email> --id <id>          Revoke a personal access token.
  app:create --email <email> --name <name> --grant authorization_code|client_credentials
             [--redirect-uri <uri> ...] [--public]
      Register an OAuth app owned by that user (the client secret is shown once).
  app:list --email <email>                        List the user's OAuth apps.
  app:delete --email <email> --client-id <id>     Delete an app and revoke its tokens.
  team:list --workspace-id <id>                   List the workspace's teams with managers and members.
  team:create --workspace-id <id> --name <name>   Create a team (names are unique in a workspace).
  team:rename --workspace-id <id> --id <team> --name <name>
  team:delete --workspace-id <id> --id <team>     Delete a team (its people stay in the workspace).
  team:add-member --workspace-id <id> --id <team> --email <email> [--manager]
      Add a member of the workspace to the team, as its manager with --manager.
  team:remove-member --workspace-id <id> --id <team> --email <email> [--manager]
  workspace:auto-approve-time-requests <workspace_id> on|off
      Approve every new time request of the workspace on creation (on), or only those of OW and EM (off).
  expense-category:create --workspace-id <id> --name <name>
      Create an expense category (names are unique in a workspace); prints its id, the category_id of expenses.
  expense-category:list --workspace-id <id>       List the workspace's expense categories (id, name).
  expense-category:delete --workspace-id <id> --id <category>
      Delete a category; refused while expenses use it.
${LEAVE_POLICY_USAGE}
${SCHEDULE_USAGE}

Uses DATABASE_URL when set, otherwise the embedded database under DATA_DIR (stop the server first:
the embedded database serves one process at a time).`;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

class UsageError extends Error {}

const OPTIONS = {
  email: { type: 'string' },
  workspace: { type: 'string' },
  firstname: { type: 'string' },
  lastname: { type: 'string' },
  password: { type: 'string' },
  name: { type: 'string' },
  id: { type: 'string' },
  grant: { type: 'string' },
  'redirect-uri': { type: 'string', multiple: true },
  public: { type: 'boolean' },
  'client-id': { type: 'string' },
  'workspace-id': { type: 'string' },
  manager: { type: 'boolean' },
  unit: { type: 'string' },
  duration: { type: 'string' },
  'hours-per-day': { type: 'string' },
  unpaid: { type: 'boolean' },
  'allow-negative': { type: 'boolean' },
  'reason-required': { type: 'boolean' },
  ...SCHEDULE_OPTIONS,
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; strict: true; allowPositionals: true }>>['values'];

/** Commands that take positional arguments; every other command refuses them. */
const POSITIONAL_COMMANDS = new Set(['workspace:auto-approve-time-requests']);

function required(values: Values, name: keyof Values): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required`);
  return value.trim();
}

async function findUser(app: NestFastifyApplication, email: string): Promise<User> {
  const user = await app.get(DataSource).getRepository(User).findOneBy({ email: email.toLowerCase() });
  if (!user) throw new UsageError(`no user with email ${email}`);
  return user;
}

/** Team commands name the workspace by id; an unknown or deleted one is a usage error, not a database error. */
async function teamsIn(app: NestFastifyApplication, workspaceId: number): Promise<TeamsService> {
  const rows: unknown[] = await app.get(DataSource).query('SELECT 1 FROM workspaces WHERE id = $1 AND deleted_at IS NULL', [workspaceId]);
  if (rows.length === 0) throw new UsageError(`no workspace with id ${workspaceId}`);
  return app.get(TeamsService);
}

async function withApp<T>(work: (app: NestFastifyApplication) => Promise<T>): Promise<T> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres({ dataDir: config.dataDir });
  const app = await createApp({ ...config, databaseUrl: config.databaseUrl ?? embedded!.url });
  try {
    return await work(app);
  } finally {
    await app.close();
    await embedded?.stop();
  }
}

function requiredId(values: Values, name: 'id' | 'workspace-id'): number {
  const id = parseCanonicalId(required(values, name));
  if (id === undefined) throw new UsageError(`--${name} must be a positive integer id`);
  return id;
}

const print = (text: string): void => void process.stdout.write(`${text}\n`);

function checkPassword(password: string): string {
  if (password.length < 12) throw new UsageError('--password must be at least 12 characters');
  return password;
}

const people = (list: TeamDto['members']): string => list.map((person) => `${person.email} (${person.id})`).join(', ') || '-';
const printTeam = (team: TeamDto): void =>
  print(`${team.id}\t${team.name}\tmanagers: ${people(team.managers)}\tmembers: ${people(team.members)}`);

const COMMANDS: Record<string, (values: Values, positionals: string[]) => Promise<void>> = {
  async bootstrap(values) {
    const email = required(values, 'email');
    if (!EMAIL.test(email)) throw new UsageError('--email must be an email address');
    const workspaceName = required(values, 'workspace');
    const password = values.password === undefined ? undefined : checkPassword(values.password);
    await withApp(async (app) => {
      const result = await app
        .get(BootstrapService)
        .createOwner({ email, workspaceName, firstname: values.firstname, lastname: values.lastname });
      if (password) await app.get(SignInService).setPassword(result.userId, password);
      print(`Owner user ${result.userId} and workspace ${result.workspaceId} are ready. This token is shown only once:\n`);
      print(`  TOKEN=${result.token}\n  WORKSPACE_ID=${result.workspaceId}`);
    });
  },

  async 'user:password'(values) {
    const password = checkPassword(required(values, 'password'));
    await withApp(async (app) => {
      const user = await findUser(app, required(values, 'email'));
      await app.get(SignInService).setPassword(user.id, password);
      print(`Password set for ${user.email}.`);
    });
  },

  async 'token:create'(values) {
    await withApp(async (app) => {
      const user = await findUser(app, required(values, 'email'));
      const created = await app.get(PersonalAccessTokensService).create(user.id, required(values, 'name'));
      print(`Token ${created.id} (expires ${created.expires_at}). Shown only once:\n\n  TOKEN=${created.token}`);
    });
  },

  async 'token:list'(values) {
    await withApp(async (app) => {
      const user = await findUser(app, required(values, 'email'));
      for (const token of await app.get(PersonalAccessTokensService).list(user.id)) {
        print(`${token.id}\t${token.name}\texpires ${token.expires_at}\tlast used ${token.last_used_at ?? 'never'}`);
      }
    });
  },

  async 'token:revoke'(values) {
    const id = Number(required(values, 'id'));
    await withApp(async (app) => {
      const user = await findUser(app, required(values, 'email'));
      await app.get(PersonalAccessTokensService).revoke(user.id, id);
      print(`Token ${id} revoked.`);
    });
  },

  async 'app:create'(values) {
    const grant = required(values, 'grant');
    if (grant !== 'authorization_code' && grant !== 'client_credentials')
      throw new UsageError('--grant must be authorization_code or client_credentials');
    await withApp(async (app) => {
      const user = await findUser(app, required(values, 'email'));
      const { client, clientSecret } = await app.get(OAuthClientsService).register(user.id, {
        name: required(values, 'name'),
        redirectUris: values['redirect-uri'] ?? [],
        grantType: grant,
        confidential: !values.public,
      });
      print(`CLIENT_ID=${client.clientId}`);
      print(clientSecret ? `CLIENT_SECRET=${clientSecret}   (shown only once)` : 'public client: no secret, PKCE required');
    });
  },

  async 'app:list'(values) {
    await withApp(async (app) => {
      const user = await findUser(app, required(values, 'email'));
      for (const client of await app.get(OAuthClientsService).list(user.id)) {
        print(`${client.clientId}\t${client.name}\t${client.grants.join(',')}\t${client.redirectUris.join(' ')}`);
      }
    });
  },

  async 'app:delete'(values) {
    await withApp(async (app) => {
      const user = await findUser(app, required(values, 'email'));
      await app.get(OAuthClientsService).remove(user.id, required(values, 'client-id'));
      print('App deleted; its tokens are revoked.');
    });
  },

  async 'team:list'(values) {
    const workspaceId = requiredId(values, 'workspace-id');
    await withApp(async (app) => {
      const teams = await teamsIn(app, workspaceId);
      for (let page = 1, last = 1; page <= last; page++) {
        const { items, pagination } = await teams.list(workspaceId, { page, perPage: 100 });
        items.forEach(printTeam);
        last = pagination.last_page;
      }
    });
  },

  async 'team:create'(values) {
    const workspaceId = requiredId(values, 'workspace-id');
    await withApp(async (app) =>
      printTeam(await (await teamsIn(app, workspaceId)).create(workspaceId, { name: required(values, 'name') })),
    );
  },

  async 'team:rename'(values) {
    const [workspaceId, teamId] = [requiredId(values, 'workspace-id'), requiredId(values, 'id')];
    await withApp(async (app) => printTeam(await (await teamsIn(app, workspaceId)).rename(workspaceId, teamId, required(values, 'name'))));
  },

  async 'team:delete'(values) {
    const [workspaceId, teamId] = [requiredId(values, 'workspace-id'), requiredId(values, 'id')];
    await withApp(async (app) => {
      await (await teamsIn(app, workspaceId)).remove(workspaceId, teamId);
      print(`Team ${teamId} deleted.`);
    });
  },

  async 'team:add-member'(values) {
    const [workspaceId, teamId] = [requiredId(values, 'workspace-id'), requiredId(values, 'id')];
    await withApp(async (app) => {
      const user = await findUser(app, required(values, 'email'));
      printTeam(await (await teamsIn(app, workspaceId)).addPerson(workspaceId, teamId, user.id, values.manager === true));
    });
  },

  ...expenseCategoryCommands({ withApp, required, requiredId, print, usageError: (message) => new UsageError(message) }),

  async 'workspace:auto-approve-time-requests'(_values, positionals) {
    await setTimeRequestAutoApproval(positionals);
  },

  async 'team:remove-member'(values) {
    const [workspaceId, teamId] = [requiredId(values, 'workspace-id'), requiredId(values, 'id')];
    await withApp(async (app) => {
      const user = await findUser(app, required(values, 'email'));
      printTeam(await (await teamsIn(app, workspaceId)).removePerson(workspaceId, teamId, user.id, values.manager === true));
    });
  },

  ...leavePolicyCommands<Values>({ withApp, required, requiredId, findUser, print, usageError: (message) => new UsageError(message) }),
  ...scheduleCommands({
    withApp,
    required: (values, name) => required(values as Values, name),
    requiredId: (values, name) => requiredId(values as Values, name),
    findUser,
    print,
    usageError: (message) => new UsageError(message),
  }),
};

/** The workspace setting no API operation exposes (time-requests.md: approval "based on ... workspace auto-approval settings"). */
async function setTimeRequestAutoApproval(positionals: string[]): Promise<void> {
  const [rawId, value, ...extra] = positionals;
  const workspaceId = parseCanonicalId(rawId);
  if (workspaceId === undefined) throw new UsageError('<workspace_id> must be a positive integer id');
  if ((value !== 'on' && value !== 'off') || extra.length > 0) throw new UsageError('expected on or off after the workspace id');
  await withApp(async (app) => {
    const [, affected] = (await app
      .get(DataSource)
      .query('UPDATE workspaces SET time_request_auto_approve = $2, updated_at = now() WHERE id = $1 AND deleted_at IS NULL', [
        workspaceId,
        value === 'on',
      ])) as [unknown, number];
    if (affected === 0) throw new UsageError(`no workspace with id ${workspaceId}`);
    print(`Time requests of workspace ${workspaceId} are ${value === 'on' ? 'approved on creation' : 'approved by OW or EM'}.`);
  });
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const handler = command ? COMMANDS[command] : undefined;
    if (!handler) throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
    const { values, positionals } = parseArgs({ args: rest, options: OPTIONS, strict: true, allowPositionals: true });
    if (positionals.length > 0 && !POSITIONAL_COMMANDS.has(command)) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    await handler(values, positionals);
    return 0;
  } catch (error) {
    const usage =
      error instanceof UsageError || error instanceof ConfigError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (usage) {
      process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof ApiException) {
      process.stderr.write(`${error.message}${error.errors ? ` ${JSON.stringify(error.errors)}` : ''}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await run(process.argv.slice(2));

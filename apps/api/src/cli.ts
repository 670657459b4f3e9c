import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { BootstrapService } from '@app/auth';
import { ConfigError, loadConfig } from '@app/common';
import { startEmbeddedPostgres } from '@app/database';
import { createApp } from './app.factory';

const USAGE = `Usage:
  npm run cli -- bootstrap --email <email> --workspace <name> [--firstname <name>] [--lastname <name>]

Creates (or reuses) a user, makes them Owner of a new workspace and prints a personal access token.
Uses DATABASE_URL when set, otherwise the embedded database under DATA_DIR (stop the server first:
the embedded database accepts one process at a time).`;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

async function bootstrap(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { email: { type: 'string' }, workspace: { type: 'string' }, firstname: { type: 'string' }, lastname: { type: 'string' } },
  });
  if (!values.email || !EMAIL.test(values.email) || !values.workspace?.trim())
    throw new UsageError('bootstrap needs --email <valid email> and --workspace <name>');
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres({ dataDir: config.dataDir });
  const app = await createApp({ ...config, databaseUrl: config.databaseUrl ?? embedded!.url });
  try {
    const result = await app.get(BootstrapService).createOwner({
      email: values.email,
      workspaceName: values.workspace.trim(),
      firstname: values.firstname,
      lastname: values.lastname,
    });
    process.stdout.write(
      `Owner user ${result.userId} and workspace ${result.workspaceId} are ready. This token is shown only once:\n\n` +
        `  TOKEN=${result.token}\n  WORKSPACE_ID=${result.workspaceId}\n`,
    );
  } finally {
    await app.close();
    await embedded?.stop();
  }
}

class UsageError extends Error {}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'bootstrap') {
      await bootstrap(rest);
      return 0;
    }
    throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await run(process.argv.slice(2));

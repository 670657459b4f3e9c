// The bench's own database: created, migrated (by booting our server, which runs migrations),
// seeded, and reused on the next run while the dataset fingerprint still matches.
import pg from 'pg';
import { log } from './log.mjs';
import { datasetFingerprint, seed } from './seed.mjs';
import { startServer } from './servers.mjs';

const COMMENT_PREFIX = 'webwork-bench dataset';

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const ident = (name) => `"${name.replace(/"/g, '""')}"`;

/** `source` is the tree the server was built from (its migrations are part of the fingerprint). */
export async function prepareDatabase(config, root, source) {
  const fingerprint = await datasetFingerprint(config.tier, config.dataset, source);
  const expected = `${COMMENT_PREFIX} ${fingerprint}`;
  const current = await withClient(config.adminUrl, async (admin) => {
    const { rows } = await admin.query(`SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`, [
      config.databaseName,
    ]);
    return rows[0]?.comment ?? null;
  });
  if (current === expected && !config.reseed) {
    log(`database: reusing ${config.databaseName} (tier ${config.tier}, dataset ${fingerprint})`);
    return { fingerprint, reused: true };
  }
  const why = config.reseed
    ? 'BENCH_RESEED'
    : current
      ? `dataset changed: ${current.replace(COMMENT_PREFIX, '').trim()} → ${fingerprint}`
      : 'not seeded yet';
  log(`database: recreating ${config.databaseName} (${why})`);
  await withClient(config.adminUrl, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${ident(config.databaseName)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${ident(config.databaseName)}`);
  });
  log('database: migrating (booting the API once; it runs migrations at start)');
  const server = await startServer(root, 'ours', { port: config.port, entry: config.oursEntry, databaseUrl: config.databaseUrl });
  await server.stop();
  const started = Date.now();
  const seeded = await seed(config.databaseUrl, config.tier, config.dataset);
  log(`seed: done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  await markDataset(config, expected);
  return { fingerprint, reused: false, timeEntries: seeded.timeEntries };
}

/** Before a workload that writes, the dataset no longer matches its fingerprint: the next run reseeds. */
export async function markDirty(config) {
  await markDataset(config, `${COMMENT_PREFIX} dirty`);
}

async function markDataset(config, comment) {
  await withClient(config.adminUrl, (admin) =>
    admin.query(`COMMENT ON DATABASE ${ident(config.databaseName)} IS '${comment.replace(/'/g, "''")}'`),
  );
}

/** Row counts and server facts for the report. */
export async function describeDatabase(config) {
  return withClient(config.databaseUrl, async (client) => {
    const tables = [
      'users',
      'workspace_members',
      'personal_access_tokens',
      'projects',
      'contracts',
      'tags',
      'project_tags',
      'teams',
      'team_members',
      'time_entries',
      'timesheets',
    ];
    const counts = {};
    for (const table of tables) {
      const { rows } = await client.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [`public.${table}`]);
      counts[table] = rows[0].present ? (await client.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n : null;
    }
    const { rows } = await client.query(
      `SELECT current_setting('server_version') AS version, current_setting('shared_buffers') AS shared_buffers`,
    );
    return { counts, postgres: rows[0] };
  });
}

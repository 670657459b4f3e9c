// Deterministic bench dataset, bulk-inserted with the same tables and columns the API's entities map
// (see libs/database/src/migrations). Ids are explicit so workloads can name them without querying.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import pg from 'pg';
import { log } from './log.mjs';

export const WORKSPACE_ID = 1;
export const OWNER_ID = 1;
/** Time entries fall in this year; W5/W6 ask for a week and a month inside it. */
export const ENTRY_YEAR = 2025;
export const SAMPLE_WEEK = { start: '2025-06-02', end: '2025-06-08' };
export const SAMPLE_MONTH = { start: '2025-06-01', end: '2025-06-30' };

const ROLE_CYCLE = [
  'Executive manager',
  'Project manager',
  'Project manager',
  'Team manager',
  'Project viewer',
  ...Array(15).fill('Regular User'),
];

/** A member's role and status are a function of the user id (the workloads pick members by them). */
export const memberRole = (id) => (id === OWNER_ID ? 'Owner' : ROLE_CYCLE[id % ROLE_CYCLE.length]);
export const memberActive = (id) => id === OWNER_ID || id % 33 !== 0;

/** mulberry32: a tiny seeded PRNG, so every run builds the same rows. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Each member's bearer token, derived (not stored): the bench can reuse a seeded database across runs. */
export function tokenFor(tier, userId) {
  return `wwpat_${createHash('sha256').update(`webwork-bench:${tier}:${userId}`).digest('base64url')}`;
}

const sha256Hex = (value) => createHash('sha256').update(value, 'utf8').digest('hex');

/** Builds every row in memory (the largest, tier L, is ~100k contracts). */
export function buildDataset(tier, size) {
  const random = rng(0x5eed + size.members);
  const pick = (n) => Math.floor(random() * n);
  const users = [];
  const members = [];
  for (let id = 1; id <= size.members; id++) {
    users.push([id, `member${id}@bench.example`, 'Member', String(id), 'Europe/Berlin']);
    members.push([
      id,
      WORKSPACE_ID,
      id,
      memberRole(id),
      memberActive(id) ? 'active' : 'inactive',
      id === OWNER_ID || id % 2 === 0 ? 1 : 0,
      (20 + (id % 40)).toFixed(2),
    ]);
  }
  const tags = [];
  for (let id = 1; id <= size.tags; id++)
    tags.push([id, WORKSPACE_ID, `Tag ${id}`, `#${((id * 0x2f5a3b) & 0xffffff).toString(16).padStart(6, '0')}`]);
  const projects = [];
  const projectTags = [];
  for (let id = 1; id <= size.projects; id++) {
    const month = 1 + (id % 12);
    const start = `${ENTRY_YEAR}-${String(month).padStart(2, '0')}-01`;
    const deadline = id % 3 === 0 ? null : `${ENTRY_YEAR + 1}-${String(month).padStart(2, '0')}-15`;
    projects.push([
      id,
      WORKSPACE_ID,
      `Project ${id}`,
      start,
      deadline,
      (40 + (id % 200)).toFixed(2),
      id % 4 === 0 ? null : (1000 * (1 + (id % 50))).toFixed(2),
      id % 5 === 0 ? null : `Notes for project ${id}`,
      id % 2 === 0 ? `icon-${id % 10}` : null,
      id % 7 !== 0,
      (25 + (id % 30)).toFixed(2),
    ]);
    const tagCount = pick(5);
    const chosen = new Set();
    while (chosen.size < Math.min(tagCount, size.tags)) chosen.add(1 + pick(size.tags));
    for (const tagId of chosen) projectTags.push([id, tagId]);
  }
  // Contracts: every member but the owner works on 1–5 projects; the heavy 20% on up to 10.
  const contracts = [];
  const heavy = Math.max(1, Math.floor(size.members * 0.2));
  for (let userId = 2; userId <= size.members; userId++) {
    const count = Math.min(size.projects, userId <= heavy + 1 ? 3 + pick(8) : 1 + pick(5));
    const chosen = new Set();
    while (chosen.size < count) chosen.add(1 + pick(size.projects));
    for (const projectId of chosen) {
      const id = contracts.length + 1;
      const status = id % 10 === 0 ? 'paused' : 'active';
      contracts.push([id, WORKSPACE_ID, projectId, userId, (20 + (userId % 40)).toFixed(2), 1 + (id % 3), 'USD', 40, status]);
    }
  }
  // Teams of ten; Team managers manage their own team.
  const teams = [];
  const teamMembers = [];
  for (let userId = 2; userId <= size.members; userId++) {
    const teamId = 1 + Math.floor((userId - 2) / 10);
    if (teams.length < teamId) teams.push([teamId, WORKSPACE_ID, `Team ${teamId}`]);
    teamMembers.push([teamId, userId, members[userId - 1][3] === 'Team manager']);
  }
  const projectManagers = [];
  const projectViewers = [];
  for (const [, , userId, role] of members) {
    if (role === 'Project manager') for (let k = 0; k < 3; k++) projectManagers.push([1 + ((userId * 3 + k) % size.projects), userId]);
    if (role === 'Project viewer') for (let k = 0; k < 2; k++) projectViewers.push([1 + ((userId * 5 + k) % size.projects), userId]);
  }
  const dedupe = (rows) => [...new Map(rows.map((row) => [row.join(':'), row])).values()];
  const tokens = users.map(([id]) => [id, id, 'bench', sha256Hex(tokenFor(tier, id))]);
  return {
    users,
    members,
    tokens,
    tags,
    projects,
    projectTags,
    contracts,
    teams,
    teamMembers,
    projectManagers: dedupe(projectManagers),
    projectViewers: dedupe(projectViewers),
  };
}

/** `INSERT … SELECT * FROM unnest($1::type[], …)` in chunks: one round trip per 5,000 rows. */
async function bulkInsert(client, table, columns, types, rows, { identity = false } = {}) {
  const chunk = 5_000;
  for (let offset = 0; offset < rows.length; offset += chunk) {
    const slice = rows.slice(offset, offset + chunk);
    const arrays = columns.map((_, i) => slice.map((row) => row[i]));
    const params = types.map((type, i) => `$${i + 1}::${type}[]`).join(', ');
    await client.query(
      `INSERT INTO ${table} (${columns.join(', ')}) ${identity ? 'OVERRIDING SYSTEM VALUE' : ''} SELECT * FROM unnest(${params})`,
      arrays,
    );
  }
  log(`seed: ${table.padEnd(24)} ${rows.length.toLocaleString('en-US').padStart(10)} rows`);
}

/**
 * Time entries: 20% of the members own 60% of the entries, spread over ENTRY_YEAR, and one pending timesheet
 * per member and week with time. Generated inside PostgreSQL (generate_series) so 10M rows need no round trips.
 * Each entry is on one of the member's contracts (its project with it), as tracked time is; the owner, who has no
 * contract, tracks on a project only. A member's entries never overlap (the table's exclusion constraint): entry k of a member with n entries
 * starts in the k-th of n equal slots of the year and lasts 15 min to 4 h, at most 90% of its slot.
 */
async function seedTimeEntries(client, size) {
  const { rows } = await client.query(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'time_entries'`,
  );
  if (rows.length === 0) return { seeded: 0, note: 'skipped: no time_entries table yet (the time-tracking issue has not landed)' };
  const have = new Set(rows.map((row) => row.column_name));
  const needed = ['workspace_id', 'user_id', 'project_id', 'method', 'start_time', 'end_time'];
  const missing = needed.filter((column) => !have.has(column));
  if (missing.length > 0) return { seeded: 0, note: `skipped: time_entries lacks ${missing.join(', ')}; adapt seedTimeEntries()` };
  const heavy = Math.max(1, Math.floor(size.members * 0.2));
  const heavyEach = Math.round((size.timeEntries * 0.6) / heavy);
  const lightEach = Math.round((size.timeEntries * 0.4) / Math.max(1, size.members - heavy));
  // One member per statement keeps each statement's memory small at tier L.
  const perStatement = Math.max(1, Math.floor(1_000_000 / heavyEach));
  let seeded = 0;
  for (let first = 1; first <= size.members; first += perStatement) {
    const last = Math.min(size.members, first + perStatement - 1);
    const result = await client.query(
      `WITH member_contracts AS (
         SELECT user_id, array_agg(id ORDER BY id) AS ids, array_agg(project_id ORDER BY id) AS projects
           FROM contracts WHERE workspace_id = $1 AND user_id BETWEEN $5 AND $6 GROUP BY user_id)
       INSERT INTO time_entries (workspace_id, user_id, contract_id, project_id, method, start_time, end_time)
       SELECT $1, u.user_id, mc.ids[(1 + x.h % cardinality(mc.ids))::int],
              coalesce(mc.projects[(1 + x.h % cardinality(mc.ids))::int], 1 + (x.h / 7) % $4), 'Desktop tracker', x.slot_start,
              x.slot_start + least(x.slot * 0.9, make_interval(mins => 15 + (x.h % 226)::int))
         FROM generate_series($5::int, $6::int) AS u(user_id)
         LEFT JOIN member_contracts mc ON mc.user_id = u.user_id
        CROSS JOIN LATERAL (SELECT CASE WHEN u.user_id <= $2 THEN $3::int ELSE $7::int END AS n) c
        CROSS JOIN LATERAL generate_series(0, c.n - 1) AS k
        CROSS JOIN LATERAL (SELECT interval '365 days' / c.n AS slot,
                                   make_timestamptz(${ENTRY_YEAR}, 1, 1, 0, 0, 0, 'UTC') + k * (interval '365 days' / c.n) AS slot_start,
                                   ((u.user_id::bigint * 1000003 + k) * 2654435761) % 4294967296 AS h) x`,
      [WORKSPACE_ID, heavy, heavyEach, size.projects, first, last, lightEach],
    );
    seeded += result.rowCount ?? 0;
    log(`seed: time_entries ${seeded.toLocaleString('en-US')}/${size.timeEntries.toLocaleString('en-US')}`);
  }
  const { rowCount } = await client.query(
    `INSERT INTO timesheets (workspace_id, user_id, date_from, date_to)
     SELECT DISTINCT workspace_id, user_id, (date_trunc('week', start_time AT TIME ZONE 'UTC'))::date,
            (date_trunc('week', start_time AT TIME ZONE 'UTC'))::date + 6
       FROM time_entries WHERE workspace_id = $1`,
    [WORKSPACE_ID],
  );
  log(`seed: timesheets ${(rowCount ?? 0).toLocaleString('en-US')} rows`);
  return { seeded, note: `${seeded.toLocaleString('en-US')} entries, 20% of members own 60%; ${rowCount} weekly timesheets` };
}

/** Identifies the dataset: seed code, tier sizes and the migration set (a new migration forces a reseed). */
export async function datasetFingerprint(tier, size, root) {
  const source = await readFile(new URL(import.meta.url), 'utf8');
  const migrations = (await readdir(`${root}/libs/database/src/migrations`)).sort().join(',');
  return createHash('sha256').update(JSON.stringify({ tier, size, migrations, source })).digest('hex').slice(0, 16);
}

export async function seed(databaseUrl, tier, size) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const data = buildDataset(tier, size);
    const expires = new Date(Date.now() + 10 * 365 * 86_400_000).toISOString();
    await client.query('BEGIN');
    await bulkInsert(
      client,
      'users',
      ['id', 'email', 'firstname', 'lastname', 'timezone'],
      ['int', 'text', 'text', 'text', 'text'],
      data.users,
      {
        identity: true,
      },
    );
    await client.query(`INSERT INTO workspaces (id, name, owner_id) OVERRIDING SYSTEM VALUE VALUES ($1, 'Bench Workspace', $2)`, [
      WORKSPACE_ID,
      OWNER_ID,
    ]);
    await bulkInsert(
      client,
      'workspace_members',
      ['id', 'workspace_id', 'user_id', 'role', 'status', 'rate_status', 'rate'],
      ['int', 'int', 'int', 'text', 'text', 'smallint', 'numeric'],
      data.members,
      { identity: true },
    );
    await bulkInsert(
      client,
      'personal_access_tokens',
      ['id', 'user_id', 'name', 'token_hash', 'expires_at'],
      ['int', 'int', 'text', 'text', 'timestamptz'],
      data.tokens.map((row) => [...row, expires]),
      { identity: true },
    );
    await bulkInsert(client, 'tags', ['id', 'workspace_id', 'name', 'color'], ['int', 'int', 'text', 'text'], data.tags, {
      identity: true,
    });
    await bulkInsert(
      client,
      'projects',
      ['id', 'workspace_id', 'name', 'start_date', 'deadline', 'estimation', 'budget_estimation', 'notes', 'icon', 'is_billable', 'rate'],
      ['int', 'int', 'text', 'date', 'date', 'numeric', 'numeric', 'text', 'text', 'bool', 'numeric'],
      data.projects,
      { identity: true },
    );
    await bulkInsert(client, 'project_tags', ['project_id', 'tag_id'], ['int', 'int'], data.projectTags);
    await bulkInsert(
      client,
      'contracts',
      ['id', 'workspace_id', 'project_id', 'user_id', 'rate', 'rate_type', 'currency', 'weekly_hours_limit', 'status'],
      ['int', 'int', 'int', 'int', 'numeric', 'smallint', 'text', 'int', 'text'],
      data.contracts,
      { identity: true },
    );
    await bulkInsert(client, 'teams', ['id', 'workspace_id', 'name'], ['int', 'int', 'text'], data.teams, { identity: true });
    await bulkInsert(client, 'team_members', ['team_id', 'user_id', 'is_manager'], ['int', 'int', 'bool'], data.teamMembers);
    await bulkInsert(client, 'project_managers', ['project_id', 'user_id'], ['int', 'int'], data.projectManagers);
    await bulkInsert(client, 'project_viewer_projects', ['project_id', 'user_id'], ['int', 'int'], data.projectViewers);
    const timeEntries = await seedTimeEntries(client, size);
    if (timeEntries.seeded === 0) log(`seed: time_entries ${timeEntries.note}`);
    // Explicit ids bypassed the identity sequences: move them past the seeded rows so API inserts work.
    for (const table of ['users', 'workspaces', 'workspace_members', 'personal_access_tokens', 'tags', 'projects', 'contracts', 'teams']) {
      await client.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
    }
    await client.query('COMMIT');
    log('seed: VACUUM ANALYZE');
    await client.query('VACUUM ANALYZE');
    return {
      counts: Object.fromEntries(Object.entries(data).map(([key, rows]) => [key, rows.length])),
      timeEntries,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

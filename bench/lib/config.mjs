// Settings of one `npm run bench` run, read from the environment (see bench/README.md).
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

/**
 * Dataset tiers. `timeEntries` is seeded once a `time_entries` table exists; members,
 * projects and everything hanging off them are seeded at these sizes today.
 */
export const TIERS = {
  S: { timeEntries: 100_000, members: 100, projects: 20, tags: 30 },
  M: { timeEntries: 1_000_000, members: 1_000, projects: 200, tags: 100 },
  L: { timeEntries: 10_000_000, members: 10_000, projects: 2_000, tags: 300 },
};

// Eight workloads × three targets × (4 s + 3 × 8 s) ≈ 11 minutes of load, so a fresh-clone tier-S run (build, seed,
// calibration included) stays under 15 minutes on 2 cores. 3 × 20 s per target would take ~30.
export const DEFAULTS = { duration: 8, warmup: 4, repeat: 3, connections: 50, calibrate: 200 };

function int(env, name, fallback, min = 0) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min} (got "${raw}")`);
  return value;
}

function list(env, name) {
  const raw = env[name];
  return raw
    ? raw
        .split(',')
        .map((s) => s.trim().toUpperCase())
        .filter(Boolean)
    : undefined;
}

/** The bench's own database: BENCH_DATABASE_URL, else DATABASE_URL's server with db `webwork_bench`, else local. */
function benchDatabaseUrl(env) {
  const url = new URL(env.BENCH_DATABASE_URL || env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/webwork_bench');
  if (!env.BENCH_DATABASE_URL) url.pathname = '/webwork_bench';
  const name = decodeURIComponent(url.pathname.slice(1));
  // The bench drops and recreates this database: refuse anything that does not look like a bench database.
  if (!/bench/i.test(name)) throw new Error(`refusing to use database "${name}": its name must contain "bench"`);
  return url;
}

/**
 * Our server runs as `npm start` runs it: the node flags of package.json's start script (the documented heap
 * setting), unless BENCH_OURS_NODE_FLAGS names others ("none" for none).
 */
function oursNodeFlags(env) {
  const raw = env.BENCH_OURS_NODE_FLAGS;
  if (raw !== undefined) return raw.trim() === 'none' ? [] : raw.split(/\s+/).filter(Boolean);
  const start = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).scripts.start;
  return start.split(/\s+/).filter((word) => word.startsWith('--') && word !== '--enable-source-maps');
}

export function loadBenchConfig(env = process.env) {
  const tier = (env.BENCH_TIER || 'S').toUpperCase();
  if (!TIERS[tier]) throw new Error(`BENCH_TIER must be one of ${Object.keys(TIERS).join(', ')}`);
  const databaseUrl = benchDatabaseUrl(env);
  const adminUrl = new URL(databaseUrl);
  adminUrl.pathname = '/postgres';
  const config = {
    tier,
    dataset: TIERS[tier],
    duration: int(env, 'BENCH_DURATION', DEFAULTS.duration, 1),
    warmup: int(env, 'BENCH_WARMUP', DEFAULTS.warmup, 0),
    repeat: int(env, 'BENCH_REPEAT', DEFAULTS.repeat, 1),
    connections: int(env, 'BENCH_CONNECTIONS', DEFAULTS.connections, 1),
    calibrate: int(env, 'BENCH_CALIBRATE', DEFAULTS.calibrate, 10),
    workloads: list(env, 'BENCH_WORKLOADS'),
    targets: (env.BENCH_TARGETS || 'ours,baseline,limit').split(',').map((s) => s.trim()),
    reseed: ['1', 'true'].includes(env.BENCH_RESEED ?? ''),
    skipBuild: ['1', 'true'].includes(env.BENCH_SKIP_BUILD ?? ''),
    ref: env.BENCH_REF || undefined,
    oursEntry: env.BENCH_OURS_ENTRY || undefined,
    oursNodeFlags: oursNodeFlags(env),
    port: int(env, 'BENCH_PORT', 3917, 1),
    databaseUrl: databaseUrl.toString(),
    adminUrl: adminUrl.toString(),
    databaseName: decodeURIComponent(databaseUrl.pathname.slice(1)),
    out: env.BENCH_OUT,
    notes: env.BENCH_NOTES,
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30) },
  };
  config.isDefault =
    config.duration === DEFAULTS.duration &&
    config.warmup === DEFAULTS.warmup &&
    config.repeat === DEFAULTS.repeat &&
    config.connections === DEFAULTS.connections &&
    !config.workloads;
  return config;
}

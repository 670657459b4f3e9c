// `npm run bench`: build, seed, then drive our API and the two raw baselines (one server at a time) with autocannon,
// and write bench/results/<date>.md + .json. Settings: bench/README.md.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { loadBenchConfig } from './lib/config.mjs';
import pg from 'pg';
import { describeDatabase, markDirty, prepareDatabase } from './lib/database.mjs';
import { log, progress, warn } from './lib/log.mjs';
import { rerender, writeReport } from './lib/report.mjs';
import { memberActive, memberRole, OWNER_ID, tokenFor, WORKSPACE_ID } from './lib/seed.mjs';
import { buildServer, processStats, sampleProcess, startServer, TARGETS } from './lib/servers.mjs';
import { openStatStatements, startCountingProxy, statementDelta } from './lib/statements.mjs';
import { WORKLOADS } from './workloads.mjs';

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

/** Everything the workloads need to name: ids and tokens follow from the deterministic seed. */
function workloadContext(config) {
  const { members, projects } = config.dataset;
  const ids = (n) => Array.from({ length: n }, (_, i) => i + 1);
  const active = ids(members).filter((id) => id !== OWNER_ID && memberActive(id));
  return {
    tier: config.tier,
    workspaceId: WORKSPACE_ID,
    token: tokenFor(config.tier, OWNER_ID),
    projectIds: ids(projects),
    // Members of the heavy 20% (they own most contracts and time entries).
    sampleMemberIds: active.slice(0, 10),
    // One member per connection for start/stop (a user has at most one running tracker).
    trackingMemberIds: active.filter((id) => memberRole(id) !== 'Project viewer'),
  };
}

const authHeaders = (workload, ctx) => (workload.auth === false ? {} : { authorization: `Bearer ${ctx.token}` });

async function send(url, workload, ctx, request, { auth = true } = {}) {
  const response = await fetch(`${url}${request.path}`, {
    method: request.method,
    headers: { ...(auth ? authHeaders(workload, ctx) : {}), ...request.headers },
    body: request.body,
  });
  const headers = [...response.headers.keys()].filter((name) => !['date', 'x-request-id'].includes(name)).sort();
  return { status: response.status, body: await response.text(), headers };
}

/** A route that does not exist answers the generic 404 "Not found." (an unknown id has its own message). */
async function probe(url, workload, ctx) {
  const request = workload.probe(ctx);
  if (!request) return { implemented: true };
  const { status, body } = await send(url, workload, ctx, request, { auth: false });
  const notFound = status === 404 && /"message":"Not found\."/.test(body);
  return { implemented: !notFound, status };
}

// Masked before comparing bodies: the envelope's timestamp, and the instants a write takes from the clock (a tracker's
// `start_time`/`stopped_at` in `+00:00` form and the start message's `YYYY-MM-DD HH:MM UTC`), which differ between runs.
const normalise = (body) =>
  body
    .replace(/"timestamp":"[^"]*"/g, '"timestamp":"…"')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00/g, '…')
    .replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/g, '… UTC');

/** N sequential requests; statements counted by pg_stat_statements or by the wire proxy. */
async function calibrate(url, workload, ctx, count, counter) {
  const requests = workload.requests(ctx, 0);
  await counter.begin();
  const statuses = {};
  let sample = null;
  for (let i = 0; i < count; i++) {
    const { status, body, headers } = await send(url, workload, ctx, requests[i % requests.length]);
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (i === 0) {
      sample = { status, sha256: createHash('sha256').update(normalise(body)).digest('hex').slice(0, 16), bytes: body.length, headers };
    }
  }
  const { statements, texts } = await counter.end();
  return {
    perRequest: statements / count,
    texts: texts.slice(0, 12).map((t) => ({ perRequest: t.count / count, sql: t.sql.slice(0, 400) })),
    statuses,
    sample,
  };
}

/**
 * A write workload's `reset` SQL, run before every calibration, warm-up and run: a run cut off mid-sequence (a start
 * without its stop) must not turn the next one's first requests into 409s.
 */
async function resetWorkload(config, workload) {
  if (!workload.reset) return;
  // Requests still in flight when the previous run stopped are served after it: let them finish first.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const client = new pg.Client({ connectionString: config.databaseUrl });
  await client.connect();
  try {
    await client.query(workload.reset);
  } finally {
    await client.end();
  }
}

function cannon(url, workload, ctx, { duration, connections }, label) {
  let client = 0;
  const instance = autocannon({
    url,
    connections,
    pipelining: 1,
    duration,
    timeout: 10,
    headers: authHeaders(workload, ctx),
    requests: workload.requests(ctx, 0),
    setupClient: (c) => {
      const index = client++;
      if (index > 0) c.setRequests(workload.requests(ctx, index));
    },
  });
  let elapsed = 0;
  instance.on('tick', ({ counter }) => {
    elapsed++;
    progress(`${label} ${String(elapsed).padStart(3)}/${duration}s ${counter.toLocaleString('en-US').padStart(7)} req/s`);
  });
  return instance;
}

function summarise(result, usage) {
  return {
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    peakRssMb: usage.peakRssMb,
    cpuCores: usage.cpuCores,
    foreignCpuCores: usage.foreignCpuCores,
  };
}

const portOf = (config, name) => config.port + Object.keys(TARGETS).indexOf(name);
const entryOf = (config, name) => (name === 'ours' ? config.oursEntry : undefined);
const flagsOf = (config, name) => (name === 'ours' ? config.oursNodeFlags : []);

/**
 * Phase 1 for one target: probe every workload, count SQL statements per request and keep a response
 * sample (for the parity check). Behind the counting proxy when pg_stat_statements is unavailable.
 */
async function calibrateTarget(name, config, ctx, workloads, statStatements) {
  const out = { label: TARGETS[name].label, workloads: {} };
  const proxy = statStatements.available ? null : await startCountingProxy(config.databaseUrl);
  const server = await startServer(root, name, {
    port: portOf(config, name),
    entry: entryOf(config, name),
    nodeFlags: flagsOf(config, name),
    databaseUrl: proxy?.url ?? config.databaseUrl,
  });
  let before = null;
  const counter = proxy
    ? { begin: async () => (before = proxy.snapshot()), end: async () => statementDelta(before, proxy.snapshot()) }
    : { begin: () => statStatements.reset(), end: () => statStatements.read() };
  try {
    for (const workload of workloads) {
      const probed = await probe(server.url, workload, ctx);
      const needs = (workload.needs ?? []).filter((id) => !out.workloads[id]?.implemented);
      const implemented = probed.implemented && needs.length === 0;
      out.workloads[workload.id] = { implemented, probeStatus: probed.status, ...(needs.length ? { missing: needs } : {}) };
      if (!implemented) {
        log(`[${name}] ${workload.id} not implemented (${needs.length ? `needs ${needs.join(', ')}` : `probe answered ${probed.status}`})`);
        continue;
      }
      if (workload.writes) await markDirty(config);
      await resetWorkload(config, workload);
      const statements = await calibrate(server.url, workload, ctx, config.calibrate, counter);
      out.workloads[workload.id].statements = statements;
      log(
        `[${name}] ${workload.id} ${statements.perRequest.toFixed(2)} SQL statements/request, statuses ${JSON.stringify(statements.statuses)}`,
      );
    }
  } finally {
    await server.stop();
    await proxy?.close();
  }
  return out;
}

/** Phase 2 for one target and workload: a fresh server process, warm-up, then `repeat` measured runs. */
async function measure(name, config, ctx, workload) {
  const server = await startServer(root, name, {
    port: portOf(config, name),
    entry: entryOf(config, name),
    nodeFlags: flagsOf(config, name),
    databaseUrl: config.databaseUrl,
  });
  const runs = [];
  try {
    const idleRssMb = processStats(server.pid)?.rssMb ?? null;
    const opts = { duration: config.duration, connections: config.connections };
    if (config.warmup > 0) {
      await resetWorkload(config, workload);
      await cannon(server.url, workload, ctx, { ...opts, duration: config.warmup }, `[${name}] ${workload.id} warm-up`);
      progress(`[${name}] ${workload.id} warm-up done`, { final: true });
    }
    for (let r = 1; r <= config.repeat; r++) {
      await resetWorkload(config, workload);
      const sampler = sampleProcess(server.pid, config.databaseName);
      const startedAt = new Date().toISOString();
      const result = await cannon(server.url, workload, ctx, opts, `[${name}] ${workload.id} run ${r}/${config.repeat}`);
      const run = { startedAt, ...summarise(result, sampler.stop()), idleRssMb };
      runs.push(run);
      progress(
        `[${name}] ${workload.id} run ${r}/${config.repeat}: ${Math.round(run.rps).toLocaleString('en-US')} req/s, ` +
          `p50 ${run.p50} ms, p99 ${run.p99} ms, errors ${run.errors + run.non2xx}, RSS ${run.peakRssMb?.toFixed(0)} MB, ` +
          `other processes ${run.foreignCpuCores?.toFixed(2)} cores`,
        { final: true },
      );
      if (run.errors + run.non2xx > 0) warn(`${name} ${workload.id}: ${run.errors} errors/timeouts, ${run.non2xx} non-2xx responses`);
    }
  } finally {
    await server.stop();
  }
  return runs;
}

/** The commit benched; with the working tree, whether apps/ or libs/ had uncommitted changes. */
function gitDescribe(ref) {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', ref ?? 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty =
      !ref && execFileSync('git', ['status', '--porcelain', '--', 'apps', 'libs'], { cwd: root, encoding: 'utf8' }).trim() !== '';
    return { ref: ref ?? 'working tree', commit, dirty };
  } catch {
    return { ref: ref ?? 'working tree', commit: 'unknown', dirty: false };
  }
}

async function main() {
  const started = Date.now();
  const config = loadBenchConfig();
  const selected = WORKLOADS.filter((w) => !config.workloads || config.workloads.includes(w.id));
  log(
    `bench: tier ${config.tier}; per workload and target ${config.warmup}s warm-up + ${config.repeat} × ${config.duration}s, ` +
      `${config.connections} connections; targets ${config.targets.join(', ')}`,
  );
  const prebuilt = config.skipBuild || config.oursEntry;
  const source = prebuilt ? (config.ref ? `${root}/.bench-build/src` : root) : await buildServer(root, config.ref);
  const dataset = await prepareDatabase(config, root, source);
  const database = await describeDatabase(config);
  const ctx = workloadContext(config);
  const statStatements = await openStatStatements(config.databaseUrl);
  log(
    statStatements.available
      ? 'statements: pg_stat_statements'
      : `statements: pg_stat_statements unavailable (${statStatements.reason}); counting on the wire protocol instead`,
  );
  const targets = {};
  try {
    for (const name of config.targets) {
      if (!TARGETS[name]) throw new Error(`unknown target "${name}" (${Object.keys(TARGETS).join(', ')})`);
      log(`calibrate: ${TARGETS[name].label}`);
      targets[name] = await calibrateTarget(name, config, ctx, selected, statStatements);
    }
  } finally {
    if (statStatements.available) await statStatements.close();
  }
  // Workload by workload, each target in its own server process (never two at once), so the
  // measurements of a workload are minutes apart at most.
  for (const workload of selected) {
    if (!config.targets.every((name) => targets[name].workloads[workload.id].implemented)) continue;
    for (const name of config.targets) targets[name].workloads[workload.id].runs = await measure(name, config, ctx, workload);
  }
  const report = {
    date: new Date().toISOString(),
    git: {
      ...gitDescribe(config.ref),
      ...(config.oursEntry ? { entry: config.oursEntry } : {}),
      ...(config.oursNodeFlags.length ? { nodeFlags: config.oursNodeFlags } : {}),
    },
    node: process.version,
    settings: {
      tier: config.tier,
      duration: config.duration,
      warmup: config.warmup,
      repeat: config.repeat,
      connections: config.connections,
      calibrate: config.calibrate,
      poolSize: 5,
      default: config.isDefault,
    },
    machine: config.machine,
    statementsSource: statStatements.available ? 'pg_stat_statements' : 'wire protocol (counting proxy)',
    statementsNote: statStatements.available ? null : statStatements.reason,
    dataset: { tier: config.tier, size: config.dataset, ...dataset, ...database },
    workloads: selected.map(({ id, title, target, limitTarget, p99Ms, writes }) => ({
      id,
      title,
      target,
      limitTarget,
      p99Ms,
      writes: !!writes,
    })),
    targets,
    notes: config.notes ?? null,
    elapsedSeconds: Math.round((Date.now() - started) / 1000),
  };
  const files = await writeReport(report, config, root);
  log(`done in ${Math.round((Date.now() - started) / 60_000)} min: ${files.join(', ')}`);
}

const entry = process.argv[2] === '--render' ? rerender(process.argv[3], root).then((file) => log(`rendered ${file}`)) : main();
entry.catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

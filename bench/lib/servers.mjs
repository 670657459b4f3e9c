// Building and running the targets: our API (from .bench-build/), the same-SQL baseline and the limit baseline.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { clearInterval, setInterval } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { log } from './log.mjs';

function run(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${output}`)),
    );
  });
}

/**
 * Compiles the server into .bench-build/ (never dist/, which development rebuilds). With a git ref
 * (BENCH_REF), the committed tree of that ref is exported to .bench-build/src/ and compiled instead of
 * the working tree, so a half-edited checkout does not break the run. Returns the source directory.
 */
export async function buildServer(root, ref) {
  const started = Date.now();
  const out = `${root}/.bench-build`;
  await rm(out, { recursive: true, force: true });
  let source = root;
  if (ref) {
    source = `${out}/src`;
    await mkdir(source, { recursive: true });
    log(`build: exporting ${ref} into .bench-build/src/`);
    await run(
      'sh',
      ['-c', `git archive --format=tar "$0" apps libs tsconfig.json tsconfig.build.json | tar -x -C "$1"`, ref, source],
      root,
    );
  }
  log(`build: tsc + tsc-alias (${ref ?? 'working tree'}) into .bench-build/`);
  await run('npx', ['tsc', '-p', `${source}/tsconfig.build.json`, '--outDir', out], root);
  await run('npx', ['tsc-alias', '-p', `${source}/tsconfig.build.json`, '--outDir', out, '--resolve-full-paths'], root);
  log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return source;
}

export const TARGETS = {
  ours: {
    label: 'ours (Nest + TypeORM)',
    entry: (root) => `${root}/.bench-build/apps/api/src/main.js`,
    // The per-principal rate limit (60/min by default) is lifted to its maximum, not switched off: the
    // in-memory limiter still runs on every request (REDIS_URL unset), as the baseline's does. The webhook worker
    // is off, as on an API-only node: the bench measures the request path, and the worker's polls (about five
    // short statements a second when idle) would count as statements of whatever request ran meanwhile.
    env: {
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      DB_POOL_SIZE: '5',
      RATE_LIMIT_PER_MINUTE: '1000000',
      REDIS_URL: '',
      WEBHOOK_WORKER: 'false',
    },
  },
  baseline: {
    label: "same-SQL baseline (raw Fastify + pg, the API's statements)",
    entry: (root) => `${root}/bench/baseline/server.mjs`,
    env: { DB_POOL_SIZE: '5', RATE_LIMIT_PER_MINUTE: '1000000' },
  },
  limit: {
    label: 'limit baseline (raw Fastify + pg, one prepared statement, in-memory auth)',
    entry: (root) => `${root}/bench/baseline/limit-server.mjs`,
    env: { DB_POOL_SIZE: '5', RATE_LIMIT_PER_MINUTE: '1000000' },
  },
};

/** Starts one target and waits until GET /health answers 200. */
export async function startServer(root, name, { port, databaseUrl, entry, nodeFlags = [] }) {
  const target = TARGETS[name];
  const child = spawn(process.execPath, ['--enable-source-maps', ...nodeFlags, entry ?? target.entry(root)], {
    cwd: root,
    env: { ...process.env, ...target.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk) => (output = (output + chunk).slice(-20_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`${name} exited during start (${JSON.stringify(exited)}):\n${output}`);
    try {
      const response = await fetch(`${url}/health`);
      await response.arrayBuffer();
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not become healthy within 60s:\n${output}`);
    }
    await sleep(200);
  }
  return {
    name,
    url,
    pid: child.pid,
    output: () => output,
    async stop() {
      if (exited) return;
      const done = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = sleep(15_000).then(() => 'timeout');
      if ((await Promise.race([done, timer])) === 'timeout') {
        child.kill('SIGKILL');
        await done;
      }
    },
  };
}

const CLOCK_TICKS = 100; // USER_HZ on Linux

/** RSS (MB) and CPU time (s) of a process, from /proc; null where /proc is unavailable. */
export function processStats(pid) {
  try {
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    const cpu = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime + stime
    return { rssMb: rssKb / 1024, cpuSeconds: cpu };
  } catch {
    return null;
  }
}

/**
 * CPU seconds used by every process but `exclude` (server, runner) and the PostgreSQL processes that work
 * for the bench (its database's backends, the postmaster and auxiliary processes): other load on the
 * machine, including PostgreSQL backends serving other databases (e.g. someone's test run).
 */
function foreignCpuSeconds(exclude, databaseName) {
  let total = 0;
  let pids = [];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return null;
  }
  for (const pid of pids) {
    if (exclude.includes(Number(pid))) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.includes('(postgres)')) {
        const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
        // Backends read "postgres: <user> <database> <host> <state>"; anything else is the server itself.
        const backend =
          /^postgres: (?:\S+\/\S+: )?\S+ (\S+) \S+\(\d+\)/.exec(title) ?? /^postgres: (?:\S+\/\S+: )?\S+ (\S+) \[local\]/.exec(title);
        if (!backend || backend[1] === databaseName) continue;
      }
      const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/**
 * Samples a process every 250 ms; stop() returns its peak RSS, the CPU it used (cores), and the CPU
 * other processes used meanwhile (the bench runner, the server and PostgreSQL excluded): a noise gauge.
 */
export function sampleProcess(pid, databaseName) {
  const first = processStats(pid);
  const foreignStart = foreignCpuSeconds([pid, process.pid], databaseName);
  const startedAt = process.hrtime.bigint();
  let peak = first?.rssMb ?? null;
  const timer = setInterval(() => {
    const stats = processStats(pid);
    if (stats && (peak === null || stats.rssMb > peak)) peak = stats.rssMb;
  }, 250);
  return {
    stop() {
      clearInterval(timer);
      const last = processStats(pid);
      const foreignEnd = foreignCpuSeconds([pid, process.pid], databaseName);
      const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
      if (last && last.rssMb > (peak ?? 0)) peak = last.rssMb;
      return {
        peakRssMb: peak,
        cpuCores: first && last ? (last.cpuSeconds - first.cpuSeconds) / seconds : null,
        foreignCpuCores: foreignStart !== null && foreignEnd !== null ? Math.max(0, foreignEnd - foreignStart) / seconds : null,
      };
    },
  };
}

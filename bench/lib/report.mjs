// bench/results/<date>[-<tier>].md and .json from one run.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { NOTES } from '../notes.mjs';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fmtInt = (n) => (n === null || n === undefined || Number.isNaN(n) ? 'n/a' : Math.round(n).toLocaleString('en-US'));
const fmt = (n, digits = 1) => (n === null || n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(digits));

/** Medians over the measured runs of one target and workload. */
export function aggregate(entry) {
  if (!entry?.implemented || !entry.runs?.length) return null;
  const pick = (key) => entry.runs.map((run) => run[key]).filter((v) => v !== null && v !== undefined);
  const rps = pick('rps');
  return {
    rps: median(rps),
    rpsMin: Math.min(...rps),
    rpsMax: Math.max(...rps),
    p50: median(pick('p50')),
    p99: median(pick('p99')),
    errors: pick('errors').reduce((a, b) => a + b, 0),
    non2xx: pick('non2xx').reduce((a, b) => a + b, 0),
    peakRssMb: Math.max(...pick('peakRssMb')),
    cpuCores: median(pick('cpuCores')),
    foreignCpuCores: pick('foreignCpuCores').length ? median(pick('foreignCpuCores')) : null,
    statements: entry.statements?.perRequest ?? null,
  };
}

const p99Target = (workload, tier) => (typeof workload.p99Ms === 'number' ? workload.p99Ms : (workload.p99Ms?.[tier] ?? null));

/**
 * One row per workload with both ratios and every target check: `ratio` = ours ÷ the same-SQL baseline (framework
 * overhead: the targets are about this one), `limitRatio` = ours ÷ the limit baseline (design overhead).
 */
export function evaluate(report) {
  const { ours, baseline, limit } = report.targets;
  return report.workloads.map((workload) => {
    const o = aggregate(ours?.workloads[workload.id]);
    const b = aggregate(baseline?.workloads[workload.id]);
    const l = aggregate(limit?.workloads[workload.id]);
    const implemented = ours?.workloads[workload.id]?.implemented ?? false;
    const ratio = o && b ? o.rps / b.rps : null;
    const limitRatio = o && l ? o.rps / l.rps : null;
    const p99Limit = p99Target(workload, report.settings.tier);
    const checks = [];
    if (ratio !== null) checks.push({ name: `ratio ≥ ${workload.target}`, ok: ratio >= workload.target });
    if (limitRatio !== null && workload.limitTarget !== undefined)
      checks.push({ name: `limit ratio ≥ ${workload.limitTarget}`, ok: limitRatio >= workload.limitTarget });
    if (o && p99Limit !== null) checks.push({ name: `p99 ≤ ${p99Limit} ms`, ok: o.p99 <= p99Limit });
    if (o) checks.push({ name: 'RSS ≤ 250 MB', ok: o.peakRssMb !== null && o.peakRssMb <= 250 });
    if (o) checks.push({ name: 'no errors', ok: o.errors + o.non2xx === 0 });
    if (b && b.errors + b.non2xx > 0) checks.push({ name: 'no baseline errors (ratio invalid)', ok: false });
    if (l && l.errors + l.non2xx > 0) checks.push({ name: 'no limit errors (limit ratio invalid)', ok: false });
    if (o && b && o.statements !== null && b.statements !== null && Math.abs(o.statements - b.statements) > 0.05)
      checks.push({ name: 'same SQL/req as the same-SQL baseline', ok: false });
    return {
      workload,
      implemented,
      ours: o,
      baseline: b,
      limit: l,
      ratio,
      limitRatio,
      checks,
      missing: ours?.workloads[workload.id]?.missing,
    };
  });
}

const limitTargetCell = (workload) => (workload.limitTarget === undefined ? '—' : `≥ ${workload.limitTarget}`);

/** The latest results JSON of the other tier (S ↔ M), to check the drop in req/s and constant statements. */
async function otherTier(dir, tier) {
  const other = tier === 'S' ? 'M' : 'S';
  try {
    const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
    for (const file of files.reverse()) {
      const json = JSON.parse(await readFile(`${dir}/${file}`, 'utf8'));
      if (json.settings?.tier === other && json.settings?.default) return { file, json };
    }
  } catch {
    // no earlier results
  }
  return null;
}

function resultsTable(rows) {
  const lines = [
    '| workload | ours req/s (min–max) | same-SQL req/s (min–max) | limit req/s (min–max) | ratio to same-SQL (framework) | target | ratio to limit (design) | limit target | p50 ms ours / same / limit | p99 ms ours / same / limit | errors ours / same / limit | peak RSS MB ours / same / limit | server CPU (cores) ours / same / limit | other load (cores) ours / same / limit | SQL/req ours / same / limit | verdict |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const { workload, implemented, ours: o, baseline: b, limit: l, ratio, limitRatio, checks, missing } of rows) {
    const name = `**${workload.id}** ${workload.title}`;
    if (!implemented) {
      const why = missing ? `not implemented (needs ${missing.join(', ')})` : 'not implemented (route answers 404)';
      lines.push(`| ${name} | ${why} | | | | ≥ ${workload.target} | | ${limitTargetCell(workload)} | | | | | | | | — |`);
      continue;
    }
    const range = (a) => (a ? `${fmtInt(a.rps)} (${fmtInt(a.rpsMin)}–${fmtInt(a.rpsMax)})` : 'n/a');
    const triple = (key, digits) => [o, b, l].map((a) => (a ? fmt(a[key], digits) : 'n/a')).join(' / ');
    const errors = [o, b, l].map((a) => (a ? a.errors + a.non2xx : 'n/a')).join(' / ');
    const failed = checks.filter((c) => !c.ok).map((c) => c.name);
    const verdict = failed.length ? `missed: ${failed.join(', ')}` : 'met';
    lines.push(
      `| ${name} | ${range(o)} | ${range(b)} | ${range(l)} | **${fmt(ratio, 2)}** | ≥ ${workload.target} | **${fmt(limitRatio, 2)}** | ${limitTargetCell(workload)} | ${triple('p50', 0)} | ${triple('p99', 0)} | ${errors} | ${triple('peakRssMb', 0)} | ${triple('cpuCores', 2)} | ${triple('foreignCpuCores', 2)} | ${triple('statements', 2)} | ${verdict} |`,
    );
  }
  return lines.join('\n');
}

function tierSection(rows, report, other) {
  if (!other)
    return `No default-settings result of tier ${report.settings.tier === 'S' ? 'M' : 'S'} in bench/results/ yet: run \`BENCH_TIER=${report.settings.tier === 'S' ? 'M' : 'S'} npm run bench\` to compare tiers.`;
  const [small, large] = report.settings.tier === 'S' ? [report, other.json] : [other.json, report];
  const smallRows = evaluate(small);
  const largeRows = evaluate(large);
  const lines = [
    `Compared with \`${other.file}\` (tier ${other.json.settings.tier}, ${other.json.date.slice(0, 10)}). Target: W1–W5 lose < 20% req/s from S to M; statements per request constant.` +
      (other.json.git?.commit !== report.git?.commit
        ? ` **It was run on commit ${other.json.git?.commit ?? 'unknown'}, this one on ${report.git?.commit ?? 'unknown'}: the changes below mix code and machine differences; run both tiers on one commit to compare.**`
        : ''),
    '',
    '| workload | ours req/s S | ours req/s M | change | baseline req/s S | baseline req/s M | change | SQL/req S | SQL/req M |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of smallRows) {
    const big = largeRows.find((r) => r.workload.id === row.workload.id);
    if (!row.ours || !big?.ours) continue;
    const pct = (from, to) => (from && to ? `${((to.rps / from.rps - 1) * 100).toFixed(1)}%` : 'n/a');
    lines.push(
      `| ${row.workload.id} | ${fmtInt(row.ours.rps)} | ${fmtInt(big.ours.rps)} | ${pct(row.ours, big.ours)} | ` +
        `${fmtInt(row.baseline?.rps)} | ${fmtInt(big.baseline?.rps)} | ${pct(row.baseline, big.baseline)} | ` +
        `${fmt(row.ours.statements, 2)} | ${fmt(big.ours.statements, 2)} |`,
    );
  }
  void rows;
  const tierTargets = ['W1', 'W2', 'W3', 'W4', 'W5'];
  const dropped = smallRows.some((row) => {
    const big = largeRows.find((r) => r.workload.id === row.workload.id);
    return tierTargets.includes(row.workload.id) && row.ours && big?.ours && big.ours.rps / row.ours.rps - 1 <= -0.2;
  });
  if (dropped) lines.push('', NOTES.tiers);
  return lines.join('\n');
}

function statementsSection(report) {
  const lines = [];
  for (const [name, target] of Object.entries(report.targets)) {
    for (const [id, entry] of Object.entries(target.workloads)) {
      if (!entry.statements) continue;
      lines.push(`- **${name} ${id}**: ${fmt(entry.statements.perRequest, 2)} per request`);
      for (const text of entry.statements.texts)
        lines.push(`  - ${fmt(text.perRequest, 2)} × \`${text.sql.replace(/`/g, "'").slice(0, 160)}${text.sql.length > 160 ? '…' : ''}\``);
    }
  }
  return lines.join('\n');
}

export function renderMarkdown(report, other) {
  const rows = evaluate(report);
  const s = report.settings;
  const d = report.dataset;
  const git = `${report.git.commit} (${report.git.ref}${report.git.dirty ? ', with uncommitted changes in apps/ or libs/' : ''})`;
  // Parity with our API, per baseline: the first response of each workload (timestamps masked) and its header names.
  const parity = [];
  for (const name of Object.keys(report.targets).filter((n) => n !== 'ours')) {
    for (const w of report.workloads) {
      const ours = report.targets.ours?.workloads[w.id]?.statements?.sample;
      const other = report.targets[name].workloads[w.id]?.statements?.sample;
      if (!ours || !other) continue;
      const body =
        ours.sha256 === other.sha256
          ? 'identical body'
          : `DIFFERENT body (${ours.status}/${ours.bytes} B vs ${other.status}/${other.bytes} B)`;
      const same = (ours.headers ?? []).join() === (other.headers ?? []).join();
      const headers = same ? 'same headers' : `headers differ: ours [${ours.headers.join(', ')}], ${name} [${other.headers.join(', ')}]`;
      parity.push(`${name} ${w.id} ${body}, ${headers}`);
    }
  }
  const missed = rows.filter((row) => row.implemented && row.checks.some((c) => !c.ok));
  const failedIn = (prefix) =>
    missed.filter((row) => row.checks.some((c) => !c.ok && c.name.includes(prefix))).map((row) => row.workload.id);
  const notes = missed.map((row) => {
    const failed = row.checks.filter((c) => !c.ok).map((c) => c.name);
    const ratio = failed.some((name) => /^(limit )?ratio/.test(name)) ? ` ${NOTES[row.workload.id] ?? 'no analysis yet.'}` : '';
    return `- **${row.workload.id}** — missed ${failed.join(', ')}.${ratio}`;
  });
  for (const [prefix, key, label] of [
    ['p99', 'p99', 'p99 latency'],
    ['RSS', 'rss', 'RSS'],
    ['errors', 'errors', 'Errors'],
  ]) {
    const ids = failedIn(prefix);
    if (ids.length) notes.push(`- **${label}** (${ids.join(', ')}): ${NOTES[key]}`);
  }
  const notImplemented = rows.filter((row) => !row.implemented).map((row) => row.workload.id);
  return `# Benchmark — ${report.date.slice(0, 10)}, tier ${s.tier}

\`npm run bench\` (BENCH_TIER=${s.tier}${s.default ? '' : `, BENCH_DURATION=${s.duration}, BENCH_WARMUP=${s.warmup}, BENCH_REPEAT=${s.repeat}, BENCH_CONNECTIONS=${s.connections}`}) ·
commit ${git} · Node ${report.node} · PostgreSQL ${d.postgres.version} (shared_buffers ${d.postgres.shared_buffers}) ·
${report.machine.cpus} × ${report.machine.cpuModel}, ${report.machine.memoryGb} GB · ${Math.round(report.elapsedSeconds / 60)} min end to end.

**Method.** autocannon (programmatic, in the runner process), ${s.connections} connections, keep-alive, no pipelining. Workload by
workload, each target runs in a fresh server process — ours, the same-SQL baseline, the limit baseline; **never two servers at once** — for a
${s.warmup} s warm-up and ${s.repeat} runs of ${s.duration} s. req/s is the median run (min–max across runs), latencies the median
of the runs' p50/p99. Two ratios: **to same-SQL** = our median req/s ÷ the same-SQL baseline's (the API's statements on raw
Fastify + pg: framework overhead; the targets apply to it) and **to limit** = ours ÷ the limit baseline's (one prepared statement
per request, tokens and memberships in memory: what our design costs against the least work that gives the same bytes).
Every server uses a pool of ${s.poolSize} PostgreSQL connections; ours runs with \`LOG_LEVEL=warn\`, the baselines log nothing. autocannon, the server and PostgreSQL share the same
${report.machine.cpus} cores, so absolute numbers are machine-bound; the ratio is the number to watch. RSS is the server's peak
VmRSS while measured; server CPU is its CPU time ÷ wall time; "other load" is the CPU used meanwhile by every other process
except PostgreSQL (other work on the machine: above ~0.2 cores the run was noisy).
SQL statements per request: ${report.statementsSource}${report.statementsNote ? ` — pg_stat_statements is not available here (${report.statementsNote}); a counting proxy on the PostgreSQL wire protocol counts every simple Query and every Execute in a separate pass of ${s.calibrate} sequential requests per workload` : ` over ${s.calibrate} sequential requests per workload`}.

## Results

${resultsTable(rows)}

Response parity with ours (first request of each workload, timestamps masked; "baseline" is the same-SQL one): ${parity.length ? parity.join('; ') : 'n/a'}.
${notImplemented.length ? `\nNot implemented yet (their routes answer 404 "Not found."): ${notImplemented.join(', ')}. They are probed on every run and measured as soon as they exist.\n` : ''}
## Targets missed and why

${notes.length ? notes.join('\n') : 'Every implemented workload met its targets.'}

## Across tiers

${tierSection(rows, report, other)}

## Dataset (tier ${s.tier})

Seeded deterministically (${d.reused ? `reused, fingerprint ${d.fingerprint}` : `fresh, fingerprint ${d.fingerprint}`}); one workspace, the owner's token drives the reads.
Tier sizes: ${fmtInt(d.size.members)} members, ${fmtInt(d.size.projects)} projects, ${fmtInt(d.size.timeEntries)} time entries (20% of members own 60%).

| table | rows |
| --- | --- |
${Object.entries(d.counts)
  .map(
    ([table, n]) =>
      `| ${table} | ${n === null ? `— (table does not exist yet; ${fmtInt(d.size.timeEntries)} entries are seeded once it does)` : fmtInt(n)} |`,
  )
  .join('\n')}

## SQL per request

${statementsSection(report)}
${report.notes ? `\n## Notes\n\n${report.notes}\n` : ''}`;
}

/** Re-renders the Markdown of a results JSON (after editing notes.mjs): node bench/run.mjs --render <file.json>. */
export async function rerender(jsonPath, root) {
  const report = JSON.parse(await readFile(jsonPath, 'utf8'));
  const other = await otherTier(`${root}/bench/results`, report.settings.tier);
  const mdPath = jsonPath.replace(/\.json$/, '.md');
  await writeFile(mdPath, renderMarkdown(report, other));
  return mdPath;
}

export async function writeReport(report, config, root) {
  const dir = `${root}/bench/results`;
  await mkdir(dir, { recursive: true });
  const name =
    config.out ?? `${report.date.slice(0, 10)}${config.tier === 'S' ? '' : `-${config.tier}`}${config.isDefault ? '' : '-quick'}`;
  // BENCH_OUT with a slash is a path prefix (e.g. /tmp/try); otherwise a name inside bench/results/.
  const base = name.includes('/') ? name : `${dir}/${name}`;
  const other = await otherTier(dir, config.tier);
  await writeFile(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(`${base}.md`, renderMarkdown(report, other));
  process.stdout.write(`\n${resultsTable(evaluate(report))}\n\n`);
  return [`${base}.md`, `${base}.json`].map((file) => file.replace(`${root}/`, ''));
}

// What limits a workload that misses its target, and what would fix it. The report prints the workload's
// note for a missed ratio, plus the shared `p99`, `rss` and `errors` notes when those checks fail.
// Measured on the 2-core bench machine: CPU profiles of 2026-12-03 (`node --cpu-prof`, 50 connections of autocannon
// for 25 s on GET /api/v2/projects/1, server, PostgreSQL and autocannon on the same 2 cores); µs per request =
// profile samples ÷ requests served.
export const NOTES = {
  W0:
    'The framework floor. Profile of W1 (2026-12-03), per request, ours against the same-SQL baseline on identical SQL: ' +
    'socket writes (writev, incl. loopback delivery) ~100 vs ~175 µs, everything else 416 vs 174 µs. The ~240 µs difference: ' +
    'Nest router, guard and interceptor pipeline with its rxjs Observable chain (@nestjs/core 26, rxjs 21, passport 8, ' +
    'platform-fastify 4 µs), garbage collection 49 vs 7 µs (per-request objects of that pipeline, TypeORM result mapping ' +
    'and the envelope), Fastify hooks (request id, nosniff, 405 check, drain: 23 vs 8 µs), more promise hops (microtasks ' +
    '14 vs 3 µs), our guard/auth cache/envelope/error code ~30 µs. For `SELECT 1` the same pipeline runs, so W0 shows it ' +
    "undiluted. What would remove most of it (not done: it means leaving the design's one Nest interceptor and guard for " +
    'Fastify route hooks): the envelope in a Fastify `preSerialization` hook from route config so Nest skips rxjs, and the ' +
    'guard as a Fastify `onRequest` hook.',
  W1:
    'The same-SQL baseline now runs exactly our warm-cache SQL (1 named prepared statement per request, principals and ' +
    'memberships from an in-process map), so the ratio to it is the framework floor of W0 per request; the limit baseline ' +
    'runs the same single statement with hand-written JSON, so both ratios are close. See W0 for the profile.',
  W2:
    "One statement per request, the same as both baselines' (the page of ids picked in an `IN (SELECT … OFFSET … LIMIT …)` " +
    "subquery, carrying the list's total from an uncorrelated count subquery), so what remains is the framework floor of W0 " +
    "plus the mapping of the page's rows (project, owner, tags) into DTOs and the envelope's pagination block: a list " +
    "body is several times W1's, and the baselines build it from the rows directly.",
  W3:
    'One statement per request as in W2 (compiled once per role scope and filter set, token and membership from the ' +
    'authentication cache). The limit baseline answers the same bytes from the same single statement; the gap to it is ' +
    'the framework floor of W0 plus the mapping of each contract row (rate fields by rate permission, the screenshot ' +
    'mode label, the top-level `pagination` duplicate). CPU profile of our server under W3 (2026-12-04, 15 s, 2,473 ' +
    'req/s with the profiler on): socket writes 18%, garbage collection 15%, idle 8%; then class-validator on the query ' +
    "DTO ~3.5%, the rows' timestamps parsed by pg (postgres-date 1.5%) and formatted again (utcTimestamp 2.2%), pg row " +
    'parsing ~3%, the guard 1.3%, the envelope 0.8%, the contract mapper 0.9%. No single hot spot: formatting the ' +
    'timestamps in SQL would save ~4%; the rest is the framework floor of W0 and its garbage.',
  W4:
    'Start and stop are transactions of 7 and 9 statements (8 per request, counted by the proxy) against the limit ' +
    "baseline's one statement of data-modifying CTEs: start takes the member's time lock (which reads the member and " +
    '`now()`), then the running check, the approved-week check, the insert and the event one by one; stop takes the lock, ' +
    "deletes the running row, reads the approved weeks, then the ledger's overlap read, the insert, the timesheet upsert " +
    "and the event. Every round trip holds the member's row lock and a pooled connection. Further fix, keeping the " +
    "ledger's rules: the running and week checks in the lock's statement where a snapshot taken before the lock wait " +
    'cannot mislead (the running check can: the partial unique index catches it), and the insert, timesheet upsert and ' +
    'event as one statement of CTEs (about 4 per request).',
  W5:
    "One statement, the same as the limit baseline's (the daily breakdown is aggregated in SQL per day of the member's " +
    'zone over the index-only scan of the period): what remains is the framework floor of W0 plus the mapping of a ' +
    "week's breakdown (json_agg rows to the documented shape).",
  W6:
    'One statement, the same in all three servers (the limit baseline runs it too: the report is already aggregated in ' +
    'SQL), so the ratios only show the framework floor on a heavy request (until 5d7de46 our mapper also summed the ' +
    "month's money by copying an array per row, quadratic in the rows: tens of ms per request at tier S, seconds at " +
    'M). What limits all three is the report itself: ' +
    'at tier S a month of the workspace is ~8,200 entries cut into owner-zone days and summed into ~6,500 rows ' +
    '(user × project × contract × day), ~40–45 ms of PostgreSQL CPU per request (EXPLAIN ANALYZE 2026-12-04: bitmap scan ' +
    'of time_entries_workspace_time_idx over exactly the month, 21 ms cutting entries into days, 8 ms aggregating, 8 ms ' +
    'joining names and rates), and a ~0.95 MB body. On 2 cores shared with the load generator that is a few dozen ' +
    'requests a second at best, so with 50 connections the latency is seconds. What would fix it (not done): a per-day ' +
    "rollup (workspace, user, project, contract, owner-zone day → seconds) kept in the time ledger's transactions " +
    "(rebuilt for a workspace when its owner's zone changes), which turns the month into a read of ~6,500 rollup rows; " +
    'and, for a body this size, a cached response per (workspace, range, filters, rate visibility) invalidated by time ' +
    'writes of the workspace. p99 ≤ 150 ms at tier M (10× the rows and the body) needs both.',
  W7:
    'The mix inherits its members: W1–W3 and W5 are near the framework floor, W4 pays its 8 statements per request, and ' +
    'the 5% of W6 requests take most of the machine (one W6 request costs about as much as a hundred W1 requests).',
  p99:
    'At 50 connections the mean latency is 50 ÷ throughput, so p99 ≤ 50 ms needs ≳ 1,000–2,000 req/s with a tight tail; ' +
    'every server here shares 2 cores with PostgreSQL and the load generator, and ours pays the framework floor of W0 per ' +
    'request, so its queue is longer.',
  rss:
    "V8's old generation grows under this allocation rate before a major GC; the live heap after GC is ~41 MB (2026-11-28, " +
    '`--trace-gc`, no leak), so peak RSS reaches 270–340 MB. `npm start` now runs with `--max-old-space-size=128` (live heap × 3); ' +
    'the bench starts the built server without it unless `BENCH_OURS_NODE_FLAGS=--max-old-space-size=128` is set.',
  tiers:
    'Where req/s drops from S to M it drops in the baselines as well (same statements), so it is the query shape at the ' +
    'larger dataset, not the framework: W2 (page 1 and the deepest page of 200 projects; the ids are already paged ' +
    'first, so per-row subqueries run for the page only) and W5 (a heavy member has the same ~3,000 entries a year at ' +
    'both tiers, but the workspace has 10× the timesheets and entries) were not yet analysed with EXPLAIN at M. ' +
    'Statements per request stay constant. W0 (`SELECT 1`) does not depend on the dataset: its change between tiers is ' +
    'run-to-run noise of this machine.',
  errors:
    'Errors or non-2xx responses during the run: the ratio is not valid (a 429 or 500 is cheaper than a real answer). Check ' +
    'the rate limit settings and the server log.',
};

// What limits a workload that misses its target, and what would fix it. The report prints the workload's
// note for a missed ratio, plus the shared `p99`, `rss` and `errors` notes when those checks fail.
// Measured on the 2-core bench machine (2026-11-28 profiles, 2026-12-02 runs); CPU µs per request = server CPU time ÷
// requests.
export const NOTES = {
  W0:
    'The framework floor. For `SELECT 1` our server also runs the Nest router and global guard, the global ' +
    '`EnvelopeInterceptor` and `ReadRetryInterceptor` (rxjs Observable chains on every request, ~60–70 µs in the 2026-11-28 CPU ' +
    'profile), the 405 check, the request-id/nosniff and drain hooks, and a TypeORM QueryRunner per statement. Not yet applied ' +
    '(measured 2026-11-28: 192 → 127 µs per request): the envelope in a Fastify `preSerialization` hook from route config, so ' +
    'Nest skips rxjs, and hot statements on the pg pool; serving `/health` as a plain Fastify route would remove the rest.',
  W1:
    'Against the same-SQL baseline the ratio is above 1 because our server no longer issues its statements: the token and the ' +
    'membership come from the in-process authentication cache (LISTEN/NOTIFY invalidation) and the project with its tags and ' +
    "contracts_count is one named prepared statement, so 1 statement per request against the baseline's 3. Against the limit " +
    'baseline (the same single statement, no Nest) what remains is the framework floor of W0 per request.',
  W2:
    'The list still runs through `paginate` on the TypeORM query builder: SQL is generated per request for the count and the ' +
    "page (2 statements, unnamed), against the limit baseline's single prepared statement with `count(*) OVER ()`. Fix: the " +
    'same compiled, named statements as W1 for the page and the count (per role scope and name filter).',
  W3:
    'The contracts list runs like W2: a count and a page as compiled, named statements (per role scope and filter set), ' +
    "token and membership from the authentication cache, against the limit baseline's single statement with " +
    '`count(*) OVER ()`. Both statements are sub-millisecond with warm plans (generic plans after the fifth run); what ' +
    'remains is the framework floor of W0 plus a second pooled connection per request for the count.',
  p99:
    'W2 at 50 connections: the mean latency is 50 ÷ throughput, so p99 ≤ 50 ms needs ≳ 1,000–2,000 req/s; W2 is CPU-bound on ' +
    'query-builder SQL generation (see W2) on 2 cores shared with PostgreSQL and the load generator.',
  rss:
    "V8's old generation grows under this allocation rate before a major GC; the live heap after GC is ~41 MB (2026-11-28, " +
    '`--trace-gc`, no leak), so peak RSS reaches 270–340 MB. `npm start` now runs with `--max-old-space-size=128` (live heap × 3); ' +
    'the bench starts the built server without it unless `BENCH_OURS_NODE_FLAGS=--max-old-space-size=128` is set.',
  tiers:
    'The W2 drop from S to M is the query shape, in both servers (the baseline drops as much): the deep page ' +
    '(`OFFSET 195` at M) evaluates the `contracts_count` subquery for every skipped row — `EXPLAIN ANALYZE` shows the subplan ' +
    'run 200 times (6.4 ms) where the page needs 5. Fix (API and baseline alike): page the ids first (`SELECT id … ORDER BY id ' +
    'LIMIT … OFFSET …` in a subquery) and compute `contracts_count` for those rows only (1.4 ms), or keep a counter on the ' +
    'project; keyset pagination would remove the OFFSET cost altogether. W0 (`SELECT 1`) does not depend on the dataset: its ' +
    'change between tiers is run-to-run noise of this machine.',
  errors:
    'Errors or non-2xx responses during the run: the ratio is not valid (a 429 or 500 is cheaper than a real answer). Check ' +
    'the rate limit settings and the server log.',
};

// What limits a workload that misses its target, and what would fix it. The report prints the workload's
// note for a missed ratio, plus the shared `p99`, `rss` and `errors` notes when those checks fail.
// Measured on the 2-core bench machine (2026-11-28) with experimental builds of the API outside the
// repository (CPU µs per request = server CPU time ÷ requests; A/B ratios from short bench runs).
export const NOTES = {
  W0:
    'The framework floor. For `SELECT 1` our server also runs the Nest router and global guard, the global ' +
    '`EnvelopeInterceptor` (an rxjs Observable chain on every request, ~60–70 µs in a CPU profile), three async Fastify hooks ' +
    '(405 check, `x-request-id`, access log) and a TypeORM QueryRunner per statement: ~190 µs of server CPU per request against ' +
    "the baseline's ~85 µs. Fix: build the envelope in a Fastify `preSerialization` hook from route config (with no interceptor " +
    'Nest skips rxjs entirely), make the hooks callback-style, and run hot statements on the pg pool — together 192 → 127 µs per ' +
    'request; serving `/health` as a plain Fastify route would remove the rest.',
  W1:
    "Per request, TypeORM's QueryBuilder regenerates the project SELECT (~200 µs of SQL building per builder in a CPU profile) and " +
    'each of the 4 statements goes through a new TypeORM QueryRunner; our server needs ~1,000 µs of CPU per request against ' +
    "the baseline's ~580 µs, and on 2 shared cores that CPU is taken from PostgreSQL and the load generator. Fix (measured): " +
    'constant SQL strings per role instead of the QueryBuilder (976 → 819 µs), executed on the driver pg pool instead of ' +
    '`dataSource.query` (→ 739 µs); with the interceptor and hook changes of W0, 709 µs.',
  W2:
    'As W1, twice: the list clones the QueryBuilder for the count and the page, so two SQL generations per request plus 5 ' +
    'QueryRunners (~1,430 µs of CPU per request against ~790 µs). Same fix: constant SQL + pg pool (→ ~1,100 µs).',
  p99:
    'Not reachable on this machine at 50 connections, by the baseline either (its own p99 is 60–90 ms for W1): with 50 ' +
    'connections in flight the mean latency is 50 ÷ throughput, so p99 ≤ 50 ms needs ≳ 2,000 req/s, and 4–5 sequential ' +
    'statements per request cost the server plus PostgreSQL about 1 ms of CPU on 2 cores shared with the load generator. ' +
    'Fewer round trips would lift both servers: the membership lookup folded into the token query, tags aggregated ' +
    '(`json_agg`) in the project query, named prepared statements (no parse/plan per request).',
  rss:
    "V8's old generation grows to ~170 MB under this allocation rate before a major GC; the live heap after GC is ~41 MB " +
    '(`--trace-gc`, no leak), so peak RSS reaches 230–320 MB. `node --max-old-space-size=128` (live heap × 3) held the peak at ' +
    '~170 MB with no measurable throughput loss (A/B: W1 −6%, W2 −1%, W0 +40%, within noise); fewer allocations per request ' +
    '(the W0/W1 fixes) also lower it.',
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

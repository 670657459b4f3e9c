// The workload table. Adding a workload is one entry here: an id, the target ratio to the baseline,
// a probe (an unauthenticated request; a 404 "Not found." means the route does not exist yet) and
// the requests each connection cycles through. `target` is the ratio to the same-SQL baseline, `limitTarget` the
// ratio to the limit baseline (issues 9–12: W1 ≥ 0.60 and ≥ 0.90 of same-SQL, W2 ≥ 0.50, W3 ≥ 0.60, W4 ≥ 0.75, W5 ≥ 0.60,
// W6 ≥ 0.60). Paths are the API's; the baseline serves the same ones.
import { URLSearchParams } from 'node:url';
import { SAMPLE_MONTH, SAMPLE_WEEK } from './lib/seed.mjs';

const get = (path) => ({ method: 'GET', path });
const post = (path, body) => ({ method: 'POST', path, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
const q = (params) => new URLSearchParams(params).toString();

/** Requests of the read workloads, reused by the W7 mix. */
const reads = {
  W1: (ctx) => ctx.projectIds.map((id) => get(`/api/v2/projects/${id}?${q({ workspace_id: ctx.workspaceId })}`)),
  // Page 1 and the deepest page (per_page=5, so the tier's last page), alternately.
  W2: (ctx) => [
    get(`/api/v2/projects?${q({ workspace_id: ctx.workspaceId, page: 1 })}`),
    get(`/api/v2/projects?${q({ workspace_id: ctx.workspaceId, page: Math.ceil(ctx.projectIds.length / 5), per_page: 5 })}`),
  ],
  W3: (ctx) => ctx.sampleMemberIds.map((id) => get(`/api/v2/contracts?${q({ workspace_id: ctx.workspaceId, user_id: id })}`)),
  W5: (ctx) =>
    ctx.sampleMemberIds.map((id) =>
      get(
        `/api/v2/timesheets?${q({ workspace_id: ctx.workspaceId, user_id: id, date_from: SAMPLE_WEEK.start, date_to: SAMPLE_WEEK.end })}`,
      ),
    ),
  W6: (ctx) => [
    get(
      `/api/v2/reports/tracked-hours?${q({ workspace_id: ctx.workspaceId, start_date: SAMPLE_MONTH.start, end_date: SAMPLE_MONTH.end })}`,
    ),
  ],
};

/** One start/stop pair for one member: every connection tracks its own member (one running tracker per user). */
const trackingPair = (ctx, userId) => [
  post('/api/v2/time-tracking/start', { workspace_id: ctx.workspaceId, user_id: userId }),
  post('/api/v2/time-tracking/stop', { workspace_id: ctx.workspaceId, user_id: userId }),
];

/** Takes `count` requests from a list, cycling. */
const take = (list, count, offset = 0) => Array.from({ length: count }, (_, i) => list[(offset + i) % list.length]);

export const WORKLOADS = [
  {
    id: 'W0',
    title: 'GET /health',
    target: 0.85,
    auth: false,
    probe: () => get('/health'),
    requests: () => [get('/health')],
  },
  {
    id: 'W1',
    title: 'GET /api/v2/projects/{id}',
    target: 0.9,
    limitTarget: 0.6,
    p99Ms: 50,
    probe: (ctx) => reads.W1(ctx)[0],
    requests: reads.W1,
  },
  {
    id: 'W2',
    title: 'GET /api/v2/projects (page 1 + deep page)',
    target: 0.75,
    limitTarget: 0.5,
    p99Ms: 50,
    probe: (ctx) => reads.W2(ctx)[0],
    requests: reads.W2,
  },
  {
    id: 'W3',
    title: 'GET /api/v2/contracts?user_id=',
    target: 0.75,
    limitTarget: 0.6,
    p99Ms: 50,
    probe: (ctx) => reads.W3(ctx)[0],
    requests: reads.W3,
  },
  {
    id: 'W4',
    title: 'POST /api/v2/time-tracking/start + stop',
    target: 0.75,
    limitTarget: 0.75,
    p99Ms: 50,
    writes: true,
    // A run ends mid-pair: trackers it left running are stopped before the next one (their time is kept).
    reset: `UPDATE time_entries SET end_time = greatest(now(), start_time + interval '1 millisecond') WHERE end_time IS NULL`,
    probe: (ctx) => trackingPair(ctx, ctx.trackingMemberIds[0])[0],
    requests: (ctx, client) => trackingPair(ctx, ctx.trackingMemberIds[client % ctx.trackingMemberIds.length]),
  },
  {
    id: 'W5',
    title: 'GET /api/v2/timesheets (one member, one week)',
    target: 0.9,
    limitTarget: 0.6,
    p99Ms: 50,
    probe: (ctx) => reads.W5(ctx)[0],
    requests: reads.W5,
  },
  {
    id: 'W6',
    title: 'GET /api/v2/reports/tracked-hours (month, workspace)',
    target: 0.9,
    limitTarget: 0.6,
    p99Ms: { M: 150 },
    probe: (ctx) => reads.W6(ctx)[0],
    requests: reads.W6,
  },
  {
    id: 'W7',
    title: 'mix: 60% W1–W3, 20% W5, 5% W6, 15% W4',
    target: 0.7,
    writes: true,
    reset: `UPDATE time_entries SET end_time = greatest(now(), start_time + interval '1 millisecond') WHERE end_time IS NULL`,
    needs: ['W1', 'W2', 'W3', 'W4', 'W5', 'W6'],
    probe: () => null,
    // 40 requests per cycle: 24 reads (8 each of W1–W3), 8 W5, 2 W6, 6 W4 (three start/stop pairs).
    requests: (ctx, client) => {
      const pair = trackingPair(ctx, ctx.trackingMemberIds[client % ctx.trackingMemberIds.length]);
      const mix = [];
      for (let i = 0; i < 8; i++)
        mix.push(...take(reads.W1(ctx), 1, client + i), ...take(reads.W2(ctx), 1, i), ...take(reads.W3(ctx), 1, client + i));
      mix.push(...take(reads.W5(ctx), 8, client), ...take(reads.W6(ctx), 2), ...pair, ...pair, ...pair);
      return mix;
    },
  },
];

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Role } from '@app/auth';
import { addDays, dateInZone, dayRange, isoWeekRange, startOfIsoWeek, wallClockToInstant } from '@app/common';
import { createTestApp, TestApp } from './support/test-app';
import { api } from './support/http';
import { TestMember } from './support/factories';

/**
 * Issue 11's property: over random sequences of tracker starts and stops, manual entries (create, update, delete),
 * time requests and timesheet decisions, through HTTP, (1) no two entries of a member overlap, (2) every
 * timesheet's totals are the sum of its breakdown and of the member's entries in that week (computed here, each
 * entry clipped to the member's days), (3) an approved week's entries never change and every write touching it
 * answers 409, and (4) every answer is a documented status, each one the status the rules call for.
 *
 * Manual time goes into past weeks holding a DST change: Berlin springs forward on Sun 2026-03-29 (a 23-hour day,
 * a gap where a wall-clock span can collapse) and falls back on Sun 2026-10-25, New York falls back on Sun
 * 2026-11-01 (25-hour days, a repeated hour); the last two weeks are adjacent. Trackers run now, in the current week.
 */
const MONDAYS = ['2026-03-23', '2026-10-19', '2026-10-26'] as const;
const DAYS = 7 * MONDAYS.length;
const dateOf = (day: number): string => addDays(MONDAYS[Math.floor(day / 7)], day % 7);
const ZONES = ['America/New_York', 'Europe/Berlin'] as const;
/** The Berlin member's contract has a weekly limit, so limits cut time too. */
const LIMITED_HOURS = 12;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const US_PER_MINUTE = 60_000_000;

type Who = 0 | 1;
type SheetAction = 'submit' | 'unsubmit' | 'approve' | 'reject';
type Op =
  | { kind: 'start'; who: Who; withContract: boolean }
  | { kind: 'stop'; who: Who }
  | { kind: 'create'; who: Who; day: number; from: number; to: number; withContract: boolean }
  | { kind: 'update'; who: Who; pick: number; day: number; from: number; to: number }
  | { kind: 'delete'; who: Who; pick: number }
  | { kind: 'sheet'; pick: number; action: SheetAction; bySelf: boolean }
  | { kind: 'request'; who: Who; day: number; from: number; second: number; seconds: number; byOwner: boolean; withContract: boolean }
  | { kind: 'decideRequest'; pick: number; approve: boolean };

const who = fc.constantFrom<Who>(0, 1);
const day = fc.integer({ min: 0, max: DAYS - 1 });
/** A clock reading in quarter hours, as minutes of the day; often at night, where clocks change. */
const clock = fc
  .oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 95 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 16 }) })
  .map((quarter) => quarter * 15);
/** `from`..`to` clock readings: mostly a span of up to 10 hours, sometimes any two (an end not after the start: 422). */
const clockSpan = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(clock, fc.integer({ min: 1, max: 40 }))
      .map(([from, quarters]) => ({ from, to: Math.min(from + quarters * 15, 23 * 60 + 45) })),
  },
  { weight: 1, arbitrary: fc.record({ from: clock, to: clock }) },
);
/** An entry, timesheet or request to pick (modulo how many there are); -1 names an id that does not exist. */
const pick = fc.integer({ min: -1, max: 40 });

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('start' as const), who, withContract: fc.boolean() }),
  fc.record({ kind: fc.constant('stop' as const), who }),
  {
    weight: 5,
    arbitrary: fc
      .record({ who, day, span: clockSpan, withContract: fc.boolean() })
      .map(({ span, ...rest }) => ({ kind: 'create' as const, ...rest, ...span })),
  },
  {
    weight: 2,
    arbitrary: fc.record({ who, pick, day, span: clockSpan }).map(({ span, ...rest }) => ({ kind: 'update' as const, ...rest, ...span })),
  },
  fc.record({ kind: fc.constant('delete' as const), who, pick }),
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('sheet' as const),
      pick,
      action: fc.constantFrom<SheetAction>('submit', 'submit', 'submit', 'approve', 'approve', 'approve', 'unsubmit', 'reject'),
      bySelf: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('request' as const),
      who,
      day,
      from: clock,
      second: fc.integer({ min: 0, max: 59 }),
      // Up to 16 hours, to the second: the breakdown's whole minutes then floor real remainders.
      seconds: fc.integer({ min: 1, max: 16 * 3600 }),
      byOwner: fc.boolean(),
      withContract: fc.boolean(),
    }),
  },
  fc.record({ kind: fc.constant('decideRequest' as const), pick, approve: fc.boolean() }),
);

/** Microseconds since the epoch, exact (recorded time has microseconds: a tracker stops at now()). */
interface Entry {
  id: string;
  userId: number;
  projectId: number | null;
  contractId: number | null;
  start: number;
  /** Infinity while running. */
  end: number;
}
interface Span {
  start: number;
  end: number;
}
interface Sheet {
  id: string;
  user_id: number;
  date_from: string;
  date_to: string;
  status: string;
}
interface BreakdownItem {
  project_id: number | null;
  contract_id: number | null;
  total_minutes: number;
}
interface TimesheetBody {
  id: string;
  user_id: number;
  date_from: string;
  date_to: string;
  status: string;
  total_minutes: number;
  total_hours: number;
  daily_breakdown: Record<string, BreakdownItem[]>;
}

interface Person {
  member: TestMember;
  zone: string;
  projectId: number;
  contractId: number;
  limited: boolean;
}

const hhmm = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const us = (instant: Date): number => instant.getTime() * 1000;
const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
const sameSpans = (entries: readonly Entry[]): string[] => entries.map((e) => `${e.id} ${e.start} ${e.end}`).sort();

/** `span` minus the busy spans, in time order. */
function freeParts(span: Span, busy: readonly Span[]): Span[] {
  const parts: Span[] = [];
  let cursor = span.start;
  for (const b of [...busy].sort((x, y) => x.start - y.start)) {
    if (b.end <= cursor || b.start >= span.end) continue;
    if (b.start > cursor) parts.push({ start: cursor, end: b.start });
    cursor = Math.max(cursor, b.end);
    if (cursor >= span.end) return parts;
  }
  parts.push({ start: cursor, end: span.end });
  return parts;
}

/**
 * The daily breakdown as timesheets.md defines it, computed here: each closed entry clipped to each of the
 * member's days (the kit's dayRange), summed per day, project and contract, floored to whole minutes.
 */
function expectedBreakdown(sheet: Sheet, entries: readonly Entry[], zone: string): Record<string, BreakdownItem[]> {
  const result: Record<string, BreakdownItem[]> = {};
  for (let date = sheet.date_from; date <= sheet.date_to; date = addDays(date, 1)) {
    const range = dayRange(date, zone);
    const dayStart = us(range.start);
    const dayEnd = us(range.end);
    const sums = new Map<string, { projectId: number | null; contractId: number | null; us: number }>();
    for (const entry of entries) {
      const clipped = Math.min(entry.end, dayEnd) - Math.max(entry.start, dayStart);
      if (clipped <= 0) continue;
      const key = `${entry.projectId}|${entry.contractId}`;
      const sum = sums.get(key) ?? { projectId: entry.projectId, contractId: entry.contractId, us: 0 };
      sum.us += clipped;
      sums.set(key, sum);
    }
    const nullsLast = (a: number | null, b: number | null): number => (a ?? Number.MAX_SAFE_INTEGER) - (b ?? Number.MAX_SAFE_INTEGER);
    const items = [...sums.values()]
      .map((sum) => ({ project_id: sum.projectId, contract_id: sum.contractId, total_minutes: Math.floor(sum.us / US_PER_MINUTE) }))
      .filter((item) => item.total_minutes > 0)
      .sort((a, b) => nullsLast(a.project_id, b.project_id) || nullsLast(a.contract_id, b.contract_id));
    if (items.length > 0) result[date] = items;
  }
  return result;
}

describe('Time ledger properties (e2e)', () => {
  let t: TestApp;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    t = await createTestApp();
    http = api(t);
  });
  afterAll(async () => t.close());

  /** One run: its own workspace, a member in each zone, each with a contract. */
  async function runOps(ops: readonly Op[]): Promise<void> {
    const ws = await t.factories.workspace();
    const people: Person[] = [];
    for (const [index, zone] of ZONES.entries()) {
      const user = await t.factories.users.create({ timezone: zone });
      const member = await t.factories.members.create({ workspaceId: ws.id, role: Role.RegularUser, userId: user.id });
      const project = await t.factories.projects.create({ workspaceId: ws.id });
      const limited = index === 1;
      const contract = await t.factories.contracts.create({
        workspaceId: ws.id,
        projectId: project.id,
        userId: user.id,
        ...(limited && { weeklyHoursLimit: LIMITED_HOURS }),
      });
      people.push({ member, zone, projectId: project.id, contractId: contract.id, limited });
    }
    const personOf = (userId: number): Person => people.find((p) => p.member.userId === userId) as Person;
    const owner = ws.owner.token;
    /** Approved weeks (user id → Mondays), as the approvals answered, with what they held when approved. */
    const approved = new Map<number, Map<string, { entries: string[]; breakdown: Record<string, BreakdownItem[]> }>>();
    const log: string[] = [];

    const entries = async (): Promise<Entry[]> => {
      const rows: { id: string; user_id: number; project_id: number | null; contract_id: number | null; s: string; e: string | null }[] =
        await t.dataSource.query(
          `SELECT id, user_id, project_id, contract_id,
                  (extract(epoch FROM start_time) * 1000000)::bigint::text AS s, (extract(epoch FROM end_time) * 1000000)::bigint::text AS e
             FROM time_entries WHERE workspace_id = $1 ORDER BY user_id, start_time`,
          [ws.id],
        );
      return rows.map((r) => ({
        id: r.id,
        userId: r.user_id,
        projectId: r.project_id,
        contractId: r.contract_id,
        start: Number(r.s),
        end: r.e === null ? Number.POSITIVE_INFINITY : Number(r.e),
      }));
    };
    const sheets = async (): Promise<Sheet[]> =>
      t.dataSource.query(
        `SELECT id, user_id, date_from::text AS date_from, date_to::text AS date_to, status
           FROM timesheets WHERE workspace_id = $1 AND deleted_at IS NULL ORDER BY user_id, date_from`,
        [ws.id],
      );
    const weekSpan = (monday: string, zone: string): Span => {
      const range = isoWeekRange(monday, zone);
      return { start: us(range.start), end: us(range.end) };
    };
    const touchesApproved = (userId: number, span: Span): boolean =>
      [...(approved.get(userId)?.keys() ?? [])].some((monday) => overlaps(span, weekSpan(monday, personOf(userId).zone)));
    const currentMonday = (person: Person): string => startOfIsoWeek(dateInZone(new Date(), person.zone));
    const entrySpan = (person: Person, date: string, from: number, to: number): Span => ({
      start: us(wallClockToInstant(date, hhmm(from), person.zone)),
      end: us(wallClockToInstant(date, hhmm(to), person.zone)),
    });

    /** Microseconds the week holding `span` still takes on the contract: only the Berlin contract has a limit. */
    const allowance = (person: Person, mine: readonly Entry[], contractId: number | null, span: Span): number => {
      if (!person.limited || contractId !== person.contractId) return Number.POSITIVE_INFINITY;
      const week = weekSpan(startOfIsoWeek(dateInZone(new Date(span.start / 1000), person.zone)), person.zone);
      const used = mine
        .filter((e) => e.contractId === contractId)
        .reduce((sum, e) => sum + Math.max(0, Math.min(e.end, week.end) - Math.max(e.start, week.start)), 0);
      return LIMITED_HOURS * 3_600_000_000 - used;
    };

    /** What the ledger saves of `span`: its free parts, each week keeping the earliest time its allowance takes. */
    const saved = (person: Person, before: readonly Entry[], contractId: number | null, span: Span): Span[] => {
      const left = new Map<number, number>();
      const kept: Span[] = [];
      for (const part of freeParts(span, before)) {
        for (let cursor = part.start; cursor < part.end;) {
          const week = weekSpan(startOfIsoWeek(dateInZone(new Date(cursor / 1000), person.zone)), person.zone);
          const pieceEnd = Math.min(part.end, week.end);
          const available = left.get(week.start) ?? allowance(person, before, contractId, { start: cursor, end: pieceEnd });
          const take = Math.min(pieceEnd - cursor, available);
          const last = kept[kept.length - 1];
          if (take > 0 && last?.end === cursor) last.end = cursor + take;
          else if (take > 0) kept.push({ start: cursor, end: cursor + take });
          left.set(week.start, available - Math.max(0, take));
          cursor = pieceEnd;
        }
      }
      return kept;
    };
    const addedSince = async (person: Person, before: readonly Entry[]): Promise<Span[]> =>
      (await entries())
        .filter((e) => e.userId === person.member.userId && !before.some((b) => b.id === e.id))
        .map(({ start, end }) => ({ start, end }));

    const answered = (op: Op, res: { status: number; body: unknown }, allowed: readonly number[]): number => {
      log.push(`${JSON.stringify(op)} → ${res.status}`);
      if (!allowed.includes(res.status)) {
        throw new Error(`${JSON.stringify(op)} answered ${res.status} ${JSON.stringify(res.body)}, expected ${allowed.join(' or ')}`);
      }
      return res.status;
    };

    const timesheetsOf = async (person: Person): Promise<TimesheetBody[]> => {
      const res = await http.get(`/api/v2/timesheets?workspace_id=${ws.id}&user_id=${person.member.userId}&per_page=100`, owner);
      expect(res.status).toBe(200);
      return (res.body as { data: TimesheetBody[] }).data;
    };

    /** The four invariants, from the database and the API. */
    const check = async (): Promise<void> => {
      const overlapping: unknown[] = await t.dataSource.query(
        `SELECT a.id, b.id FROM time_entries a JOIN time_entries b
            ON b.workspace_id = a.workspace_id AND b.user_id = a.user_id AND a.id < b.id
           AND tstzrange(a.start_time, COALESCE(a.end_time, 'infinity')) && tstzrange(b.start_time, COALESCE(b.end_time, 'infinity'))
         WHERE a.workspace_id = $1`,
        [ws.id],
      );
      expect(overlapping).toEqual([]);

      const all = await entries();
      const stored = await sheets();
      for (const person of people) {
        const mine = all.filter((e) => e.userId === person.member.userId);
        const running = mine.find((e) => e.end === Number.POSITIVE_INFINITY);
        const closed = mine.filter((e) => e !== running);
        const listed = await timesheetsOf(person);
        const storedMine = stored.filter((s) => s.user_id === person.member.userId);
        expect(listed.map((s) => s.id).sort()).toEqual(storedMine.map((s) => s.id).sort());
        // Every closed entry's week has its timesheet.
        for (const entry of closed) {
          const monday = startOfIsoWeek(dateInZone(new Date(entry.start / 1000), person.zone));
          expect(storedMine.map((s) => s.date_from)).toContain(monday);
        }
        for (const sheet of listed) {
          const items = Object.values(sheet.daily_breakdown).flat();
          expect(sheet.total_minutes).toBe(items.reduce((sum, item) => sum + item.total_minutes, 0));
          expect(sheet.total_hours).toBe(Math.round((sheet.total_minutes * 100) / 60) / 100);
          const breakdown = Object.fromEntries(
            Object.entries(sheet.daily_breakdown).map(([date, dayItems]) => [
              date,
              dayItems.map(({ project_id, contract_id, total_minutes }) => ({ project_id, contract_id, total_minutes })),
            ]),
          );
          // A running tracker counts up to the API's now(); its week is compared once the tracker stops.
          const week = weekSpan(sheet.date_from, person.zone);
          if (!running || running.start >= week.end) expect(breakdown).toEqual(expectedBreakdown(sheet, closed, person.zone));
          const locked = approved.get(person.member.userId)?.get(sheet.date_from);
          expect(sheet.status === 'approved').toBe(locked !== undefined);
          if (locked) {
            expect(sameSpans(mine.filter((e) => overlaps(e, week)))).toEqual(locked.entries);
            expect(breakdown).toEqual(locked.breakdown);
          }
        }
      }
    };

    /** GET /time-entries of each of the member's days lists exactly the entries starting in it, with whole minutes. */
    const checkDayLists = async (): Promise<void> => {
      const all = await entries();
      for (const person of people) {
        for (let index = 0; index < DAYS; index++) {
          const date = dateOf(index);
          const range = dayRange(date, person.zone);
          const expected = all
            .filter((e) => e.userId === person.member.userId && e.start >= us(range.start) && e.start < us(range.end))
            .map((e) => ({ id: e.id, duration_minutes: Math.floor((e.end - e.start) / US_PER_MINUTE) }));
          const res = await http.get(
            `/api/v2/time-entries?workspace_id=${ws.id}&user_id=${person.member.userId}&date=${date}&per_page=50`,
            owner,
          );
          expect(res.status).toBe(200);
          const listed = (res.body as { data: { id: string; date: string; duration_minutes: number }[] }).data;
          expect(listed.map(({ id, duration_minutes }) => ({ id, duration_minutes }))).toEqual(expected);
          expect(listed.every((e) => e.date === date)).toBe(true);
        }
      }
    };

    const pickEntry = async (person: Person, index: number): Promise<Entry | null> => {
      if (index < 0) return null;
      const mine = (await entries()).filter((e) => e.userId === person.member.userId);
      return mine.length === 0 ? null : mine[index % mine.length];
    };

    const run = async (op: Op): Promise<void> => {
      switch (op.kind) {
        case 'start': {
          const person = people[op.who];
          const all = await entries();
          const isRunning = all.some((e) => e.userId === person.member.userId && e.end === Number.POSITIVE_INFINITY);
          const nowWeek = weekSpan(currentMonday(person), person.zone);
          const res = await http.post('/api/v2/time-tracking/start', owner).send({
            workspace_id: ws.id,
            user_id: person.member.userId,
            ...(op.withContract && { contract_id: person.contractId }),
          });
          answered(op, res, isRunning || touchesApproved(person.member.userId, nowWeek) ? [409] : [200]);
          return;
        }
        case 'stop': {
          const person = people[op.who];
          const isRunning = (await entries()).some((e) => e.userId === person.member.userId && e.end === Number.POSITIVE_INFINITY);
          const res = await http.post('/api/v2/time-tracking/stop', owner).send({ workspace_id: ws.id, user_id: person.member.userId });
          answered(op, res, isRunning ? [200] : [409]);
          return;
        }
        case 'create': {
          const person = people[op.who];
          const date = dateOf(op.day);
          const before = (await entries()).filter((e) => e.userId === person.member.userId);
          const span = entrySpan(person, date, op.from, op.to);
          const kept = span.end > span.start ? saved(person, before, op.withContract ? person.contractId : null, span) : [];
          const expected =
            op.to <= op.from || span.end <= span.start
              ? [422]
              : touchesApproved(person.member.userId, span) || kept.length === 0
                ? [409]
                : [201];
          const res = await http.post('/api/v2/time-entries', owner).send({
            workspace_id: ws.id,
            user_id: person.member.userId,
            date,
            start_time: hhmm(op.from),
            end_time: hhmm(op.to),
            ...(op.withContract && { contract_id: person.contractId }),
          });
          if (answered(op, res, expected) !== 201) return;
          const added = await addedSince(person, before);
          const savedUs = added.reduce((sum, e) => sum + e.end - e.start, 0);
          expect((res.body as { saved_minutes: number }).saved_minutes).toBe(Math.floor(savedUs / US_PER_MINUTE));
          // The free parts of the request, as far as the weekly limit goes.
          expect(added).toEqual(kept);
          return;
        }
        case 'update': {
          const person = people[op.who];
          const entry = await pickEntry(person, op.pick);
          const date = dateOf(op.day);
          const span = entrySpan(person, date, op.from, op.to);
          const others = (await entries()).filter((e) => e.userId === person.member.userId && e.id !== entry?.id);
          let expected: number[];
          if (!entry) expected = [404];
          else if (entry.end === Number.POSITIVE_INFINITY || touchesApproved(person.member.userId, entry)) expected = [409];
          else if (span.end <= span.start) expected = [422];
          else if (touchesApproved(person.member.userId, span) || others.some((e) => overlaps(e, span))) expected = [409];
          // An update saves the whole new span or nothing.
          else expected = span.end - span.start > allowance(person, others, entry.contractId, span) ? [409] : [200];
          const res = await http
            .put(`/api/v2/time-entries/${entry?.id ?? UNKNOWN_ID}`, owner)
            .send({ workspace_id: ws.id, date, start_time: hhmm(op.from), end_time: hhmm(op.to) });
          if (answered(op, res, expected) !== 200 || !entry) return;
          const after = (await entries()).find((e) => e.id === entry.id);
          expect(after && { start: after.start, end: after.end }).toEqual(span);
          return;
        }
        case 'delete': {
          const person = people[op.who];
          const entry = await pickEntry(person, op.pick);
          const expected = !entry
            ? [404]
            : entry.end === Number.POSITIVE_INFINITY || touchesApproved(person.member.userId, entry)
              ? [409]
              : [200];
          const res = await http.delete(`/api/v2/time-entries/${entry?.id ?? UNKNOWN_ID}`, owner).send({ workspace_id: ws.id });
          if (answered(op, res, expected) === 200) expect((await entries()).some((e) => e.id === entry?.id)).toBe(false);
          return;
        }
        case 'sheet': {
          const all = await sheets();
          const sheet = op.pick < 0 || all.length === 0 ? undefined : all[op.pick % all.length];
          const person = personOf(sheet?.user_id ?? people[0].member.userId);
          const monday = sheet?.date_from ?? MONDAYS[0];
          const token = op.bySelf && (op.action === 'submit' || op.action === 'unsubmit') ? person.member.token : owner;
          const from: Record<SheetAction, string[]> = {
            submit: ['pending', 'rejected'],
            unsubmit: ['submitted'],
            approve: ['submitted'],
            reject: ['submitted'],
          };
          let expected = !sheet ? [404] : from[op.action].includes(sheet.status) ? [200] : [409];
          if (sheet && op.action === 'approve' && expected[0] === 200) {
            const week = weekSpan(monday, person.zone);
            const running = (await entries()).some(
              (e) => e.userId === person.member.userId && e.end === Number.POSITIVE_INFINITY && e.start < week.end,
            );
            if (running) expected = [409];
          }
          const res = await http
            .put(`/api/v2/timesheets/${sheet?.id ?? UNKNOWN_ID}/${op.action}`, token)
            .send({ workspace_id: ws.id, ...(op.action === 'reject' && { reason: 'Please check Monday' }) });
          if (answered(op, res, expected) === 200 && op.action === 'approve' && sheet) {
            const week = weekSpan(monday, person.zone);
            const held = (await entries()).filter((e) => e.userId === person.member.userId && overlaps(e, week));
            const listed = (await timesheetsOf(person)).find((s) => s.id === sheet.id) as TimesheetBody;
            const breakdown = Object.fromEntries(
              Object.entries(listed.daily_breakdown).map(([date, items]) => [
                date,
                items.map(({ project_id, contract_id, total_minutes }) => ({ project_id, contract_id, total_minutes })),
              ]),
            );
            const weeks = approved.get(person.member.userId) ?? new Map();
            weeks.set(monday, { entries: sameSpans(held), breakdown });
            approved.set(person.member.userId, weeks);
          }
          return;
        }
        case 'request': {
          const person = people[op.who];
          const date = dateOf(op.day);
          const start = new Date(wallClockToInstant(date, hhmm(op.from), person.zone).getTime() + op.second * 1000);
          const end = new Date(start.getTime() + op.seconds * 1000);
          const span = { start: us(start), end: us(end) };
          const before = (await entries()).filter((e) => e.userId === person.member.userId);
          const res = await http.post('/api/v2/time-requests', op.byOwner ? owner : person.member.token).send({
            workspace_id: ws.id,
            user_id: person.member.userId,
            start: start.toISOString(),
            end: end.toISOString(),
            ...(op.withContract && { contract_id: person.contractId }),
          });
          if (answered(op, res, touchesApproved(person.member.userId, span) ? [409] : [201]) === 201) {
            expect((res.body as { data: { status: string } }).data.status).toBe(op.byOwner ? 'approved' : 'pending');
            const contractId = op.withContract ? person.contractId : null;
            expect(await addedSince(person, before)).toEqual(op.byOwner ? saved(person, before, contractId, span) : []);
          }
          return;
        }
        case 'decideRequest': {
          const pending: { id: string; user_id: number; contract_id: number | null; s: string; e: string }[] = await t.dataSource.query(
            `SELECT id, user_id, contract_id, (extract(epoch FROM start) * 1000000)::bigint::text AS s, (extract(epoch FROM "end") * 1000000)::bigint::text AS e
               FROM time_requests WHERE workspace_id = $1 AND status = 'pending' ORDER BY created_at, id`,
            [ws.id],
          );
          const request = op.pick < 0 || pending.length === 0 ? null : pending[op.pick % pending.length];
          const span = request && { start: Number(request.s), end: Number(request.e) };
          const expected = !request || !span ? [404] : op.approve && touchesApproved(request.user_id, span) ? [409] : [200];
          const person = request && personOf(request.user_id);
          const before = person ? (await entries()).filter((e) => e.userId === person.member.userId) : [];
          const res = await http
            .post(`/api/v2/time-requests/${request?.id ?? UNKNOWN_ID}/${op.approve ? 'approve' : 'reject'}`, owner)
            .send({ workspace_id: ws.id, ...(!op.approve && { comment: 'Conflicts with the schedule' }) });
          if (answered(op, res, expected) !== 200 || !person || !request || !span) return;
          expect(await addedSince(person, before)).toEqual(op.approve ? saved(person, before, request.contract_id, span) : []);
          return;
        }
      }
    };

    try {
      for (const op of ops) {
        await run(op);
        await check();
      }
      // Trackers stopped, every week (the current one too) is compared exactly.
      for (const index of [0, 1] as const) await run({ kind: 'stop', who: index });
      await check();
      await checkDayLists();
    } catch (error) {
      throw new Error(`${(error as Error).message}\nafter:\n  ${log.join('\n  ')}`, { cause: error });
    }
  }

  it('keeps entries apart, totals equal to their entries and approved weeks unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArbitrary, { minLength: 1, maxLength: 25, size: 'max' }), (ops) => runOps(ops)),
      { numRuns: Number(process.env.TIME_PROPERTY_RUNS ?? 25) },
    );
  }, 600_000);
});

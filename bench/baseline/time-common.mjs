// What both baselines share for the time workloads (W4 start/stop, W5 timesheets): request parsing, the API's
// response shapes and texts, and the member's ISO weeks.
import { readFileSync } from 'node:fs';
import { HttpError, invalid } from './common.mjs';

/** The API's listTimesheets page statement for OW/EM with user_id, date_from and date_to (recorded 2026-12-03). */
export const TIMESHEETS_PAGE_SQL = readFileSync(new URL('./timesheets-page.sql', import.meta.url), 'utf8').trim();

/** `2024-01-15T10:30:00+00:00` */
export const utcOffset = (date) => date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
const messageTime = (date) => `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 16)} UTC`;
export const displayName = (first, last, email) => [first, last].filter(Boolean).join(' ') || email;

/** time-tracking.md Decision, for a tracker without contract, task or activity (what W4 starts). */
export const startMessage = (name, start) => `${name} started tracking time at ${messageTime(start)} without a project`;

const positiveInt = (raw) => (/^\d{1,10}$/.test(String(raw ?? '').trim()) ? Number(raw) : NaN);

/** workspace_id and user_id of a start/stop body (JSON). */
export function trackingBodyOf(request, callerId) {
  const body = request.body ?? {};
  const workspaceId = positiveInt(body.workspace_id ?? request.query.workspace_id);
  if (!(workspaceId >= 1 && workspaceId <= 2_147_483_647)) throw invalid('workspace_id', 'The workspace id field is required.');
  const userId = body.user_id === undefined || body.user_id === null ? callerId : positiveInt(body.user_id);
  if (!(userId >= 1 && userId <= 2_147_483_647)) throw invalid('user_id', 'The user id must be an integer.');
  return { workspaceId, userId };
}

/** The W5 query: user_id, date_from and date_to (YYYY-MM-DD), page and per_page. */
export function timesheetsQueryOf(request) {
  const { user_id: user, date_from: from, date_to: to } = request.query;
  const userId = positiveInt(user);
  if (!(userId >= 1)) throw invalid('user_id', 'user_id must be an integer.');
  for (const [name, value] of [
    ['date_from', from],
    ['date_to', to],
  ]) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(String(value ?? ''))) throw invalid(name, `${name} must be a date (YYYY-MM-DD).`);
  }
  const page = positiveInt(request.query.page ?? 1);
  const perPage = positiveInt(request.query.per_page ?? 20);
  if (!(page >= 1) || !(perPage >= 1 && perPage <= 100)) throw invalid('per_page', 'per_page must be between 1 and 100.');
  return { userId, from, to, page, perPage };
}

/** Exact sum of decimal strings with two places, as a JSON number (the API's sumDecimals + decimalToJsonNumber). */
function sumAmounts(amounts) {
  const cents = amounts.reduce((sum, amount) => {
    const [whole, fraction = ''] = amount.split('.');
    const sign = whole.startsWith('-') ? -1n : 1n;
    return sum + sign * (BigInt(whole.replace('-', '')) * 100n + BigInt((fraction + '00').slice(0, 2)));
  }, 0n);
  return Number(cents) / 100;
}

export function amountsByCurrency(items) {
  const byCurrency = new Map();
  for (const item of items) {
    if (item.amount === null) continue;
    const amounts = byCurrency.get(item.currency);
    if (amounts) amounts.push(item.amount);
    else byCurrency.set(item.currency, [item.amount]);
  }
  return Object.fromEntries([...byCurrency].map(([currency, amounts]) => [currency, sumAmounts(amounts)]));
}

const isoZ = (date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The documented Timesheet (the API's toTimesheetResponse). */
export function toTimesheet(row, canViewRates) {
  const items = Object.values(row.breakdown).flat();
  const totalMinutes = items.reduce((sum, item) => sum + item.total_minutes, 0);
  const daily = Object.fromEntries(
    Object.entries(row.breakdown).map(([day, dayItems]) => [
      day,
      dayItems.map((item) => ({
        project_id: item.project_id,
        project_name: item.project_name,
        contract_id: item.contract_id,
        total_minutes: item.total_minutes,
        ...(canViewRates && { total_amount: amountsByCurrency([item]) }),
      })),
    ]),
  );
  return {
    id: row.id,
    user_id: row.user_id,
    member: { id: row.user_id, firstname: row.firstname, lastname: row.lastname, email: row.email, avatar: row.avatar },
    date_from: row.date_from,
    date_to: row.date_to,
    total_minutes: totalMinutes,
    total_hours: Math.round((totalMinutes * 100) / 60) / 100,
    ...(canViewRates && { total_amount: amountsByCurrency(items) }),
    status: row.status,
    submitted_on: row.submitted_on === null ? null : isoZ(row.submitted_on),
    reject_reason: row.reject_reason,
    daily_breakdown: daily,
    created_at: isoZ(row.created_at),
  };
}

/** The 409s the API answers for start and stop. */
export const alreadyTracking = () => new HttpError(409, 'User is already tracking time. Stop the current tracker first.');
export const noTracker = () => new HttpError(409, 'No active tracker found for this user.');

const DAY = 86_400_000;
/** Local date (YYYY-MM-DD) of an instant in a zone. */
function dateIn(instant, timeZone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
/** The zone's offset (ms) at an instant. */
function offsetAt(instant, timeZone) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const local = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return local - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The member's ISO weeks that `[start, end)` touches (the API's weeksTouched), as dates and instants. The week's
 * start instant uses the zone's offset at that local midnight, which is exact except inside a DST gap at midnight.
 */
export function weeksTouched(start, end, timeZone) {
  const weeks = [];
  const localDate = dateIn(start, timeZone);
  const dayMs = Date.parse(`${localDate}T00:00:00Z`);
  let monday = dayMs - ((new Date(dayMs).getUTCDay() + 6) % 7) * DAY;
  for (;;) {
    const startInstant = new Date(monday - offsetAt(new Date(monday), timeZone));
    const endInstant = new Date(monday + 7 * DAY - offsetAt(new Date(monday + 7 * DAY), timeZone));
    const dateFrom = new Date(monday).toISOString().slice(0, 10);
    weeks.push({ dateFrom, dateTo: new Date(monday + 6 * DAY).toISOString().slice(0, 10), start: startInstant, end: endInstant });
    if (endInstant.getTime() >= end.getTime()) return weeks;
    monday += 7 * DAY;
  }
}

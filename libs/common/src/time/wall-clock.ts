import { dateFields, dateOfWallMs, wallMs } from './calendar-date';
import { offsetMsAt, wallClockAt } from './zone-offset';

const DAY_MS = 86_400_000;
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

/**
 * The instant at which a clock in `timeZone` reads `date` `time` (`HH:mm` or `HH:mm:ss`): how a service
 * reads a member's wall-clock input (time-entry `date` + `start_time`, leave `start_time`).
 *
 * Local times that do not occur once are resolved as Temporal's `disambiguation: 'compatible'` does:
 * - nonexistent (inside a spring-forward gap): shifted forward by the length of the gap, so 02:30 on
 *   2024-03-10 in America/New_York is 03:30 EDT (07:30Z);
 * - ambiguous (inside a fall-back overlap): the earlier of the two instants, i.e. the offset in force
 *   before the transition, so 01:30 on 2024-11-03 in America/New_York is 01:30 EDT (05:30Z).
 */
export function wallClockToInstant(date: string, time: string, timeZone: string): Date {
  const { year, month, day } = dateFields(date);
  const match = TIME_OF_DAY.exec(time);
  if (!match) throw new RangeError(`Not an HH:mm time: ${JSON.stringify(time)}`);
  return new Date(wallMsToInstant(wallMs(year, month, day, Number(match[1]), Number(match[2]), Number(match[3] ?? 0)), timeZone));
}

/**
 * The 'compatible' resolution on a wall reading in milliseconds. The offsets a day either side bound
 * every candidate (no zone has changed its offset twice within two days), as in the Temporal polyfill.
 */
export function wallMsToInstant(local: number, timeZone: string): number {
  const before = offsetMsAt(local - DAY_MS, timeZone);
  const after = offsetMsAt(local + DAY_MS, timeZone);
  const candidates = [local - before, local - after].filter((instant) => readsAs(instant, timeZone) === local).sort((a, b) => a - b);
  // No candidate: the reading lies in a gap; the pre-transition offset moves it forward by the gap.
  return candidates[0] ?? local - before;
}

function readsAs(instant: number, timeZone: string): number {
  const clock = wallClockAt(instant, timeZone);
  return wallMs(clock.year, clock.month, clock.day, clock.hour, clock.minute, clock.second);
}

/** The calendar date (`YYYY-MM-DD`) a clock in `timeZone` shows at `instant`, e.g. a tracker's `date`. */
export function dateInZone(instant: Date, timeZone: string): string {
  return dateOfWallMs(readsAs(instant.getTime(), timeZone));
}

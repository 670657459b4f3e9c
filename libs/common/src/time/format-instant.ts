import { dateOfWallMs } from './calendar-date';
import { offsetMsAt } from './zone-offset';

/** The response format for date-times (conventions.md): UTC to the second, `2024-01-15T10:30:00Z`. */
export function formatUtc(instant: Date): string {
  return `${instant.toISOString().slice(0, 19)}Z`;
}

/** The time-tracking form (`start_time`, `stopped_at`): UTC written as an offset, `2024-01-15T10:30:00+00:00`. */
export function formatUtcOffset(instant: Date): string {
  return `${instant.toISOString().slice(0, 19)}+00:00`;
}

/**
 * The instant as a clock in `timeZone` reads it, with that zone's offset (daily-timeline times):
 * `2024-01-15T05:30:00-05:00`. Offsets with seconds (local mean time before ~1900) are written
 * `+HH:MM:SS` rather than rounded, so the text still names the exact instant.
 */
export function formatInZone(instant: Date, timeZone: string): string {
  const floored = Math.floor(instant.getTime() / 1000) * 1000;
  const offset = offsetMsAt(floored, timeZone);
  const wall = floored + offset;
  return `${dateOfWallMs(wall)}T${new Date(wall).toISOString().slice(11, 19)}${formatOffset(offset)}`;
}

/** `+05:45`, `-03:30`, `+00:00` (and `+HH:MM:SS` when the offset has seconds). */
export function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const total = Math.abs(offsetMs) / 1000;
  const hours = String(Math.floor(total / 3600)).padStart(2, '0');
  const minutes = String(Math.floor((total % 3600) / 60)).padStart(2, '0');
  const seconds = total % 60;
  return `${sign}${hours}:${minutes}${seconds ? `:${String(seconds).padStart(2, '0')}` : ''}`;
}

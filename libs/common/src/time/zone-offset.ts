import { wallMs } from './calendar-date';

/** A wall-clock reading in some zone, to the second. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let cached = formatters.get(timeZone);
  if (!cached) {
    // en-US with h23 gives plain numeric parts; the era tells BC years apart (never expected, but exact).
    cached = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, cached);
  }
  return cached;
}

/**
 * What a clock in `timeZone` reads at `instant` (milliseconds since the epoch), from the zone data
 * Node ships with ICU (`Intl.DateTimeFormat`), so no library is needed. Throws RangeError for a
 * zone Intl does not know; validate input with `@IsIanaTimeZone()`.
 */
export function wallClockAt(instant: number, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const { type, value } of formatter(timeZone).formatToParts(instant)) parts[type] = value;
  const year = Number(parts.year);
  return {
    year: parts.era === 'BC' || parts.era === 'B' ? 1 - year : year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The zone's UTC offset at `instant`, in milliseconds (east positive; whole seconds, as LMT offsets have them). */
export function offsetMsAt(instant: number, timeZone: string): number {
  const { year, month, day, hour, minute, second } = wallClockAt(instant, timeZone);
  return wallMs(year, month, day, hour, minute, second) - Math.floor(instant / 1000) * 1000;
}

import { addDays, dateInZone, isoWeekRange, startOfIsoWeek } from '@app/common';

/** One ISO week of a member's zone: its dates (a timesheet's period) and its instants. */
export interface MemberWeek {
  dateFrom: string;
  dateTo: string;
  start: Date;
  end: Date;
}

/** The member's weeks that `[start, end)` touches, in order (one for most spans; more for a long tracker). */
export function weeksTouched(start: Date, end: Date, timeZone: string): MemberWeek[] {
  const weeks: MemberWeek[] = [];
  let monday = startOfIsoWeek(dateInZone(start, timeZone));
  for (;;) {
    const range = isoWeekRange(monday, timeZone);
    weeks.push({ dateFrom: monday, dateTo: addDays(monday, 6), start: range.start, end: range.end });
    if (range.end.getTime() >= end.getTime()) return weeks;
    monday = addDays(monday, 7);
  }
}

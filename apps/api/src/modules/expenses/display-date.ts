const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date `YYYY-MM-DD` as the display string the expense fields carry (`MMM D, YYYY`, English month
 * abbreviations whatever the server's locale): `'2024-01-05'` → `'Jan 5, 2024'`. Null stays null.
 */
export function displayDate(date: string | null): string | null {
  if (date === null) return null;
  const match = CALENDAR_DATE.exec(date);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) throw new RangeError(`Not a calendar date: ${JSON.stringify(date)}`);
  return `${month} ${Number(match[3])}, ${match[1]}`;
}

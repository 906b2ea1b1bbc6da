/** RFC 9051 §9 date-time as INTERNALDATE shows it: `26-Nov-2026 08:00:00 +0000` (day space-padded). */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The internal date in UTC: date-day-fixed = (SP DIGIT) / 2DIGIT. */
export function internalDate(ms: number): string {
  const d = new Date(ms);
  const day = String(d.getUTCDate()).padStart(2, ' ');
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${day}-${MONTHS[d.getUTCMonth()]}-${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

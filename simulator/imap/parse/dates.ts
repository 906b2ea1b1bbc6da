/** RFC 9051 §9 date (SEARCH) and date-time (APPEND, INTERNALDATE). */
import type { ImapDate, ImapDateTime } from './ast.ts';
import { Cursor, SyntaxFault } from './lexer.ts';
import { monthNumber, MONTHS } from '../../mime/date.ts';


const isDigit = (b: number): boolean => b >= 0x30 && b <= 0x39;

function digits(c: Cursor, min: number, max: number, what: string): number {
  const start = c.pos;
  const s = c.token(isDigit, what);
  if (s.length < min || s.length > max) {
    c.pos = start;
    c.fail(what);
  }
  return Number(s);
}

function month(c: Cursor): number {
  const word = c.token((b) => (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a, 'a month (Jan ... Dec)');
  const n = monthNumber(word);
  if (n === 0) throw new SyntaxFault(`expected a month (Jan ... Dec), got "${word}"`);
  return n;
}

function daysIn(m: number, y: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function checkDay(d: ImapDate): ImapDate {
  if (d.day < 1 || d.day > daysIn(d.month, d.year)) {
    throw new SyntaxFault(`there is no day ${d.day} in ${MONTHS[d.month - 1]} ${d.year}`);
  }
  return d;
}

/** date-text = date-day "-" date-month "-" date-year, e.g. 1-Feb-1994. */
function dateText(c: Cursor): ImapDate {
  const day = digits(c, 1, 2, 'a day of the month, as in 1-Feb-1994');
  c.expectByte(0x2d, '"-" after the day, as in 1-Feb-1994');
  const m = month(c);
  c.expectByte(0x2d, '"-" after the month, as in 1-Feb-1994');
  const year = digits(c, 4, 4, 'a four-digit year');
  return checkDay({ day, month: m, year });
}

/** RFC 9051 §9 date = date-text / DQUOTE date-text DQUOTE. */
export function parseDate(c: Cursor): ImapDate {
  if (!c.accept(0x22)) return dateText(c);
  const d = dateText(c);
  c.expectByte(0x22, 'a closing quote after the date');
  return d;
}

function time(c: Cursor): [number, number, number] {
  const h = digits(c, 2, 2, 'the hour as two digits (hh:mm:ss)');
  c.expectByte(0x3a, '":" in the time (hh:mm:ss)');
  const m = digits(c, 2, 2, 'the minutes as two digits (hh:mm:ss)');
  c.expectByte(0x3a, '":" in the time (hh:mm:ss)');
  const s = digits(c, 2, 2, 'the seconds as two digits (hh:mm:ss)');
  if (h > 23 || m > 59 || s > 60) throw new SyntaxFault(`${h}:${m}:${s} is not a time of day`);
  return [h, m, s];
}

/** RFC 9051 §9 date-time, e.g. "17-Jul-1996 02:44:25 -0700"; the day may be space-padded. */
export function parseDateTime(c: Cursor): ImapDateTime {
  c.expectByte(0x22, 'a quoted date-time such as "17-Jul-1996 02:44:25 -0700"');
  c.accept(0x20); // date-day-fixed = (SP DIGIT) / 2DIGIT
  const d = dateText(c);
  c.sp('the date');
  const [hour, minute, second] = time(c);
  c.sp('the time');
  const sign = c.peek();
  if (sign !== 0x2b && sign !== 0x2d) c.fail('a time zone such as +0000 or -0700');
  c.pos++;
  const zone = digits(c, 4, 4, 'a four-digit time zone such as -0700');
  const zoneMinutes = (sign === 0x2d ? -1 : 1) * (Math.floor(zone / 100) * 60 + (zone % 100));
  if (zone % 100 > 59) throw new SyntaxFault(`time zone ${zone} has more than 59 minutes`);
  c.expectByte(0x22, 'a closing quote after the date-time');
  return { ...d, hour, minute, second, zoneMinutes };
}

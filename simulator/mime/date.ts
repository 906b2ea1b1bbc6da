/**
 * Dates as mail writes them, the one module for them: RFC 5322 §3.3 date-time read (with the
 * §4.3 obsolete forms: two- and three-digit years, alphabetic zones, comments and extra
 * whitespace) and written, IMAP's INTERNALDATE (RFC 9051 §9) and mbox's asctime. Pure: no clock;
 * the time is always an argument.
 */
import { stripComments } from './params.ts';

export interface DateTime {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Offset east of UTC in minutes, as written (RFC 5322 §3.3 zone). */
  zone: number;
}

/** RFC 5322 §3.3 month (also RFC 9051 §9 date-month and asctime's): English, three letters. */
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
/** RFC 5322 §3.3 day-of-week. */
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** 1–12 for a month's three letters in any case (RFC 5322 and RFC 9051 month names are case-insensitive), else 0. */
export function monthNumber(name: string): number {
  const n = name.toLowerCase();
  return MONTHS.findIndex((m) => m.toLowerCase() === n) + 1;
}

const two = (n: number): string => String(n).padStart(2, '0');
const clock = (d: Date): string => `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;

/** RFC 5322 §3.3 date-time in UTC: `Thu, 26 Nov 2026 09:00:00 +0000` (day = 1*2DIGIT, written without a pad). */
export function rfc5322Date(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${clock(d)} +0000`;
}

/** RFC 9051 §9 date-time as INTERNALDATE shows it, in UTC: `26-Nov-2026 08:00:00 +0000`; date-day-fixed = (SP DIGIT) / 2DIGIT. */
export function internalDate(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getUTCDate()).padStart(2, ' ')}-${MONTHS[d.getUTCMonth()]}-${d.getUTCFullYear()} ${clock(d)} +0000`;
}

/** C asctime() in UTC, as mbox From_ lines carry it: `Thu Nov 26 08:05:00 2026`, the day padded with a space. */
export function asctime(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${clock(d)} ${d.getUTCFullYear()}`;
}

/** An asctime date (with the numeric zone some writers put before the year) in milliseconds, or null. */
export function parseAsctime(text: string): number | null {
  const m = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?: [+-]\d{4})? (\d{4})/.exec(text);
  if (!m) return null;
  const month = MONTHS.indexOf(m[1] as (typeof MONTHS)[number]);
  if (month < 0) return null;
  return Date.UTC(Number(m[6]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
}

/** RFC 5322 §4.3 obs-zone. Military letters "SHOULD all be considered equivalent to -0000". */
const ZONES: Record<string, number> = {
  ut: 0, gmt: 0, z: 0, edt: -240, est: -300, cdt: -300, cst: -360, mdt: -360, mst: -420, pdt: -420, pst: -480,
};

function zoneMinutes(text: string | undefined): number {
  if (text === undefined) return 0;
  const m = /^([+-])(\d\d)(\d\d)$/.exec(text);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return ZONES[text.toLowerCase()] ?? 0;
}

/** RFC 5322 §4.3 obs-year: "If a two digit year is encountered whose value is between 00 and 49,
 *  the year is interpreted by adding 2000 ... 50 and 99 ... 1900"; three digits add 1900. */
function fullYear(text: string): number {
  const y = Number(text);
  if (text.length === 2) return y < 50 ? 2000 + y : 1900 + y;
  if (text.length === 3) return 1900 + y;
  return y;
}

const DATE_TIME =
  /^(?:[a-z]+\s*,?\s*)?(\d{1,2})\s*[\s-]\s*([a-z]{3})[a-z]*\s*[\s-]\s*(\d{2,4})\s+(\d{1,2})\s*:\s*(\d{2})(?:\s*:\s*(\d{2}))?(?:\s*([+-]\d{4}|[a-z]{1,5}))?/i;

/** The fields of an RFC 5322 date-time, or null when it does not parse or is out of range. */
export function parseDateTime(text: string): DateTime | null {
  const m = DATE_TIME.exec(stripComments(text).trim());
  if (!m) return null;
  const month = monthNumber(m[2] as string);
  const dt: DateTime = {
    year: fullYear(m[3] as string),
    month,
    day: Number(m[1]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: m[6] === undefined ? 0 : Number(m[6]),
    zone: zoneMinutes(m[7]),
  };
  if (month === 0 || dt.day < 1 || dt.day > 31 || dt.hour > 23 || dt.minute > 59 || dt.second > 60) return null;
  return dt;
}

/** Milliseconds since the epoch of an RFC 5322 date-time, or null. @rfc 5322#3.3 @rfc 5322#4.3 */
export function parseDate(text: string): number | null {
  const dt = parseDateTime(text);
  if (!dt) return null;
  const local = Date.UTC(dt.year, dt.month - 1, dt.day, dt.hour, dt.minute, Math.min(dt.second, 59));
  return local - dt.zone * 60_000;
}

/**
 * The calendar day written in the date (00:00 UTC of it), ignoring time and zone: what
 * RFC 9051 §6.4.4 SENTBEFORE/SENTON/SENTSINCE compare ("disregarding time and timezone").
 */
export function sentDay(text: string): number | null {
  const dt = parseDateTime(text);
  return dt ? Date.UTC(dt.year, dt.month - 1, dt.day) : null;
}

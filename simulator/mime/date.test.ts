import { describe, expect, it } from 'vitest';
import { parseDate, parseDateTime, sentDay } from './date.ts';

describe('RFC 5322 §3.3 date-time', () => {
  const cases: Array<[string, string]> = [
    ['Fri, 21 Nov 1997 09:55:06 -0600', '1997-11-21T15:55:06.000Z'],
    ['Tue, 1 Jul 2003 10:52:37 +0200', '2003-07-01T08:52:37.000Z'],
    ['Thu, 13 Feb 1969 23:32:54 -0330', '1969-02-14T03:02:54.000Z'],
    ['21 Nov 1997 09:55:06 GMT', '1997-11-21T09:55:06.000Z'],
    ['Wed, 17 Jul 1996 02:23:25 -0700 (PDT)', '1996-07-17T09:23:25.000Z'],
    // RFC 5322 Appendix A.6.3: obsolete white space and comments.
    ['Thu,\r\n      13\r\n        Feb\r\n          1969\r\n      23:32\r\n               -0330 (Newfoundland Time)', '1969-02-14T03:02:00.000Z'],
    // §4.3 obsolete years and zones.
    ['Mon, 1 Jan 99 00:00:00 EST', '1999-01-01T05:00:00.000Z'],
    ['Mon, 1 Jan 07 00:00:00 PDT', '2007-01-01T07:00:00.000Z'],
    ['1 Jan 101 12:00 UT', '2001-01-01T12:00:00.000Z'],
    ['1 Jan 2001 12:00 Z', '2001-01-01T12:00:00.000Z'],
    // Military zones other than Z are "-0000" per §4.3 (the originals were defined backwards).
    ['1 Jan 2001 12:00 A', '2001-01-01T12:00:00.000Z'],
    ['1 Jan 2001 12:00', '2001-01-01T12:00:00.000Z'],
    ['Sun, 31 December 2023 23:59:60 +0000', '2023-12-31T23:59:59.000Z'],
    ['01-Jan-2020 10:00:00 +0100', '2020-01-01T09:00:00.000Z'],
  ];
  it.each(cases)('%j', (text, iso) => {
    const ms = parseDate(text);
    expect(ms === null ? null : new Date(ms).toISOString()).toBe(iso);
  });

  it('rejects what is not a date', () => {
    for (const t of ['', 'yesterday', '32 Jan 2020 10:00', '1 Foo 2020 10:00', '1 Jan 2020 25:00', '1 Jan 2020']) {
      expect(parseDate(t), t).toBeNull();
    }
  });

  it('sentDay keeps the written calendar day, ignoring time and zone (RFC 9051 §6.4.4 SENTON)', () => {
    expect(sentDay('Mon, 1 Jan 2024 23:30:00 -0800')).toBe(Date.UTC(2024, 0, 1));
    expect(parseDateTime('Mon, 1 Jan 2024 23:30:00 -0800')?.zone).toBe(-480);
  });
});

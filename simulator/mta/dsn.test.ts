import { describe, expect, it } from 'vitest';
import { latin1Text, utf8Bytes } from '../wire/bytes.ts';
import { rfc5322Date } from '../mime/date.ts';
import { buildDsn, headerSection, parseDeliveryStatus } from './dsn.ts';

describe('dsn', () => {
  it('formats RFC 5322 dates in UTC', () => {
    expect(rfc5322Date(Date.UTC(2026, 0, 5, 7, 3, 9))).toBe('Mon, 5 Jan 2026 07:03:09 +0000');
  });

  it('cuts the header section at the first empty line', () => {
    expect(latin1Text(headerSection(utf8Bytes('A: 1\r\nB: 2\r\n\r\nbody\r\n')))).toBe('A: 1\r\nB: 2\r\n');
    expect(latin1Text(headerSection(utf8Bytes('A: 1\nB: 2\n\nbody\n')))).toBe('A: 1\nB: 2\n');
    expect(latin1Text(headerSection(utf8Bytes('A: 1\r\n')))).toBe('A: 1\r\n');
  });

  it('builds a multipart/report with delivery-status fields and 8-bit original headers declared', () => {
    const raw = buildDsn({
      reportingMta: 'mail.example.com', to: 'jürgen@example.com', id: 'q 1<>', arrivalDate: 0, now: 60_000,
      recipients: [
        { address: 'a@example.org', action: 'failed', status: '5.1.1', remoteMta: 'mx.example.org', diagnostic: 'smtp; 550 5.1.1 ' + 'x'.repeat(2000), lastAttempt: 60_000, explanation: 'no such user' },
        { address: 'b@example.net', action: 'failed', status: '5.1.2', remoteMta: null, diagnostic: null, lastAttempt: 60_000, explanation: 'no such domain' },
      ],
      original: utf8Bytes('Subject: Grüße\r\n\r\nbody\r\n'),
    });
    const text = latin1Text(raw);
    expect(text.split('\r\n').every((l) => l.length <= 998)).toBe(true);
    const boundary = /boundary="([^"]+)"/.exec(text)![1]!;
    expect(boundary).toMatch(/^[A-Za-z0-9'()+_,\-./:=?]+$/);
    expect(text).toContain('Message-ID: <q-1--@mail.example.com>');
    const parts = text.split(`--${boundary}`);
    expect(parts).toHaveLength(5);
    expect(parts[4]).toBe('--\r\n');
    const status = parts[2]!.slice(parts[2]!.indexOf('\r\n\r\n') + 4);
    const fields = parseDeliveryStatus(utf8Bytes(status));
    expect(fields).toHaveLength(3);
    expect(fields[2]).toEqual({ 'Final-Recipient': 'rfc822; b@example.net', Action: 'failed', Status: '5.1.2', 'Last-Attempt-Date': 'Thu, 1 Jan 1970 00:01:00 +0000' });
    expect(parts[3]).toContain('Content-Type: text/rfc822-headers\r\nContent-Transfer-Encoding: 8bit\r\n\r\nSubject: Gr');
  });
});

import { describe, expect, it } from 'vitest';
import { parseMessage } from './parse.ts';
import { headerValues, searchableText } from './search-text.ts';
import { msg } from './test-support.ts';

describe('headerValues', () => {
  it('returns every occurrence, unfolded and decoded, matched case-insensitively', () => {
    const root = parseMessage(msg(['Received: from a', 'received: from b', ' by c', 'Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=', '', '']));
    expect(headerValues(root, 'RECEIVED')).toEqual(['from a', 'from b by c']);
    expect(headerValues(root, 'subject')).toEqual(['Grüße']);
    expect(headerValues(root, 'x-none')).toEqual([]);
  });
});

describe('searchableText', () => {
  it('decodes transfer encoding and charset of every text part, skipping attachments', () => {
    const raw = msg([
      'Content-Type: multipart/mixed; boundary=b', '', '--b',
      'Content-Type: text/plain; charset=iso-8859-1', 'Content-Transfer-Encoding: quoted-printable', '',
      'Gr=FC=DFe aus K=F6ln', '--b',
      'Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: base64', '',
      'PHA+ZW5jb2RlZCBodG1sPC9wPg==', '--b',
      'Content-Type: application/octet-stream', 'Content-Transfer-Encoding: base64', '',
      'c2VjcmV0IGF0dGFjaG1lbnQ=', '--b',
      'Content-Type: message/rfc822', '', 'Subject: =?utf-8?q?inner_subject?=', '', 'inner body', '--b--',
    ]);
    const text = searchableText(raw, parseMessage(raw));
    expect(text).toContain('Grüße aus Köln');
    expect(text).toContain('<p>encoded html</p>');
    expect(text).toContain('Subject: inner subject');
    expect(text).toContain('inner body');
    expect(text).not.toContain('secret');
  });

  it('an unknown transfer encoding is searched as written', () => {
    const raw = msg(['Content-Transfer-Encoding: x-weird', '', 'as is']);
    expect(searchableText(raw, parseMessage(raw))).toBe('as is');
  });

  it('a plain non-MIME message is its body', () => {
    const raw = msg(['Subject: s', '', 'hello world']);
    expect(searchableText(raw, parseMessage(raw))).toBe('hello world');
  });
});

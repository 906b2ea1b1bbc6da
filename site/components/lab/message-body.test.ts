import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../simulator/mime/index.ts';
import { bodyParts } from './message-body.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s.replace(/\n/g, '\r\n'));

describe('the parts a viewer shows', () => {
  it('shows a plain message as its text', () => {
    const parts = bodyParts(parseMessage(enc('Subject: hi\n\nHello Bob,\nsee you.\n')));
    expect(parts).toEqual([{ section: 'TEXT', type: 'text/plain', show: 'text', text: 'Hello Bob,\nsee you.\n', size: 22, truncated: false }]);
  });

  it('decodes quoted-printable and base64 with their charset; HTML stays source; an image is only named', () => {
    const raw = enc([
      'Subject: parts',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: multipart/alternative; boundary="b2"',
      '',
      '--b2',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Caf=C3=A9 on Friday?',
      '--b2',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      btoa('<p onclick="x()">Café?</p>'.replace('é', '\u00c3\u00a9')),
      '--b2--',
      '--b1',
      'Content-Type: image/png',
      'Content-Transfer-Encoding: base64',
      '',
      'iVBORw0KGgo=',
      '--b1--',
      '',
    ].join('\n'));
    const parts = bodyParts(parseMessage(raw));
    expect(parts.map((p) => [p.section, p.type, p.show])).toEqual([
      ['1.1', 'text/plain', 'text'],
      ['1.2', 'text/html', 'html'],
      ['2', 'image/png', 'other'],
    ]);
    expect(parts[0]!.text).toBe('Café on Friday?');
    expect(parts[1]!.text).toBe('<p onclick="x()">Café?</p>');
    expect(parts[2]!.text).toBeNull();
  });

  it('cuts a very long text and says so', () => {
    const parts = bodyParts(parseMessage(enc(`Subject: long\n\n${'x'.repeat(30_000)}\n`)));
    expect(parts[0]!.truncated).toBe(true);
    expect(parts[0]!.text).toHaveLength(20_000);
  });
});

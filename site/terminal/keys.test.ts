import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseKeys } from './keys.ts';

describe('parseKeys', () => {
  it('groups typed text and splits at Enter', () => {
    expect(parseKeys('EHLO a\r')).toEqual([{ type: 'text', text: 'EHLO a' }, { type: 'enter' }]);
  });

  it('reads the cursor keys in CSI and SS3 form', () => {
    expect(parseKeys('\x1b[A\x1b[B\x1b[C\x1b[D\x1bOA\x1bOD')).toEqual([
      { type: 'up' }, { type: 'down' }, { type: 'right' }, { type: 'left' }, { type: 'up' }, { type: 'left' },
    ]);
  });

  it('reads Home, End and Delete in their several encodings', () => {
    const keys = parseKeys('\x1b[H\x1b[F\x1bOH\x1bOF\x1b[1~\x1b[4~\x1b[7~\x1b[8~\x1b[3~');
    expect(keys.map((k) => k.type)).toEqual(['home', 'end', 'home', 'end', 'home', 'end', 'home', 'end', 'delete']);
  });

  it('reads Ctrl+Left/Right as word moves', () => {
    expect(parseKeys('\x1b[1;5D\x1b[1;5C')).toEqual([{ type: 'word-left' }, { type: 'word-right' }]);
  });

  it('reads Backspace (DEL and BS), Tab and Ctrl+letters', () => {
    expect(parseKeys('\x7f\x08\t\x01\x05\x15\x17\x03\x0c')).toEqual([
      { type: 'backspace' }, { type: 'backspace' }, { type: 'tab' },
      { type: 'ctrl', key: 'a' }, { type: 'ctrl', key: 'e' }, { type: 'ctrl', key: 'u' },
      { type: 'ctrl', key: 'w' }, { type: 'ctrl', key: 'c' }, { type: 'ctrl', key: 'l' },
    ]);
  });

  it('reads Alt+Backspace as the word rubout (Ctrl+W belongs to the browser)', () => {
    expect(parseKeys('\x1b\x7f')).toEqual([{ type: 'ctrl', key: 'w' }]);
  });

  it('treats a pasted CRLF as one line end and LF alone as one too', () => {
    expect(parseKeys('a\r\nb\nc\r')).toEqual([
      { type: 'text', text: 'a' }, { type: 'enter' }, { type: 'text', text: 'b' }, { type: 'enter' }, { type: 'text', text: 'c' }, { type: 'enter' },
    ]);
  });

  it('drops bracketed-paste markers, unknown sequences, Alt+key and a lone ESC', () => {
    expect(parseKeys('\x1b[200~hi\x1b[201~\x1b[15~\x1bx\x1b')).toEqual([{ type: 'text', text: 'hi' }]);
  });

  it('never throws and never loses printable text, whatever arrives', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '\x1b', '[', 'O', '~', '1', ';', '\r', '\n', '\x7f', '\x03') }), (data) => {
        const keys = parseKeys(data);
        for (const k of keys) if (k.type === 'text') expect(k.text).not.toMatch(/[\x00-\x1f\x7f]/);
      }),
    );
  });
});

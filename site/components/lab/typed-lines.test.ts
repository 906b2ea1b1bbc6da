import { describe, expect, it } from 'vitest';
import { feedWithLines } from './typed-lines.ts';

function run(chunks: string[]): { lines: string[]; fed: string[] } {
  let text = '';
  const lines: string[] = [];
  const fed: string[] = [];
  for (const c of chunks) {
    feedWithLines(c, (x) => { fed.push(x); text = x === '\r' ? '' : text + x; }, () => text, (l) => lines.push(l));
  }
  return { lines, fed };
}

describe('feedWithLines', () => {
  it('records the text before each Enter, typed key by key', () => {
    expect(run(['E', 'H', 'L', 'O', ' a', '\r', 'Q', '\r']).lines).toEqual(['EHLO a', 'Q']);
  });
  it('splits pasted text at CR LF and LF, and passes Enter on as CR', () => {
    const r = run(['MAIL FROM:<a@b>\r\nRCPT TO:<c@d>\nDATA\r']);
    expect(r.lines).toEqual(['MAIL FROM:<a@b>', 'RCPT TO:<c@d>', 'DATA']);
    expect(r.fed.filter((x) => x === '\r')).toHaveLength(3);
  });
  it('records nothing without Enter', () => {
    expect(run(['abc']).lines).toEqual([]);
  });
});

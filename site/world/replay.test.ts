import { describe, expect, it } from 'vitest';
import { decodeReplay, encodeReplay, MAX_REPLAY_LINES, REPLAY_PREFIX, scriptFromLog, SEED_BYTES } from './replay.ts';

describe('replay links', () => {
  it('round-trips lines, slash commands, empty lines and UTF-8', () => {
    const script = { terminals: [['/connect mail.example.com 587', 'EHLO a', '', 'Subject: Café ☕', '.'], ['a1 LOGIN bob@example.org builder']] };
    const hash = encodeReplay(script);
    expect(hash.startsWith(REPLAY_PREFIX)).toBe(true);
    expect(hash.slice(REPLAY_PREFIX.length)).toMatch(/^[A-Za-z0-9_-]*$/);
    expect(decodeReplay(hash)).toEqual(script);
  });

  it('keeps the last lines of a very long session', () => {
    const lines = Array.from({ length: MAX_REPLAY_LINES + 5 }, (_, i) => `NOOP ${i}`);
    const back = decodeReplay(encodeReplay({ terminals: [lines] }))!;
    expect(back.terminals[0]).toHaveLength(MAX_REPLAY_LINES);
    expect(back.terminals[0]!.at(-1)).toBe(`NOOP ${MAX_REPLAY_LINES + 4}`);
  });

  it('keeps the order lines were entered across terminals', () => {
    const script = scriptFromLog([
      { terminal: 0, line: '/connect mail.example.com 143' },
      { terminal: 1, line: '/connect mail.example.com 143' },
      { terminal: 0, line: 'a1 LOGIN alice@example.com wonderland' },
      { terminal: 1, line: 'b1 LOGIN alice@example.com wonderland' },
    ]);
    expect(script.terminals).toEqual([['/connect mail.example.com 143', 'a1 LOGIN alice@example.com wonderland'], ['/connect mail.example.com 143', 'b1 LOGIN alice@example.com wonderland']]);
    expect(decodeReplay(encodeReplay(script))).toEqual({ ...script, order: [0, 1, 0, 1] });
    expect(decodeReplay(`#replay=${btoa('{"v":1,"t":[["a"],["b"]],"o":[0,0]}')}`)).toBeNull();
  });

  it('refuses anything that is not a replay, without throwing', () => {
    for (const hash of ['', '#x', '#replay=', '#replay=!!', '#replay=e30', `#replay=${btoa('{"v":2,"t":[[]]}')}`, `#replay=${btoa('{"v":1,"t":[[1]]}')}`, `#replay=${btoa('\xff\xfe')}`]) {
      expect(decodeReplay(hash)).toBeNull();
    }
  });

  it("version 2 carries the seed, the start and each line's time, and a step after &", () => {
    const seed = Uint8Array.from({ length: SEED_BYTES }, (_, i) => i * 7);
    const script = { terminals: [['/connect mail.example.com 995', 'QUIT'], ['NOOP']], order: [0, 1, 0], seed, startedAt: 1_796_000_000_000, times: [1_796_000_001_000, 1_796_000_001_000, 1_796_000_065_500] };
    const hash = encodeReplay({ ...script, step: 2 });
    expect(hash).toMatch(/^#replay=[A-Za-z0-9_-]+&step=2$/);
    expect(decodeReplay(hash)).toEqual({ ...script, step: 2 });
    expect(decodeReplay(hash.replace('&step=2', ''))).toEqual(script);
    // A step that is not a number is left out, never guessed.
    expect(decodeReplay(hash.replace('&step=2', '&step=x'))!.step).toBeUndefined();
  });

  it('refuses a damaged version 2: short seed, a delay that goes back in time, a missing delay', () => {
    const body = (data: object) => `#replay=${btoa(JSON.stringify(data)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}`;
    const seed = btoa(String.fromCharCode(...new Uint8Array(SEED_BYTES))).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    expect(decodeReplay(body({ v: 2, t: [['a']], s: seed, a: 5, d: [1] }))).toMatchObject({ startedAt: 5, times: [6] });
    for (const bad of [
      { v: 2, t: [['a']], s: seed.slice(4), a: 5, d: [1] },
      { v: 2, t: [['a']], s: seed, a: 5, d: [-1] },
      { v: 2, t: [['a', 'b']], s: seed, a: 5, d: [1] },
      { v: 2, t: [['a']], s: seed, a: 'x', d: [1] },
      { v: 2, t: [['a']], a: 5, d: [1] },
    ]) {
      expect(decodeReplay(body(bad))).toBeNull();
    }
  });
});

/**
 * Every byte a browser sends is masked (RFC 6455 §5.3) and the relay unmasks it. ws does that with
 * bufferutil's native code when it can load it (its optional peer dependency), else with a JavaScript loop that cost the relay about
 * 30 ms of CPU per 16 MiB (bench/relay.ts; issue 19 asks for websockify's throughput). bufferutil
 * falls back to that loop silently when its prebuilt binary cannot load: this test notices.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
type Unmask = (buffer: Buffer, mask: Buffer) => void;

describe('WebSocket unmasking', () => {
  it('is bufferutil\'s native code, not its JavaScript fallback', () => {
    const native = require('bufferutil') as { unmask: Unmask };
    const fallback = require('bufferutil/fallback') as { unmask: Unmask };
    expect(native.unmask).not.toBe(fallback.unmask);
  });

  it('masks and unmasks as RFC 6455 §5.3 says, whatever the length', () => {
    const ws = require('bufferutil') as { mask: (s: Buffer, m: Buffer, o: Buffer, off: number, len: number) => void; unmask: Unmask };
    const key = Buffer.from([0x37, 0xfa, 0x21, 0x3d]);
    for (const length of [0, 1, 5, 31, 32, 33, 1000, 65_537]) {
      const payload = Buffer.from(Array.from({ length }, (_, i) => (i * 7) & 0xff));
      const masked = Buffer.alloc(length);
      ws.mask(payload, key, masked, 0, length);
      if (length > 0) expect(masked.equals(payload)).toBe(false);
      // The masking-key's octet i mod 4 is XORed into octet i.
      expect([...masked]).toEqual([...payload].map((b, i) => b ^ key[i % 4]!));
      ws.unmask(masked, key);
      expect(masked.equals(payload)).toBe(true);
    }
  });
});

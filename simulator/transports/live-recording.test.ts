import { describe, expect, it } from 'vitest';
import { LiveRecorder, MAX_RECORDED_OCTETS } from './live-recording.ts';

const TLS = { keyLog: [], messages: [] };

function recorder() {
  let now = 1000;
  return new LiveRecorder('mail.test', 993, () => (now += 5));
}

describe('LiveRecorder', () => {
  it('keeps each chunk as a copy with its time and direction, and who closed', () => {
    const r = recorder();
    r.opened('127.0.0.1');
    const chunk = new Uint8Array([22, 3, 1, 0, 0]);
    r.add('to-server', chunk, true);
    chunk[0] = 0; // the caller reuses its buffer
    r.add('to-client', new Uint8Array([23]), true);
    r.add('to-client', new Uint8Array(0), true); // nothing crossed
    r.closed('relay');
    r.add('to-server', new Uint8Array([1]), true); // after the end
    const s = r.snapshot(TLS);
    expect(s.openedAt).toBe(1005);
    expect(s.address).toBe('127.0.0.1');
    expect(s.writes.map((w) => [w.time, w.direction, w.bytes[0]])).toEqual([[1010, 'to-server', 22], [1015, 'to-client', 23]]);
    expect(s.closed).toEqual({ time: 1020, by: 'server' }); // a relay hanging up ends the TCP connection on the far side
    expect(s.stoppedBecause).toBeNull();
  });

  it('stops, saying why, when TLS moves to the relay or the session outgrows its limit', () => {
    const a = recorder();
    a.add('to-server', new Uint8Array(10), false);
    a.stop('TLS ran at the relay');
    a.add('to-client', new Uint8Array(10), false);
    a.closed('client');
    expect(a.snapshot(TLS)).toMatchObject({ stoppedBecause: 'TLS ran at the relay', closed: null });
    expect(a.snapshot(TLS).writes).toHaveLength(1);

    const b = recorder();
    b.add('to-client', new Uint8Array(MAX_RECORDED_OCTETS - 1), true);
    b.add('to-client', new Uint8Array(2), true);
    b.add('to-client', new Uint8Array(1), true);
    expect(b.snapshot(TLS).writes).toHaveLength(1);
    expect(b.snapshot(TLS).stoppedBecause).toBe('it keeps the first 8 MiB of a session');
  });
});

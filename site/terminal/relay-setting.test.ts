import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../browser/page-storage.ts';
import { DEFAULT_RELAY_URL, liveDefault, parseRelayUrl, relayUrlOf, setLiveDefault, setRelayUrl } from './relay-setting.ts';

describe('relay settings', () => {
  it('defaults to the relay npm start runs, and keeps what was set', () => {
    const s = new MemoryStorage();
    expect(relayUrlOf(s)).toBe(DEFAULT_RELAY_URL);
    expect(DEFAULT_RELAY_URL).toBe('ws://127.0.0.1:8787/relay');
    setRelayUrl(s, 'wss://relay.example/relay');
    expect(relayUrlOf(s)).toBe('wss://relay.example/relay');
  });

  it('accepts ws:// and wss:// URLs, adding /relay when no path is given', () => {
    expect(parseRelayUrl('ws://127.0.0.1:9000')).toEqual({ url: 'ws://127.0.0.1:9000/relay' });
    expect(parseRelayUrl(' wss://r.example/x?token=t ')).toEqual({ url: 'wss://r.example/x?token=t' });
    expect(parseRelayUrl('http://r.example/relay')).toEqual({ error: 'a relay is reached over ws:// or wss://, not http://' });
    expect(parseRelayUrl('relay')).toHaveProperty('error');
  });

  it('remembers the Live switch per terminal', () => {
    const s = new MemoryStorage();
    expect(liveDefault(s, 'lab')).toBe(false);
    setLiveDefault(s, 'lab', true);
    expect(liveDefault(s, 'lab')).toBe(true);
    expect(liveDefault(s, 'other')).toBe(false);
  });
});

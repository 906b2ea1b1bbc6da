/**
 * Bridge-mode settings kept in the page's storage: which relay carries live connections, and
 * whether a terminal's /connect goes live by default (the lab's "Live" switch).
 */
import { DEFAULT_RELAY_URL } from '../../simulator/transports/bridge.ts';
import type { KeyValueStorage } from '../browser/page-storage.ts';

export { DEFAULT_RELAY_URL };

const RELAY_KEY = 'mailwire:relay-url';
const liveKey = (terminalId: string): string => `mailwire:live:${terminalId}`;

export function relayUrlOf(storage: KeyValueStorage): string {
  return storage.getItem(RELAY_KEY) || DEFAULT_RELAY_URL;
}

export function setRelayUrl(storage: KeyValueStorage, url: string): void {
  storage.setItem(RELAY_KEY, url);
}

/** A relay address as typed: a ws:// or wss:// URL (the path defaults to /relay); a string says what is wrong. */
export function parseRelayUrl(text: string): { url: string } | { error: string } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { error: `"${text}" is not a URL; a relay address looks like ${DEFAULT_RELAY_URL}` };
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return { error: `a relay is reached over ws:// or wss://, not ${url.protocol}//` };
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/relay';
  return { url: url.toString() };
}

export function liveDefault(storage: KeyValueStorage, terminalId: string): boolean {
  return storage.getItem(liveKey(terminalId)) === 'on';
}

export function setLiveDefault(storage: KeyValueStorage, terminalId: string, live: boolean): void {
  storage.setItem(liveKey(terminalId), live ? 'on' : 'off');
}

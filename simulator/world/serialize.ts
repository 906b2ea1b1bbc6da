/**
 * The whole World as a JSON-safe object and back, losslessly. Each part serialises and checks
 * itself beside its code: the mail store (store/serialize.ts), the hosts (host.ts), the DNS
 * records (dns.ts) and the outbound queue (queue.ts); this module adds the format and version
 * and puts them together. Message octets travel as base64 (RFC 4648), or as bytes where the
 * storage keeps binary data.
 *
 * The reader validates everything and never throws on bad input: a saved lab from an older build
 * or a hand-edited file gets `{ ok: false, error }` naming the first thing wrong and where.
 */
import { InvalidData, obj, type RawOctets, type ReadResult } from '../wire/json-read.ts';
import { readStore, serializeStore, type SerializedStore } from '../store/serialize.ts';
import { readDns, serializeDns, type DnsRecord } from './dns.ts';
import { readHosts, serializeHosts, type HostConfig } from './host.ts';
import { readQueue, serializeQueue, type SerializedQueuedMessage } from './queue.ts';
import type { World } from './world.ts';
import { encodeBase64 } from '../wire/base64.ts';

export type { RawOctets, ReadResult } from '../wire/json-read.ts';

export const WORLD_FORMAT = 'mailwire-world';
/** Bump when the shape changes; the reader refuses other versions with a clear message. */
export const WORLD_VERSION = 1;

/** The saved World; the key order here is the order in the JSON (fixtures/world-v1.json). */
export interface SerializedWorld<R extends RawOctets = string> {
  format: typeof WORLD_FORMAT;
  version: typeof WORLD_VERSION;
  store: SerializedStore<R>;
  hosts: HostConfig[];
  dns: DnsRecord[];
  queue: SerializedQueuedMessage<R>[];
}

export function serializeWorld(world: World): SerializedWorld {
  return serializeWorldWith(world, encodeBase64);
}

/** The world with message octets as bytes (copies), for a storage that keeps binary data. */
export function serializeWorldBytes(world: World): SerializedWorld<Uint8Array> {
  return serializeWorldWith(world, (raw) => raw.slice());
}

function serializeWorldWith<R extends RawOctets>(world: World, encode: (raw: Uint8Array) => R): SerializedWorld<R> {
  return {
    format: WORLD_FORMAT,
    version: WORLD_VERSION,
    store: serializeStore(world.store, encode),
    hosts: serializeHosts(world.hosts),
    dns: serializeDns(world.dns),
    queue: serializeQueue(world.queue, encode),
  };
}

export function worldToJson(world: World): string {
  return JSON.stringify(serializeWorld(world));
}

export function worldFromJson(text: string): ReadResult<World> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  return deserializeWorld(data);
}

/** Validates `data` and rebuilds the World it describes. */
export function deserializeWorld(data: unknown): ReadResult<World> {
  try {
    const root = obj(data, 'world');
    if (root.format !== WORLD_FORMAT) return { ok: false, error: `not a Mailwire world: "format" must be "${WORLD_FORMAT}"` };
    if (root.version !== WORLD_VERSION) {
      return { ok: false, error: `unsupported world version ${JSON.stringify(root.version)}: this build reads version ${WORLD_VERSION}` };
    }
    const store = readStore(root.store, 'store');
    const hosts = readHosts(root.hosts, 'hosts');
    const dns = readDns(root.dns, 'dns');
    const queue = readQueue(root.queue, 'queue');
    return { ok: true, value: { store, hosts, dns, queue } };
  } catch (e) {
    if (e instanceof InvalidData) return { ok: false, error: e.message };
    return { ok: false, error: `corrupted world data: ${e instanceof Error ? e.message : String(e)}` };
  }
}

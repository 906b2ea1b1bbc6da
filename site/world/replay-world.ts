/**
 * The start world a replay link carries (version 3): a session started on a world that is not
 * the default one (mail delivered in an earlier session, changed settings) replays the same only
 * from that world, so the link holds its JSON (simulator/world/serialize.ts), compressed with the
 * browser's CompressionStream('deflate-raw') (RFC 1951). A link too long to paste is not made:
 * the caller says so and offers the JSON export instead, never a link that replays something else.
 */
import { defaultWorld, type World } from '../../simulator/world/world.ts';
import { worldFromJson, worldToJson, type ReadResult } from '../../simulator/world/serialize.ts';
import { encodeReplay, type ReplayScript } from './replay.ts';

/** A link longer than this (256 KiB) is refused: chat, mail and some browsers cut such links. */
export const MAX_LINK_CHARS = 256 * 1024;
/** A carried world that inflates past this is refused (a small link must not fill the memory). */
const MAX_WORLD_BYTES = 64 * 1024 * 1024;

async function readAll(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | null> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function through(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): ReadableStream<Uint8Array> {
  return new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(transform) as ReadableStream<Uint8Array>;
}

/** The world's JSON, deflated (RFC 1951, no zlib header: the link has its own framing). */
export async function packWorld(json: string): Promise<Uint8Array> {
  return (await readAll(through(new TextEncoder().encode(json), new CompressionStream('deflate-raw')), Infinity))!;
}

/** The world a link carries, inflated and checked; a damaged one is refused with the reason. */
export async function unpackWorld(packed: Uint8Array): Promise<ReadResult<{ world: World; json: string }>> {
  let bytes: Uint8Array | null;
  try {
    bytes = await readAll(through(packed, new DecompressionStream('deflate-raw')), MAX_WORLD_BYTES);
  } catch {
    return { ok: false, error: 'the world it carries is damaged (it does not inflate; was the link cut short?)' };
  }
  if (!bytes) return { ok: false, error: `the world it carries inflates to more than ${MAX_WORLD_BYTES / 1024 / 1024} MiB` };
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: 'the world it carries is not UTF-8 text' };
  }
  const world = worldFromJson(json);
  if (!world.ok) return { ok: false, error: `the world it carries cannot be read: ${world.error}` };
  return { ok: true, value: { world: world.value, json } };
}

/** The link's fragment: the start world goes in only when it is not the default world at `startedAt`. */
export type LinkResult = { ok: true; hash: string } | { ok: false; reason: 'too-large'; chars: number };

export async function replayLink(script: ReplayScript, startWorld: string, startedAt: number): Promise<LinkResult> {
  const fresh = startWorld === worldToJson(defaultWorld(startedAt));
  const hash = encodeReplay(fresh ? script : { ...script, world: await packWorld(startWorld) });
  return hash.length > MAX_LINK_CHARS ? { ok: false, reason: 'too-large', chars: hash.length } : { ok: true, hash };
}

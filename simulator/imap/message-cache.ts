/**
 * Parsed MIME trees of stored messages, computed once per message. Keyed weakly by the stored
 * message, so an expunged message's tree goes when the message does.
 */
import { bodyStructure, envelope, parseMessage } from '../mime/index.ts';
import type { BodyStructure, Envelope, MimePart } from '../mime/types.ts';
import type { StoredMessage } from '../store/types.ts';

const trees = new WeakMap<StoredMessage, MimePart>();
const bodies = new WeakMap<StoredMessage, string>();

export function parsed(message: StoredMessage): MimePart {
  let tree = trees.get(message);
  if (!tree) {
    tree = parseMessage(message.raw);
    trees.set(message, tree);
  }
  return tree;
}

/** A slot for the lower-cased decoded body text SEARCH BODY/TEXT compares against. */
export function cachedBodyText(message: StoredMessage, compute: () => string): string {
  let text = bodies.get(message);
  if (text === undefined) {
    text = compute();
    bodies.set(message, text);
  }
  return text;
}

const envelopes = new WeakMap<StoredMessage, Envelope>();
const structures = new WeakMap<StoredMessage, BodyStructure>();

/** RFC 9051 §7.5.2 ENVELOPE data of a message (it never changes: stored messages are immutable). */
export function envelopeOf(message: StoredMessage): Envelope {
  let env = envelopes.get(message);
  if (!env) {
    env = envelope(parsed(message));
    envelopes.set(message, env);
  }
  return env;
}

export function structureOf(message: StoredMessage): BodyStructure {
  let body = structures.get(message);
  if (!body) {
    body = bodyStructure(parsed(message));
    structures.set(message, body);
  }
  return body;
}

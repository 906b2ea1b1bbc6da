/**
 * ENVELOPE, BODY and BODYSTRUCTURE in their wire form (RFC 9051 §7.5.2 and §9 `envelope`,
 * `body`). The data comes from the MIME layer; this file only spells it.
 */
import type { Address, BodyStructure, Disposition, Envelope, SinglePartFields } from '../../mime/types.ts';
import { list, nstring, plainQuoted, quote, type Piece, type StringOptions } from '../encode.ts';

/** RFC 9051 §9 envelope: date, subject, from, sender, reply-to, to, cc, bcc, in-reply-to, message-id. */
export function envelopePieces(env: Envelope, opts: StringOptions): Piece[] {
  const plain = plainEnvelope(env);
  if (plain !== null) return [plain];
  return list([
    nstring(env.date, opts),
    nstring(env.subject, opts),
    addresses(env.from, opts),
    addresses(env.sender, opts),
    addresses(env.replyTo, opts),
    addresses(env.to, opts),
    addresses(env.cc, opts),
    addresses(env.bcc, opts),
    nstring(env.inReplyTo, opts),
    nstring(env.messageId, opts),
  ]);
}

/**
 * The envelope as one string when every value in it is quoted as it is (plainQuoted), as in
 * nearly every message: the general path below makes some forty small arrays per envelope and
 * joins them (FETCH 1:* ENVELOPE of 10,000 not yet cached: about 4 µs a message of ~8).
 */
function plainEnvelope(env: Envelope): string | null {
  const parts = [
    plainNstring(env.date),
    plainNstring(env.subject),
    plainAddresses(env.from),
    plainAddresses(env.sender),
    plainAddresses(env.replyTo),
    plainAddresses(env.to),
    plainAddresses(env.cc),
    plainAddresses(env.bcc),
    plainNstring(env.inReplyTo),
    plainNstring(env.messageId),
  ];
  return parts.includes(null) ? null : `(${parts.join(' ')})`;
}

function plainNstring(value: string | null): string | null {
  return value === null ? 'NIL' : plainQuoted(value);
}

function plainAddresses(list: Address[] | null): string | null {
  if (!list || !list.length) return 'NIL';
  let out = '(';
  for (const a of list) {
    const name = plainNstring(a.name);
    const adl = plainNstring(a.adl);
    const mailbox = plainNstring(a.mailbox);
    const host = plainNstring(a.host);
    if (name === null || adl === null || mailbox === null || host === null) return null;
    out += `(${name} ${adl} ${mailbox} ${host})`;
  }
  return out + ')';
}

/** RFC 9051 §9 env-from etc.: "(" 1*address ")" / nil — addresses are not separated by SP. */
function addresses(list: Address[] | null, opts: StringOptions): Piece[] {
  if (!list || !list.length) return ['NIL'];
  const out: Piece[] = ['('];
  for (const a of list) {
    out.push('(', ...nstring(a.name, opts), ' ', ...nstring(a.adl, opts), ' ', ...nstring(a.mailbox, opts), ' ', ...nstring(a.host, opts), ')');
  }
  out.push(')');
  return out;
}

/**
 * RFC 9051 §9 body: `extensible` adds the extension data of BODYSTRUCTURE; without it this is
 * the non-extensible BODY form.
 */
export function bodyPieces(body: BodyStructure, extensible: boolean, opts: StringOptions): Piece[] {
  if (body.kind === 'multipart') {
    // body-type-mpart = 1*body SP media-subtype [SP body-ext-mpart]: no SP between the parts.
    const out: Piece[] = ['('];
    for (const part of body.parts) out.push(...bodyPieces(part, extensible, opts));
    out.push(' ', quote(body.subtype.toUpperCase()));
    if (extensible) {
      out.push(' ', ...params(body.params, opts), ' ', ...disposition(body.disposition, opts));
      out.push(' ', ...language(body.language, opts), ' ', ...nstring(body.location, opts));
    }
    out.push(')');
    return out;
  }
  const out: Piece[] = ['(', ...fields(body, opts)];
  if (body.kind === 'message') {
    out.push(' ', ...envelopePieces(body.envelope, opts), ' ', ...bodyPieces(body.body, extensible, opts), ` ${body.lines}`);
  } else if (body.kind === 'text') {
    out.push(` ${body.lines}`);
  }
  if (extensible) {
    // body-ext-1part = body-fld-md5 [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc]]]
    out.push(' ', ...nstring(body.md5, opts), ' ', ...disposition(body.disposition, opts));
    out.push(' ', ...language(body.language, opts), ' ', ...nstring(body.location, opts));
  }
  out.push(')');
  return out;
}

/** body-fields with the media type in front: type subtype params id desc encoding octets. */
function fields(f: SinglePartFields, opts: StringOptions): Piece[] {
  return [
    quote(f.type.toUpperCase()),
    ' ',
    quote(f.subtype.toUpperCase()),
    ' ',
    ...params(f.params, opts),
    ' ',
    ...nstring(f.id, opts),
    ' ',
    ...nstring(f.description, opts),
    ' ',
    quote(f.encoding.toUpperCase()),
    ` ${f.size}`,
  ];
}

/** body-fld-param = "(" string SP string *(SP string SP string) ")" / nil */
function params(p: Record<string, string>, opts: StringOptions): Piece[] {
  const entries = Object.entries(p);
  if (!entries.length) return ['NIL'];
  return list(entries.map(([k, v]) => [quote(k.toUpperCase()), ' ', ...nstring(v, opts)]));
}

/** body-fld-dsp = "(" string SP body-fld-param ")" / nil */
function disposition(d: Disposition | null, opts: StringOptions): Piece[] {
  if (!d) return ['NIL'];
  return ['(', quote(d.type.toUpperCase()), ' ', ...params(d.params, opts), ')'];
}

/** body-fld-lang = nstring / "(" string *(SP string) ")" */
function language(tags: string[] | null, opts: StringOptions): Piece[] {
  if (!tags || !tags.length) return ['NIL'];
  if (tags.length === 1) return nstring(tags[0]!, opts);
  return list(tags.map((t) => nstring(t, opts)));
}

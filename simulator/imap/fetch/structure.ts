/**
 * ENVELOPE, BODY and BODYSTRUCTURE in their wire form (RFC 9051 §7.5.2 and §9 `envelope`,
 * `body`). The data comes from the MIME layer; this file only spells it.
 */
import type { Address, BodyStructure, Disposition, Envelope, SinglePartFields } from '../../mime/types.ts';
import { list, nstring, pushNstring, quote, type Piece, type StringOptions } from '../encode.ts';

/** RFC 9051 §9 envelope: date, subject, from, sender, reply-to, to, cc, bcc, in-reply-to, message-id. */
export function envelopePieces(env: Envelope, opts: StringOptions): Piece[] {
  const out: Piece[] = ['('];
  pushNstring(out, env.date, opts);
  out.push(' ');
  pushNstring(out, env.subject, opts);
  for (const list of [env.from, env.sender, env.replyTo, env.to, env.cc, env.bcc]) {
    out.push(' ');
    pushAddresses(out, list, opts);
  }
  out.push(' ');
  pushNstring(out, env.inReplyTo, opts);
  out.push(' ');
  pushNstring(out, env.messageId, opts);
  out.push(')');
  return out;
}

/** RFC 9051 §9 env-from etc.: "(" 1*address ")" / nil — addresses are not separated by SP. */
function pushAddresses(out: Piece[], list: Address[] | null, opts: StringOptions): void {
  if (!list || !list.length) {
    out.push('NIL');
    return;
  }
  out.push('(');
  for (const a of list) {
    out.push('(');
    pushNstring(out, a.name, opts);
    out.push(' ');
    pushNstring(out, a.adl, opts);
    out.push(' ');
    pushNstring(out, a.mailbox, opts);
    out.push(' ');
    pushNstring(out, a.host, opts);
    out.push(')');
  }
  out.push(')');
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

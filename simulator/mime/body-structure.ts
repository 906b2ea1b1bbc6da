/** RFC 9051 §7.5.2 BODY / BODYSTRUCTURE data (§9 body-type-1part, body-type-mpart). */
import type { BodyStructure, MimePart, SinglePartFields } from './types.ts';
import { envelope } from './envelope.ts';

function singleFields(part: MimePart): SinglePartFields {
  return {
    type: part.type,
    subtype: part.subtype,
    params: part.params,
    id: part.id,
    description: part.description,
    encoding: part.encoding,
    size: part.size,
    md5: part.md5,
    disposition: part.disposition,
    language: part.language,
    location: part.location,
  };
}

/**
 * A multipart with no parts found (no boundary parameter, or the boundary never occurs) still
 * needs one: body-type-mpart is `1*body`. Like Dovecot, an empty text/plain stands in.
 */
const EMPTY_TEXT: BodyStructure = {
  kind: 'text', type: 'text', subtype: 'plain', params: { charset: 'us-ascii' }, id: null,
  description: null, encoding: '7bit', size: 0, lines: 0, md5: null, disposition: null,
  language: null, location: null,
};

/**
 * @rfc 9051#7.5.2 BODYSTRUCTURE: "computed by the server by parsing the [MIME-IMB] header
 * fields, defaulting various fields as necessary". BODY is the same without extension data.
 */
export function bodyStructure(part: MimePart): BodyStructure {
  if (part.type === 'multipart') {
    return {
      kind: 'multipart',
      parts: part.parts.length ? part.parts.map(bodyStructure) : [{ ...EMPTY_TEXT, params: { charset: 'us-ascii' } }],
      subtype: part.subtype,
      params: part.params,
      disposition: part.disposition,
      language: part.language,
      location: part.location,
    };
  }
  if (part.message) {
    return {
      kind: 'message',
      ...singleFields(part),
      envelope: envelope(part.message),
      body: bodyStructure(part.message),
      lines: part.lines,
    };
  }
  if (part.type === 'text') return { kind: 'text', ...singleFields(part), lines: part.lines };
  return { kind: 'basic', ...singleFields(part) };
}

/** The MIME layer's public API (see ./types.ts for the data model). */
export type {
  Address, BasicStructure, BodyStructure, Disposition, Envelope, HeaderField, MessageStructure, MimePart,
  MultipartStructure, SectionSpec, SinglePartFields, TextStructure,
} from './types.ts';
export { parseMessage } from './parse.ts';
export { envelope, envelopeOfHeader } from './envelope.ts';
export { bodyStructure } from './body-structure.ts';
export { parseAddressList } from './address.ts';
export {
  bodyBytes, findPart, headerBytes, headerFieldsBytes, messageBytes, mimeHeaderBytes, sectionBytes, textBytes,
} from './section.ts';
export { decodeEncodedWords } from './encoded-words.ts';
export { decodeBase64, decodeBody, decodeQuotedPrintable } from './transfer-encoding.ts';
export { decodeCharset } from './charset.ts';
export { parseDate, parseDateTime, sentDay, type DateTime } from './date.ts';
export { headerValues, searchableText } from './search-text.ts';

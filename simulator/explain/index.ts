/**
 * The explanations knowledge base (issue 6 "Seeing the state", issue 9 item 12): protocol tokens
 * explained in plain English with their RFC section, shared by the lab and the reference pages.
 */
export type { EntryKind, Explanation, LineContext, Protocol, RfcRef, RuleBreak, Side, Span, SpanKind } from './types.ts';
export { KNOWLEDGE, lookup, lookupAll } from './knowledge.ts';
export { explainLine, decodeAuthLine, type DecodedAuth } from './explain-line.ts';
export { referenceTable, searchReference, commandCards, type ReferenceRow, type CommandCard } from './reference.ts';
export { explainRuleBreak, commandVerb } from './rule-break.ts';
export { explainEnhanced } from './smtp-enhanced.ts';
export { citation, rfcUrl, readerUrl, rfcHref, LOCAL_RFCS } from './rfc.ts';
export { findCitations, quoteFragments } from './rfc-citations.ts';
export { bodyBlocks, findSection, flatten, parseRfc, type RfcDocument, sectionFlatText } from './rfc-text.ts';
export { ref } from './rfc.ts';
export { parseTranscript } from './transcript/parse.ts';
export { FORMAT_NAMES, type ParsedTranscript } from './transcript/types.ts';

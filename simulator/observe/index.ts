/**
 * Observation: what a client (or anyone watching the wire) can tell from the lines alone: where a
 * reply ends, which state the server is in, whether it agreed to STARTTLS. The terminal, the lab,
 * live mode and the virtual clients' readers all use these, so the rules are written once.
 */
export { dialogueState, protocolFromGreeting, type DialogueState } from './dialogue-state.ts';
export { isPayloadLine } from './payload.ts';
export { expectsReply, replyComplete, type Expectation } from './reply-end.ts';
export {
  imapCommandTag,
  imapContinuation,
  imapStatusLine,
  POP3_END,
  pop3Challenge,
  pop3CommandIsMultiLine,
  pop3MultiLine,
  pop3StatusLine,
  smtpReplyLine,
  type ImapStatus,
  type Pop3StatusLine,
  type SmtpReplyLine,
} from './reply-lines.ts';
export { StartTlsWatch, tlsAgreed, type StartTlsVerdict } from './starttls-watch.ts';

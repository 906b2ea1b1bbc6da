/**
 * An IMAP client's protocol errors as typed values, and the one place they become tagged BAD or
 * NO lines (go-imap `readCommand`). RFC 9051 §7.1.3: BAD "reports a protocol-level error in the
 * client's command"; §7.1.2: NO is the refusal of a command that was understood. Handlers and
 * the server return `protocolError(e)` effects (effects.ts); the server counts BADs in a row
 * toward the limit that ends the connection. The errors themselves are in protocol-error.ts, which
 * the effects and the command files refer to; this module reads the registry (the "allowed here"
 * list), so no command may import it.
 */
import type { ImapProtocolError } from './protocol-error.ts';
import { allowedCommands } from './registry.ts';
import { bad, Code, no, type TaggedResult } from './responses.ts';
import { stateName } from './state.ts';

export type { ImapProtocolError };

/** The tagged BAD or NO for a protocol error. */
export function errorResult(e: ImapProtocolError): TaggedResult {
  switch (e.kind) {
    case 'wrong-state':
      return bad(`${e.command} is not allowed in the ${stateName(e.state)}; allowed here: ${allowedCommands(e.state).join(' ')}`);
    case 'disabled':
      return bad(`${e.command} is switched off on this server`);
    case 'not-implemented':
      return bad(`${e.command} is not implemented by this server`);
    case 'syntax':
    case 'argument':
      return bad(e.message);
    case 'sasl-cancelled':
      // RFC 9051 §6.2.2 "it MUST reject the AUTHENTICATE command by sending a tagged BAD response".
      return bad('AUTHENTICATE cancelled');
    case 'sasl-not-base64':
      return bad('The response is not valid base64');
    case 'tls-active':
      return bad('TLS is already active on this connection');
    case 'idle-not-done':
      return bad(`Expected DONE to end IDLE, got "${e.line.slice(0, 40)}"`);
    case 'privacy-required':
      return no('Plaintext passwords are refused before TLS: send STARTTLS first, or use port 993', Code.PRIVACYREQUIRED);
    case 'too-big':
      return no(e.message, 'TOOBIG');
  }
}

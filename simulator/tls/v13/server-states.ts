/** RFC 8446 Appendix A.2: the server's handshake states (no PSK, no 0-RTT, no client certificates). */
import type { HandshakeTypeName } from './messages.ts';

export type ServerState = 'START' | 'WAIT_CH2' | 'WAIT_FINISHED' | 'CONNECTED';

/** Any message not listed for a state is answered with unexpected_message (RFC 8446 §6.2). */
export const SERVER_EXPECTS: Record<ServerState, Partial<Record<HandshakeTypeName, ServerState>>> = {
  START: { client_hello: 'WAIT_FINISHED' },
  WAIT_CH2: { client_hello: 'WAIT_FINISHED' },
  WAIT_FINISHED: { finished: 'CONNECTED' },
  CONNECTED: {},
};

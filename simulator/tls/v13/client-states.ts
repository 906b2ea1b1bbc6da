/** RFC 8446 Appendix A.1: the client's handshake states and which message each one accepts next. */
import type { HandshakeTypeName } from './messages.ts';

export type ClientState = 'START' | 'WAIT_SH' | 'WAIT_EE' | 'WAIT_CERT_CR' | 'WAIT_CERT' | 'WAIT_CV' | 'WAIT_FINISHED' | 'CONNECTED';

/** Any message not listed for a state is answered with unexpected_message (RFC 8446 §6.2). */
export const CLIENT_EXPECTS: Record<ClientState, Partial<Record<HandshakeTypeName, ClientState>>> = {
  START: {},
  WAIT_SH: { server_hello: 'WAIT_EE' },
  WAIT_EE: { encrypted_extensions: 'WAIT_CERT_CR' },
  WAIT_CERT_CR: { certificate_request: 'WAIT_CERT', certificate: 'WAIT_CV' },
  WAIT_CERT: { certificate: 'WAIT_CV' },
  WAIT_CV: { certificate_verify: 'WAIT_FINISHED' },
  WAIT_FINISHED: { finished: 'CONNECTED' },
  CONNECTED: {},
};

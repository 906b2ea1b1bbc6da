/**
 * The yes/no questions TLS can put to the learner, and the line saying where a live session's TLS
 * runs: in this page (the relay passes on ciphertext) or at the relay (it can read the session).
 */
import type { Transport } from '../../simulator/transport.ts';

/** A yes/no question waiting for the learner's next line, and what each answer says and does. */
export interface Question {
  /** "y (…) or n (…)", said again when the answer was neither. */
  choices: string;
  yes: string;
  no: string;
  answer: (yes: boolean) => void;
}

/** A certificate nobody vouches for: go on (y) or hang up (n), as a mail client's dialog asks. */
export function certificateQuestion(answer: (yes: boolean) => void): Question {
  return {
    choices: 'y (go on with this certificate) or n (close the connection)',
    yes: 'Going on with a certificate that is not trusted.',
    no: 'Not going on: closing the connection.',
    answer,
  };
}

/** A server without TLS 1.3: the relay could do TLS 1.2, and would then read the session. */
export function relayTlsQuestion(answer: (yes: boolean) => void): Question {
  return {
    choices: 'y (the relay does TLS and can read this session) or n (close the connection)',
    yes: 'The relay does TLS for this session, and can read it.',
    no: 'Keeping the relay out of this session.',
    answer,
  };
}

/** For a live connection: where its TLS runs (the bridge transport says, as `tlsAt`); null otherwise. */
export function tlsWhere(transport: Transport, live: boolean): string | null {
  if (!live) return null;
  const at = (transport as { tlsAt?: unknown }).tlsAt;
  if (at === 'page') return 'TLS runs in this page, end to end with the server: the relay passes on ciphertext only.';
  if (at === 'relay') return 'TLS runs at the relay: the relay decrypts this session and could read it.';
  return null;
}

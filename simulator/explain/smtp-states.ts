/**
 * The SMTP engine's states (simulator/smtp/state.ts) in plain words, with the RFC section that
 * defines each stage. RFC 5321 names no states; these are the stages of its §3.3 transaction.
 */
import { entries } from './entry.ts';
import { ref } from './rfc.ts';
import type { Explanation } from './types.ts';

const state = entries('smtp', 'state');

export const SMTP_STATES_EXPLAINED: readonly Explanation[] = [
  state(
    'connected',
    'Greeted, not introduced',
    'The server sent its 220 greeting; the client must say EHLO (or HELO) before any mail transaction.',
    ref(5321, '4.1.4'),
  ),
  state(
    'ready',
    'Ready for a transaction',
    'EHLO/HELO accepted and no transaction open: MAIL FROM starts one; AUTH and STARTTLS are possible here.',
    ref(5321, '4.1.1.1'),
  ),
  state('mail', 'Sender given', 'MAIL FROM was accepted: now name the recipients with RCPT TO.', ref(5321, '3.3')),
  state(
    'rcpt',
    'Recipients given',
    'At least one RCPT TO was accepted: add more recipients, or send the message with DATA (or BDAT).',
    ref(5321, '3.3'),
  ),
  state('data', 'Receiving the message', 'After 354 every line is message content, until a line holding only ".".', ref(5321, '4.1.1.4')),
  state('bdat', 'Between BDAT chunks', 'Some chunks of the message have arrived; the last one is marked BDAT n LAST.', ref(3030, '2')),
  ...(
    [
      ['connected', 'before EHLO'],
      ['ready', 'no transaction'],
      ['mail', 'sender given'],
      ['rcpt', 'recipients given'],
      ['bdat', 'between chunks'],
    ] as const
  ).map(([from, where]) =>
    state(
      `chunk-${from}`,
      `Reading a BDAT chunk (${where})`,
      `BDAT n was sent: the next n octets are message data, not commands, even if the server will refuse the chunk; then the server answers the BDAT and the session is back in “${from}”.`,
      ref(3030, '2'),
    ),
  ),
  state(
    'auth',
    'Authenticating',
    'An AUTH exchange is running: the server sends 334 challenges, the client answers with base64 lines.',
    ref(4954, '4'),
  ),
  state(
    'starttls',
    'Starting TLS',
    'The server said 220 to STARTTLS: the next bytes are the TLS handshake, after which the session starts over.',
    ref(3207, '4.2'),
  ),
  state('closed', 'Closed', 'The session is over: after QUIT (221), a 421, or a dropped connection.', ref(5321, '4.1.1.10')),
];

/** The "what the server did" column, in words, from a ports-probe row. */
import type { ProbeRow } from '../../../simulator/scenarios/ports-probe.ts';

export interface ProbeText {
  banner: string;
  tls: string;
  auth: string;
}

export function probeText(row: ProbeRow): ProbeText {
  if (row.status === 'refused') return { banner: `refused: ${row.error ?? 'nothing listens'}`, tls: '—', auth: '—' };
  const tls =
    row.tls === 'implicit'
      ? `yes, from the first byte${row.tlsWorks ? '' : ' (handshake failed)'}`
      : row.tls === 'starttls'
        ? row.tlsWorks ? 'yes, after STARTTLS' : 'STARTTLS offered, handshake failed'
        : 'no: STARTTLS not offered';
  const auth =
    row.authBeforeTls === null
      ? 'no plaintext phase'
      : row.authBeforeTls
        ? 'YES: a password may go in clear'
        : `no${row.authAfterTls.length ? ` (after TLS: ${row.authAfterTls.join(' ')})` : ''}`;
  return { banner: row.banner ?? '(no greeting)', tls, auth };
}

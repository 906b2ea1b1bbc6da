/**
 * The TLS 1.3 key schedule (RFC 8446 §7.1) as a learner reads it, from a connection's key log
 * (SSLKEYLOGFILE lines, the NSS format Wireshark reads): each secret with its RFC name, how it is
 * derived, and what it protects. Pure text; no cryptography, so the wire view can show it without
 * loading the TLS code.
 */

export interface ScheduleSecret {
  /** The key log label: CLIENT_HANDSHAKE_TRAFFIC_SECRET … */
  label: string;
  /** RFC 8446 §7.1's name: client_handshake_traffic_secret … */
  name: string;
  /** How §7.1 derives it. */
  derivation: string;
  /** What it protects, in a sentence. */
  protects: string;
  /** The ClientHello random (hex) the line belongs to: how Wireshark finds the connection. */
  clientRandom: string;
  /** The secret itself, hex. */
  secret: string;
}

/** RFC 8446 §7.1 (Derive-Secret over the transcript named), §7.3 (keys and IVs from each traffic secret), §7.5 (exporters). */
const SECRETS: Record<string, Omit<ScheduleSecret, 'label' | 'clientRandom' | 'secret'>> = {
  CLIENT_HANDSHAKE_TRAFFIC_SECRET: {
    name: 'client_handshake_traffic_secret',
    derivation: 'Derive-Secret(Handshake Secret, "c hs traffic", ClientHello…ServerHello)',
    protects: "the client's own handshake records: its Finished (and a Certificate, if the server asks for one).",
  },
  SERVER_HANDSHAKE_TRAFFIC_SECRET: {
    name: 'server_handshake_traffic_secret',
    derivation: 'Derive-Secret(Handshake Secret, "s hs traffic", ClientHello…ServerHello)',
    protects: "the server's encrypted handshake: EncryptedExtensions, Certificate, CertificateVerify and Finished. An observer never sees the certificate.",
  },
  CLIENT_TRAFFIC_SECRET_0: {
    name: 'client_application_traffic_secret_0',
    derivation: 'Derive-Secret(Master Secret, "c ap traffic", ClientHello…server Finished)',
    protects: 'everything the client sends after the handshake: your commands, user name and password, the mail you submit.',
  },
  SERVER_TRAFFIC_SECRET_0: {
    name: 'server_application_traffic_secret_0',
    derivation: 'Derive-Secret(Master Secret, "s ap traffic", ClientHello…server Finished)',
    protects: "everything the server sends after the handshake: its replies, the mailbox listing, the messages you fetch.",
  },
  EXPORTER_SECRET: {
    name: 'exporter_master_secret',
    derivation: 'Derive-Secret(Master Secret, "exp master", ClientHello…server Finished)',
    protects: 'no record: it is for keys other protocols export from this connection (§7.5); mail does not use it.',
  },
};

/** The secrets of `lines` in key log order; lines of other labels are left out. */
export function keySchedule(lines: readonly string[]): ScheduleSecret[] {
  const out: ScheduleSecret[] = [];
  for (const line of lines) {
    const [label = '', clientRandom = '', secret = ''] = line.split(' ');
    const known = SECRETS[label];
    if (known && /^[0-9a-f]{64}$/i.test(clientRandom) && /^[0-9a-f]+$/i.test(secret)) out.push({ label, clientRandom, secret, ...known });
  }
  return out;
}

/** What every traffic secret becomes, in one sentence (RFC 8446 §7.3). */
export const TRAFFIC_KEYS = 'Each traffic secret gives a key and an IV by HKDF-Expand-Label(secret, "key" / "iv"): the AEAD key that seals the records, and the IV that, XORed with the record number, is each record\'s nonce (§5.3).';

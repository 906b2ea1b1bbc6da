/**
 * The virtual network's public-key infrastructure: one virtual CA per network ("Mailwire Virtual
 * CA", which every virtual client trusts) and a certificate for each virtual host, named for it
 * (RFC 7817 §3: the client matches the name it typed against the subjectAltNames). They are real
 * X.509 v3 certificates in DER (../tls/v13/ca.ts), signed with ECDSA P-256. Keys are made lazily,
 * once per network, and never serialised with the world. Each identity's keys come from its own
 * stream (the network's PKI seed and the identity's name), so they do not depend on which host a
 * learner happened to reach first.
 *
 * The impostors an attack scenario needs live here too: a certificate for the right name from
 * "Eve Interception CA" (which no virtual client trusts), and a certificate from the trusted CA
 * for another name.
 */
import { seededRandom, type RandomSource } from '../random.ts';
import { generateSigningKey, issueCertificate } from '../tls/v13/ca.ts';
import type { PrivateKey } from '../tls/v13/signatures.ts';
import { concatBytes, utf8Bytes } from '../wire/bytes.ts';

/** The common names of the two authorities; certificates show them as "CN=…". */
export const VIRTUAL_CA_NAME = 'Mailwire Virtual CA';
export const EVE_CA_NAME = 'Eve Interception CA';
/** The name the "wrong name" impostor certificate is for. */
export const WRONG_NAME = 'mail.evil.test';

const DAY = 86_400_000;

/** Which certificate the server end of a connection presents. */
export type ServerIdentityKind = 'genuine' | 'untrusted-ca' | 'wrong-name';

/** What a TLS server end needs: its chain (end-entity first, DER) and the key of the first. */
export interface ServerIdentity {
  chain: Uint8Array[];
  key: PrivateKey;
}

interface Authority {
  subject: string;
  key: PrivateKey;
  der: Uint8Array;
}

export class VirtualPki {
  private ca: Authority | null = null;
  private eve: Authority | null = null;
  private readonly issued = new Map<string, ServerIdentity>();

  /** `seed` is the network's PKI seed; `now` dates the certificates the first time they are made (valid from a day before). */
  constructor(
    private readonly seed: Uint8Array,
    private readonly now: () => number,
  ) {}

  /** The stream one identity's key pair and serial come from. */
  private randomFor(name: string): RandomSource {
    return seededRandom(concatBytes([this.seed, utf8Bytes(name)]));
  }

  /** The CA certificates (DER) a virtual client trusts. */
  roots(): Uint8Array[] {
    return [this.virtualCa().der];
  }

  /** The identity the server end presents for `hostName`. */
  identity(hostName: string, kind: ServerIdentityKind = 'genuine'): ServerIdentity {
    const key = `${kind}:${hostName}`;
    let identity = this.issued.get(key);
    if (!identity) {
      identity = this.issue(hostName, kind);
      this.issued.set(key, identity);
    }
    return identity;
  }

  private issue(hostName: string, kind: ServerIdentityKind): ServerIdentity {
    const issuer = kind === 'untrusted-ca' ? this.eveCa() : this.virtualCa();
    const name = kind === 'wrong-name' ? WRONG_NAME : hostName;
    const random = this.randomFor(`${kind}:${hostName}`);
    const key = generateSigningKey('P-256', random);
    const from = this.now() - DAY;
    // CA/Browser Forum baseline: at most 398 days for a server certificate.
    const der = issueCertificate({ subject: name, key, issuer, serial: random.bytes(16), notBefore: from, notAfter: from + 398 * DAY, dnsNames: [name] });
    return { chain: [der], key };
  }

  private virtualCa(): Authority {
    this.ca ??= this.authority(VIRTUAL_CA_NAME, 'ca:virtual');
    return this.ca;
  }

  private eveCa(): Authority {
    this.eve ??= this.authority(EVE_CA_NAME, 'ca:eve');
    return this.eve;
  }

  private authority(subject: string, stream: string): Authority {
    const random = this.randomFor(stream);
    const key = generateSigningKey('P-256', random);
    const der = issueCertificate({ subject, key, serial: random.bytes(16), notBefore: this.now() - DAY, notAfter: this.now() + 3650 * DAY, ca: { pathLength: 0 } });
    return { subject, key, der };
  }
}

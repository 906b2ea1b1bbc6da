/**
 * The virtual network's public-key infrastructure: one virtual CA per network ("Mailwire Virtual
 * CA", which every virtual client trusts) and a certificate for each virtual host, named for it
 * (RFC 7817 §3: the client matches the name it typed against the subjectAltNames). Keys are made
 * lazily, once per network, and never serialised with the world. Each identity's keys come from
 * its own stream (the network's PKI seed and the identity's name), so they do not depend on which
 * host a learner happened to reach first.
 *
 * The impostors an attack scenario needs live here too: a certificate for the right name from
 * "Eve Interception CA" (which no virtual client trusts), and a certificate from the trusted CA
 * for another name.
 */
import { seededRandom, type RandomSource } from '../random.ts';
import { issueCertificate, type Certificate, type Identity } from '../tls/certificate.ts';
import { concatBytes, utf8Bytes } from '../wire/bytes.ts';

export const VIRTUAL_CA_NAME = 'CN=Mailwire Virtual CA';
export const EVE_CA_NAME = 'CN=Eve Interception CA';
/** The name the "wrong name" impostor certificate is for. */
export const WRONG_NAME = 'mail.evil.test';

const DAY = 86_400_000;

/** Which certificate the server end of a connection presents. */
export type ServerIdentityKind = 'genuine' | 'untrusted-ca' | 'wrong-name';

export class VirtualPki {
  private ca: Promise<Identity> | null = null;
  private eve: Promise<Identity> | null = null;
  private readonly issued = new Map<string, Promise<Identity>>();

  /** `now` dates the certificates the first time they are made (valid from a day before). */
  private readonly seed: Uint8Array;

  constructor(
    private readonly now: () => number,
    random: RandomSource,
  ) {
    this.seed = random.bytes(32);
  }

  /** The stream one identity's key pair and serial come from. */
  private randomFor(name: string): RandomSource {
    return seededRandom(concatBytes([this.seed, utf8Bytes(name)]));
  }

  /** The CA certificates a virtual client trusts. */
  async trusted(): Promise<Certificate[]> {
    return [(await this.virtualCa()).certificate];
  }

  /** The identity the server end presents for `hostName`. */
  identity(hostName: string, kind: ServerIdentityKind = 'genuine'): Promise<Identity> {
    const key = `${kind}:${hostName}`;
    let identity = this.issued.get(key);
    if (!identity) {
      identity = this.issue(hostName, kind);
      this.issued.set(key, identity);
    }
    return identity;
  }

  private async issue(hostName: string, kind: ServerIdentityKind): Promise<Identity> {
    const issuer = kind === 'untrusted-ca' ? await this.eveCa() : await this.virtualCa();
    const name = kind === 'wrong-name' ? WRONG_NAME : hostName;
    const from = this.now() - DAY;
    return issueCertificate({ subject: `CN=${name}`, subjectAltNames: [name], validFrom: from, validTo: from + 398 * DAY, issuer, random: this.randomFor(`${kind}:${hostName}`) });
  }

  private virtualCa(): Promise<Identity> {
    this.ca ??= issueCertificate({ subject: VIRTUAL_CA_NAME, isCA: true, validFrom: this.now() - DAY, validTo: this.now() + 3650 * DAY, random: this.randomFor('ca:virtual') });
    return this.ca;
  }

  private eveCa(): Promise<Identity> {
    this.eve ??= issueCertificate({ subject: EVE_CA_NAME, isCA: true, validFrom: this.now() - DAY, validTo: this.now() + 3650 * DAY, random: this.randomFor('ca:eve') });
    return this.eve;
  }
}

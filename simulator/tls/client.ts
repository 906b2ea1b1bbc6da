/** The client side of the virtual network's TLS 1.3-shaped handshake (RFC 8446 §2, Figure 1). */
import { decodeCertificate, verifyCertificate, type Certificate, type Verification } from './certificate.ts';
import type { RandomSource } from '../random.ts';
import { ecdhKeyPair, ecdhSharedSecret, ecdsaVerify, type EcdhKeyPair } from './p256.ts';
import { applicationSecrets, finishedMac, handshakeSecrets, Transcript } from './key-schedule.ts';
import {
  certificateVerifyContent,
  decodeCertificateMessage,
  decodeCertificateVerify,
  decodeServerHello,
  encodeClientHello,
  handshake,
  HandshakeType,
  type HandshakeMessage,
} from './messages.ts';
import { TrafficProtection } from './record.ts';
import { TlsAlert, TlsSession, type TlsOutput } from './session.ts';
import { handshakeDone } from './summary.ts';
import { bytesEqual } from '../wire/bytes.ts';

/** What the client does with a certificate that fails verification: refuse, or warn and go on. */
export type CertificatePolicy = 'strict' | 'warn';

export interface TlsClientOptions {
  /** The host the user typed: sent as SNI and matched against the certificate (RFC 7817 §3). */
  serverName: string;
  trusted: readonly Certificate[];
  now: number;
  policy: CertificatePolicy;
  /** RFC 6066 §3: "Literal IPv4 and IPv6 addresses are not permitted in HostName": false leaves SNI out. */
  sendServerName?: boolean;
  /** The key share and the ClientHello's random (RFC 8446 §4.1.2) come from here. */
  random: RandomSource;
}

type Expecting = 'server-hello' | 'encrypted-extensions' | 'certificate' | 'certificate-verify' | 'finished' | 'done';

const CERT_ALERTS: Record<string, number> = { UNKNOWN_CA: 48, BAD_SIGNATURE: 42, EXPIRED: 45, NOT_YET_VALID: 45, NAME_MISMATCH: 42 };

export class TlsClient extends TlsSession {
  private readonly transcript = new Transcript();
  private keys: EcdhKeyPair | null = null;
  private expecting: Expecting = 'server-hello';
  private secrets: { client: Uint8Array; server: Uint8Array; handshakeSecret: Uint8Array } | null = null;
  private certificate: Certificate | null = null;
  private verification: Verification | null = null;

  constructor(private readonly options: TlsClientOptions) {
    super();
  }

  /** The ClientHello that opens the handshake. */
  start(): Promise<TlsOutput[]> {
    return this.serial(async (out) => {
      this.keys = await ecdhKeyPair(this.options.random);
      const serverName = this.options.sendServerName === false ? null : this.options.serverName;
      const hello = encodeClientHello({ random: this.options.random.bytes(32), serverName, keyShare: this.keys.publicKey });
      this.transcript.add(hello);
      this.state = 'handshake';
      await this.sendHandshake(out, hello);
    });
  }

  protected async onHandshake(message: HandshakeMessage, out: TlsOutput[]): Promise<void> {
    const expected: Record<Expecting, number> = {
      'server-hello': HandshakeType.serverHello,
      'encrypted-extensions': HandshakeType.encryptedExtensions,
      certificate: HandshakeType.certificate,
      'certificate-verify': HandshakeType.certificateVerify,
      finished: HandshakeType.finished,
      done: -1,
    };
    if (message.type !== expected[this.expecting]) throw new TlsAlert(10, `unexpected handshake message ${message.type} while expecting ${this.expecting}`);
    switch (this.expecting) {
      case 'server-hello':
        return this.onServerHello(message);
      case 'encrypted-extensions':
        this.transcript.add(message.raw);
        this.expecting = 'certificate';
        return;
      case 'certificate':
        return this.onCertificate(message);
      case 'certificate-verify':
        return this.onCertificateVerify(message);
      case 'finished':
        return this.onFinished(message, out);
    }
  }

  private async onServerHello(message: HandshakeMessage): Promise<void> {
    const hello = decodeServerHello(message.body);
    this.transcript.add(message.raw);
    const shared = await ecdhSharedSecret(this.keys!.privateKey, hello.keyShare).catch(() => {
      throw new TlsAlert(47, 'the server key share is not a valid P-256 point');
    });
    this.secrets = await handshakeSecrets(shared, await this.transcript.hash());
    this.readProtection = await TrafficProtection.fromSecret(this.secrets.server);
    this.writeProtection = await TrafficProtection.fromSecret(this.secrets.client);
    this.expecting = 'encrypted-extensions';
  }

  private async onCertificate(message: HandshakeMessage): Promise<void> {
    const chain = decodeCertificateMessage(message.body);
    this.certificate = decodeCertificate(chain[0]!);
    this.transcript.add(message.raw);
    this.verification = await verifyCertificate(this.certificate, this.options.trusted, this.options.serverName, this.options.now);
    if (!this.verification.authorized && this.options.policy === 'strict') {
      throw new TlsAlert(CERT_ALERTS[this.verification.error!] ?? 42, this.verification.reason ?? 'certificate refused');
    }
    this.expecting = 'certificate-verify';
  }

  /** RFC 8446 §4.4.3: the server proves it holds the certificate's private key. */
  private async onCertificateVerify(message: HandshakeMessage): Promise<void> {
    const signature = decodeCertificateVerify(message.body);
    const content = certificateVerifyContent(await this.transcript.hash());
    if (!(await ecdsaVerify(this.certificate!.publicKey, signature, content))) {
      throw new TlsAlert(51, 'the server could not prove it holds the private key of its certificate');
    }
    this.transcript.add(message.raw);
    this.expecting = 'finished';
  }

  private async onFinished(message: HandshakeMessage, out: TlsOutput[]): Promise<void> {
    const expected = await finishedMac(this.secrets!.server, await this.transcript.hash());
    if (!bytesEqual(expected, message.body)) throw new TlsAlert(51, 'server Finished does not match the handshake: it was tampered with');
    this.transcript.add(message.raw);
    const app = await applicationSecrets(this.secrets!.handshakeSecret, await this.transcript.hash());
    const mine = await finishedMac(this.secrets!.client, await this.transcript.hash());
    await this.sendHandshake(out, handshake(HandshakeType.finished, mine));
    this.readProtection = await TrafficProtection.fromSecret(app.server);
    this.writeProtection = await TrafficProtection.fromSecret(app.client);
    this.expecting = 'done';
    this.state = 'connected';
    out.push(await handshakeDone(this.options.serverName, this.certificate!, this.verification));
  }
}

/** The server side of the virtual network's TLS 1.3-shaped handshake (RFC 8446 §2, Figure 1). */
import { encodeCertificate, type Identity } from './certificate.ts';
import type { RandomSource } from '../random.ts';
import { ecdhKeyPair, ecdhSharedSecret, ecdsaSign } from './p256.ts';
import { applicationSecrets, finishedMac, handshakeSecrets, Transcript } from './key-schedule.ts';
import {
  certificateVerifyContent,
  decodeClientHello,
  encodeCertificateMessage,
  encodeCertificateVerify,
  encodeServerHello,
  handshake,
  HandshakeType,
  type HandshakeMessage,
} from './messages.ts';
import { TrafficProtection } from './record.ts';
import { TlsAlert, TlsSession, type TlsOutput } from './session.ts';
import { handshakeDone } from './summary.ts';
import { bytesEqual } from '../wire/bytes.ts';

export class TlsServer extends TlsSession {
  private readonly transcript = new Transcript();
  private clientSecret: Uint8Array | null = null;
  private appClientSecret: Uint8Array | null = null;
  private expectedClientFinished: Uint8Array | null = null;
  serverName: string | null = null;

  /** `random` gives the key share and the ServerHello's random (RFC 8446 §4.1.3). */
  constructor(
    private readonly identity: Identity,
    private readonly random: RandomSource,
  ) {
    super();
    this.state = 'handshake';
  }

  protected async onHandshake(message: HandshakeMessage, out: TlsOutput[]): Promise<void> {
    if (message.type === HandshakeType.clientHello && !this.clientSecret) return this.onClientHello(message, out);
    if (message.type === HandshakeType.finished && this.expectedClientFinished) return this.onClientFinished(message, out);
    throw new TlsAlert(10, `unexpected handshake message ${message.type}`);
  }

  private async onClientHello(message: HandshakeMessage, out: TlsOutput[]): Promise<void> {
    const hello = decodeClientHello(message.body);
    this.serverName = hello.serverName;
    this.transcript.add(message.raw);
    const keys = await ecdhKeyPair(this.random);
    const shared = await ecdhSharedSecret(keys.privateKey, hello.keyShare).catch(() => {
      throw new TlsAlert(47, 'the client key share is not a valid P-256 point');
    });
    const serverHello = encodeServerHello({ random: this.random.bytes(32), keyShare: keys.publicKey });
    this.transcript.add(serverHello);
    await this.sendHandshake(out, serverHello);

    const secrets = await handshakeSecrets(shared, await this.transcript.hash());
    this.clientSecret = secrets.client;
    this.writeProtection = await TrafficProtection.fromSecret(secrets.server);
    this.readProtection = await TrafficProtection.fromSecret(secrets.client);

    const flight = [handshake(HandshakeType.encryptedExtensions, Uint8Array.of(0, 0)), encodeCertificateMessage(encodeCertificate(this.identity.certificate))];
    for (const m of flight) {
      this.transcript.add(m);
      await this.sendHandshake(out, m);
    }
    const signature = await ecdsaSign(this.identity.keys.privateKey, certificateVerifyContent(await this.transcript.hash()));
    const verify = encodeCertificateVerify(signature);
    this.transcript.add(verify);
    await this.sendHandshake(out, verify);
    const finished = handshake(HandshakeType.finished, await finishedMac(secrets.server, await this.transcript.hash()));
    this.transcript.add(finished);
    await this.sendHandshake(out, finished);

    // RFC 8446 §4.4.4: the client's Finished covers the transcript through the server's Finished.
    const app = await applicationSecrets(secrets.handshakeSecret, await this.transcript.hash());
    this.expectedClientFinished = await finishedMac(this.clientSecret, await this.transcript.hash());
    this.appClientSecret = app.client;
    this.writeProtection = await TrafficProtection.fromSecret(app.server);
  }

  private async onClientFinished(message: HandshakeMessage, out: TlsOutput[]): Promise<void> {
    if (!bytesEqual(message.body, this.expectedClientFinished!)) throw new TlsAlert(51, 'client Finished does not match the handshake');
    this.readProtection = await TrafficProtection.fromSecret(this.appClientSecret!);
    this.expectedClientFinished = null;
    this.state = 'connected';
    out.push(await handshakeDone(this.serverName, this.identity.certificate, null));
  }
}

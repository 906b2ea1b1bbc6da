/**
 * The TLS 1.3 server handshake (RFC 8446 §2, Appendix A.2): (EC)DHE with a certificate, a
 * HelloRetryRequest when the client's key share is not for the group we prefer, SNI recorded.
 */
import type { RandomSource } from '../../random.ts';
import { bytesEqual } from '../../wire/bytes.ts';
import { TlsAlert } from './alerts.ts';
import { Connection } from './connection.ts';
import * as ext from './extensions.ts';
import { generateKeyShare, GROUP_IDS, sharedSecret, type GroupName } from './groups.ts';
import { finishedVerifyData, KeySchedule, type HandshakeSecrets, type ApplicationSecrets } from './key-schedule.ts';
import * as msg from './messages.ts';
import { CONTENT } from './record-layer.ts';
import { SERVER_EXPECTS, type ServerState } from './server-states.ts';
import { certificateVerifyContent, SCHEMES, schemeFor, sign, type PrivateKey } from './signatures.ts';
import { SUITES, suiteByName, type CipherSuite, type SuiteName } from './suites.ts';
import { Transcript } from './transcript.ts';

export interface ServerConfig {
  /** End-entity first, DER; the key of the first. */
  chain: readonly Uint8Array[];
  key: PrivateKey;
  random: RandomSource;
  /** In our preference order. */
  suites?: readonly SuiteName[];
  /** In our preference order: a client without a share for the first group it supports gets a HelloRetryRequest. */
  groups?: readonly GroupName[];
}

export class TlsServer extends Connection {
  protected readonly isClient = false;
  state: ServerState = 'START';
  /** The SNI host name the client asked for (RFC 6066 §3), if any. */
  serverName: string | undefined;
  private readonly transcript = new Transcript();
  private hrrGroup: GroupName | undefined;
  private firstHello: msg.ClientHello | undefined;
  private secrets: HandshakeSecrets | undefined;
  private app: ApplicationSecrets | undefined;
  private group: GroupName | undefined;
  private sentChangeCipherSpec = false;

  constructor(private readonly config: ServerConfig) {
    super(config.random);
  }

  protected onHandshake(m: msg.HandshakeMessage): void {
    const name = msg.handshakeName(m.type);
    if (!SERVER_EXPECTS[this.state][name as msg.HandshakeTypeName]) throw new TlsAlert('unexpected_message', `${name} in state ${this.state}`);
    this.event({ kind: 'handshake-message', direction: 'received', name, bytes: m.raw });
    if (m.type === msg.HS.client_hello) this.onClientHello(m);
    else this.onFinished(m);
  }

  private onClientHello(m: msg.HandshakeMessage): void {
    const ch = msg.decodeClientHello(m.body);
    const find = (type: number) => ext.findExtension(ch.extensions, type);
    const versions = find(ext.EXT.supported_versions);
    // RFC 8446 §4.2.1: a ClientHello without 0x0304 in supported_versions is not TLS 1.3.
    if (!versions || !ext.readU16List(versions, 1).includes(0x0304)) throw new TlsAlert('protocol_version', 'the client does not offer TLS 1.3');
    const suite = this.chooseSuite(ch);
    if (this.firstHello) this.checkSecondHello(ch, suite);
    const sigAlgs = find(ext.EXT.signature_algorithms);
    const groupsExt = find(ext.EXT.supported_groups);
    const sharesExt = find(ext.EXT.key_share);
    // RFC 8446 §9.2: a certificate-based handshake needs signature_algorithms, supported_groups and key_share.
    if (!sigAlgs || !groupsExt || !sharesExt) throw new TlsAlert('missing_extension', 'ClientHello lacks signature_algorithms, supported_groups or key_share');
    const scheme = schemeFor(this.config.key);
    if (!ext.readU16List(sigAlgs).includes(SCHEMES[scheme])) throw new TlsAlert('handshake_failure', `the client does not accept ${scheme}`);
    const sni = find(ext.EXT.server_name);
    if (sni) this.serverName = ext.readServerName(sni);
    const offered = ext.readU16List(groupsExt);
    const shares = ext.readClientKeyShares(sharesExt);
    // RFC 8446 §4.2.8: "Each KeyShareEntry value MUST correspond to a group offered in the "supported_groups" extension"
    if (shares.some((s) => !offered.includes(s.group))) throw new TlsAlert('illegal_parameter', 'a key share for a group not in supported_groups');
    const group = (this.config.groups ?? ['x25519', 'secp256r1']).find((g) => offered.includes(GROUP_IDS[g]));
    if (!group) throw new TlsAlert('handshake_failure', 'no group in common');
    const share = shares.find((s) => s.group === GROUP_IDS[group]);
    this.suite = suite;
    if (!share) {
      // RFC 8446 §4.1.4: after a HelloRetryRequest the new ClientHello must carry the requested share.
      if (this.firstHello) throw new TlsAlert('illegal_parameter', 'the second ClientHello has no share for the requested group');
      this.firstHello = ch;
      this.hrrGroup = group;
      this.transcript.add(m.raw);
      return this.sendHelloRetryRequest(ch, suite, group);
    }
    this.transcript.add(m.raw);
    this.respond(ch, suite, group, share.keyExchange);
  }

  /** RFC 8446 §4.1.1: the server picks the suite, in its own order of preference. */
  private chooseSuite(ch: msg.ClientHello): CipherSuite {
    const mine = (this.config.suites ?? SUITES.map((s) => s.name)).map(suiteByName);
    const suite = mine.find((s) => ch.cipherSuites.includes(s.id));
    if (!suite) throw new TlsAlert('handshake_failure', 'no cipher suite in common');
    return suite;
  }

  /** RFC 8446 §4.1.2: ClientHello2 repeats ClientHello1 apart from key_share, cookie and padding. */
  private checkSecondHello(ch: msg.ClientHello, suite: CipherSuite): void {
    const first = this.firstHello!;
    if (!bytesEqual(ch.random, first.random) || !bytesEqual(ch.legacySessionId, first.legacySessionId) || suite !== this.suite) {
      throw new TlsAlert('illegal_parameter', 'the second ClientHello changed more than its key share');
    }
    const shares = ext.readClientKeyShares(ext.findExtension(ch.extensions, ext.EXT.key_share) ?? new Uint8Array([0, 0]));
    // RFC 8446 §4.2.8: after HRR the client replaces its shares "with a list containing a single KeyShareEntry from the indicated group".
    if (shares.length !== 1 || shares[0]!.group !== GROUP_IDS[this.hrrGroup!]) throw new TlsAlert('illegal_parameter', 'ClientHello2 must carry one share, for the group we asked for');
  }

  private sendHelloRetryRequest(ch: msg.ClientHello, suite: CipherSuite, group: GroupName): void {
    const hrr = msg.encodeServerHello({
      random: msg.HRR_RANDOM,
      legacySessionIdEcho: ch.legacySessionId,
      cipherSuite: suite.id,
      extensions: [
        { type: ext.EXT.supported_versions, data: Uint8Array.of(0x03, 0x04) },
        { type: ext.EXT.key_share, data: Uint8Array.of(GROUP_IDS[group] >> 8, GROUP_IDS[group] & 0xff) },
      ],
    });
    this.transcript.replaceFirstWithMessageHash(suite.hash);
    this.transcript.add(hrr);
    this.event({ kind: 'hello-retry', group });
    this.event({ kind: 'handshake-message', direction: 'sent', name: 'hello_retry_request', bytes: hrr });
    this.emitRecord(CONTENT.handshake, hrr);
    this.compatibilityChangeCipherSpec(ch);
    this.state = 'WAIT_CH2';
  }

  /** RFC 8446 Appendix D.4: a client that sent a legacy session id expects a dummy change_cipher_spec after our first flight message. */
  private compatibilityChangeCipherSpec(ch: msg.ClientHello): void {
    if (ch.legacySessionId.length === 0 || this.sentChangeCipherSpec) return;
    this.sentChangeCipherSpec = true;
    this.emitRecord(CONTENT.change_cipher_spec, Uint8Array.of(1));
  }

  /** ServerHello, then under handshake keys EncryptedExtensions, Certificate, CertificateVerify, Finished. */
  private respond(ch: msg.ClientHello, suite: CipherSuite, group: GroupName, peerShare: Uint8Array): void {
    const mine = generateKeyShare(group, this.random);
    const z = sharedSecret(mine, peerShare);
    const sh = msg.encodeServerHello({
      random: this.random.bytes(32),
      legacySessionIdEcho: ch.legacySessionId,
      cipherSuite: suite.id,
      // key_share before supported_versions, the order of RFC 8448's traces.
      extensions: [
        { type: ext.EXT.key_share, data: ext.serverKeyShare({ group: GROUP_IDS[group], keyExchange: mine.publicKey }) },
        { type: ext.EXT.supported_versions, data: Uint8Array.of(0x03, 0x04) },
      ],
    });
    this.send(sh, 'server_hello');
    this.compatibilityChangeCipherSpec(ch);
    const schedule = new KeySchedule(suite);
    this.secrets = schedule.handshake(z, this.transcript.hash(suite.hash));
    this.setWriteSecret(suite, this.secrets.serverHandshakeTrafficSecret);
    this.setReadSecret(suite, this.secrets.clientHandshakeTrafficSecret);
    // RFC 6066 §3: a server that used the name "SHALL include an extension of type "server_name" ... The "extension_data" field of this extension SHALL be empty."
    this.send(msg.encodeEncryptedExtensions(this.serverName ? [{ type: ext.EXT.server_name, data: new Uint8Array(0) }] : []), 'encrypted_extensions');
    this.send(msg.encodeCertificate({ context: new Uint8Array(0), chain: [...this.config.chain] }), 'certificate');
    const scheme = schemeFor(this.config.key);
    const signature = sign(this.config.key, certificateVerifyContent('server', this.transcript.hash(suite.hash)));
    this.send(msg.encodeCertificateVerify({ scheme: SCHEMES[scheme], signature }), 'certificate_verify');
    const verifyData = finishedVerifyData(suite, this.secrets.serverHandshakeTrafficSecret, this.transcript.hash(suite.hash));
    this.send(msg.encodeHandshake(msg.HS.finished, verifyData), 'finished');
    this.app = schedule.application(this.transcript.hash(suite.hash));
    this.setWriteSecret(suite, this.app.serverApplicationTrafficSecret, true);
    this.state = 'WAIT_FINISHED';
    this.group = group;
  }

  private send(raw: Uint8Array, name: string): void {
    this.transcript.add(raw);
    this.event({ kind: 'handshake-message', direction: 'sent', name, bytes: raw });
    this.emitRecord(CONTENT.handshake, raw);
  }

  private onFinished(m: msg.HandshakeMessage): void {
    const suite = this.suite!;
    const expected = finishedVerifyData(suite, this.secrets!.clientHandshakeTrafficSecret, this.transcript.hash(suite.hash));
    // RFC 8446 §4.4.4: an incorrect Finished is answered with decrypt_error.
    if (!bytesEqual(expected, m.body)) throw new TlsAlert('decrypt_error', 'client Finished does not verify');
    this.transcript.add(m.raw);
    this.setReadSecret(suite, this.app!.clientApplicationTrafficSecret, true);
    this.state = 'CONNECTED';
    this.phase = 'connected';
    this.event({
      kind: 'handshake-complete',
      summary: { suite: suite.name, group: this.group!, scheme: schemeFor(this.config.key), serverName: this.serverName, helloRetry: this.firstHello !== undefined },
    });
  }
}

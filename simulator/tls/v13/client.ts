/**
 * The TLS 1.3 client handshake (RFC 8446 §2, state machine of Appendix A.1), full (EC)DHE with
 * certificate authentication; no PSK, no 0-RTT, no client certificate (an empty one if asked).
 */
import type { RandomSource } from '../../random.ts';
import { TlsAlert } from './alerts.ts';
import { PROBLEM_ALERT, verifyChain } from './chain-verify.ts';
import { Connection, type TlsOutput } from './connection.ts';
import { keylogLine } from './events.ts';
import * as ext from './extensions.ts';
import { generateKeyShare, GROUP_IDS, groupById, sharedSecret, type GroupName, type KeyShare } from './groups.ts';
import { isIpAddress } from './hostname.ts';
import { finishedVerifyData, KeySchedule, type HandshakeSecrets } from './key-schedule.ts';
import * as msg from './messages.ts';
import { CONTENT } from './record-layer.ts';
import { certificateVerifyContent, HANDSHAKE_SCHEMES, CERT_SCHEMES, SCHEMES, schemeName, verifySignature, type SchemeName } from './signatures.ts';
import { SUITES, suiteById, suiteByName, type CipherSuite, type SuiteName } from './suites.ts';
import { Transcript } from './transcript.ts';
import { parseCertificate, type ParsedCertificate } from './x509.ts';
import { bytesEqual } from '../../wire/bytes.ts';
import { CLIENT_EXPECTS, type ClientState } from './client-states.ts';

export interface ClientConfig {
  /** The host name the user typed: sent as SNI (RFC 6066 §3) and checked against the certificate. */
  serverName: string;
  /** Trust anchors, DER. */
  roots: readonly Uint8Array[];
  random: RandomSource;
  suites?: readonly SuiteName[];
  /** In preference order; the first gets a key share in ClientHello1. */
  groups?: readonly GroupName[];
  /** 'abort' sends the alert; 'continue' reports the problem and goes on (the terminal's y/n). */
  onCertificateProblem?: 'abort' | 'continue';
}

export class TlsClient extends Connection {
  protected readonly isClient = true;
  state: ClientState = 'START';
  private readonly transcript = new Transcript();
  private readonly clientRandom: Uint8Array;
  private shares: KeyShare[] = [];
  private hello!: msg.ClientHello;
  private helloRetry = false;
  private schedule: KeySchedule | undefined;
  private secrets: HandshakeSecrets | undefined;
  private leaf: ParsedCertificate | undefined;
  private scheme: SchemeName | undefined;
  private certificateRequestContext: Uint8Array | undefined;
  private group: GroupName | undefined;

  constructor(private readonly config: ClientConfig) {
    super(config.random);
    this.clientRandom = config.random.bytes(32);
  }

  /** Sends ClientHello1 (RFC 8446 §4.1.2). */
  start(now: number): TlsOutput[] {
    if (this.state !== 'START') throw new Error('start() twice');
    this.now = now;
    const groups = this.config.groups ?? ['x25519', 'secp256r1'];
    this.shares = [generateKeyShare(groups[0]!, this.random)];
    this.sendClientHello(undefined);
    this.state = 'WAIT_SH';
    return this.flush();
  }

  private sendClientHello(cookie: Uint8Array | undefined): void {
    const suites = (this.config.suites ?? SUITES.map((s) => s.name)).map((n) => suiteByName(n).id);
    const groups = (this.config.groups ?? ['x25519', 'secp256r1']).map((g) => GROUP_IDS[g]);
    const extensions: ext.Extension[] = [];
    // RFC 6066 §3: "Literal IPv4 and IPv6 addresses are not permitted in "HostName"."
    if (!isIpAddress(this.config.serverName)) extensions.push({ type: ext.EXT.server_name, data: ext.serverNameExtension(this.config.serverName) });
    extensions.push(
      { type: ext.EXT.supported_groups, data: ext.u16List(groups) },
      { type: ext.EXT.signature_algorithms, data: ext.u16List(HANDSHAKE_SCHEMES.map((s) => SCHEMES[s])) },
      { type: ext.EXT.signature_algorithms_cert, data: ext.u16List(CERT_SCHEMES.map((s) => SCHEMES[s])) },
      // RFC 8446 §4.2.1: TLS 1.3 is negotiated here, not in legacy_version.
      { type: ext.EXT.supported_versions, data: ext.u16List([0x0304], 1) },
      { type: ext.EXT.key_share, data: ext.clientKeyShares(this.shares.map((s) => ({ group: GROUP_IDS[s.group], keyExchange: s.publicKey }))) },
    );
    // RFC 8446 §4.2.2: "the client MUST copy the contents of the extension received in the HelloRetryRequest"
    if (cookie) extensions.push({ type: ext.EXT.cookie, data: cookie });
    this.hello = { random: this.clientRandom, legacySessionId: new Uint8Array(0), cipherSuites: suites, extensions };
    const raw = msg.encodeClientHello(this.hello);
    this.transcript.add(raw);
    this.event({ kind: 'handshake-message', direction: 'sent', name: 'client_hello', bytes: raw });
    // RFC 8446 §5.1: the initial ClientHello may use legacy_record_version 0x0301 for compatibility.
    this.emitRecord(CONTENT.handshake, raw, cookie === undefined && !this.helloRetry ? 0x0301 : 0x0303);
  }

  protected onHandshake(m: msg.HandshakeMessage): void {
    const name = msg.handshakeName(m.type);
    const next = CLIENT_EXPECTS[this.state][name as msg.HandshakeTypeName];
    if (!next) throw new TlsAlert('unexpected_message', `${name} in state ${this.state}`);
    this.event({ kind: 'handshake-message', direction: 'received', name, bytes: m.raw });
    switch (m.type) {
      case msg.HS.server_hello: return this.onServerHello(m);
      case msg.HS.encrypted_extensions: return this.onEncryptedExtensions(m);
      case msg.HS.certificate_request: return this.onCertificateRequest(m);
      case msg.HS.certificate: return this.onCertificate(m);
      case msg.HS.certificate_verify: return this.onCertificateVerify(m);
      case msg.HS.finished: return this.onFinished(m);
    }
  }

  private onServerHello(m: msg.HandshakeMessage): void {
    const sh = msg.decodeServerHello(m.body);
    const versions = ext.findExtension(sh.extensions, ext.EXT.supported_versions);
    // RFC 8446 §4.2.1: without supported_versions the server chose TLS 1.2 or earlier, which we do not speak.
    if (!versions) throw new TlsAlert('protocol_version', 'the server does not speak TLS 1.3 (no supported_versions)');
    if (versions.length !== 2 || ((versions[0]! << 8) | versions[1]!) !== 0x0304) throw new TlsAlert('illegal_parameter', 'supported_versions is not TLS 1.3');
    // RFC 8446 §4.1.3: legacy_session_id_echo must equal what we sent; the suite must be one we offered.
    if (!bytesEqual(sh.legacySessionIdEcho, this.hello.legacySessionId)) throw new TlsAlert('illegal_parameter', 'legacy_session_id_echo differs');
    const suite = suiteById(sh.cipherSuite);
    if (!suite || !this.hello.cipherSuites.includes(sh.cipherSuite)) throw new TlsAlert('illegal_parameter', `cipher suite 0x${sh.cipherSuite.toString(16)} was not offered`);
    if (this.suite && this.suite !== suite) throw new TlsAlert('illegal_parameter', 'ServerHello suite differs from the HelloRetryRequest');
    this.suite = suite;
    if (bytesEqual(sh.random, msg.HRR_RANDOM)) return this.onHelloRetryRequest(sh, m.raw, suite);
    const share = ext.findExtension(sh.extensions, ext.EXT.key_share);
    if (!share) throw new TlsAlert('missing_extension', 'ServerHello without key_share');
    const entry = ext.readServerKeyShare(share);
    const mine = this.shares.find((s) => GROUP_IDS[s.group] === entry.group);
    if (!mine) throw new TlsAlert('illegal_parameter', `key share for group ${entry.group}, which we sent no share for`);
    this.group = mine.group;
    const z = sharedSecret(mine, entry.keyExchange);
    this.transcript.add(m.raw);
    this.schedule = new KeySchedule(suite);
    this.secrets = this.schedule.handshake(z, this.transcript.hash(suite.hash));
    this.event(keylogLine('CLIENT_HANDSHAKE_TRAFFIC_SECRET', this.clientRandom, this.secrets.clientHandshakeTrafficSecret));
    this.event(keylogLine('SERVER_HANDSHAKE_TRAFFIC_SECRET', this.clientRandom, this.secrets.serverHandshakeTrafficSecret));
    this.setReadSecret(suite, this.secrets.serverHandshakeTrafficSecret);
    // From here on everything we send, alerts included, is under our handshake keys (RFC 8446 §2, Figure 1 "{}").
    this.setWriteSecret(suite, this.secrets.clientHandshakeTrafficSecret);
    this.state = 'WAIT_EE';
  }

  /** RFC 8446 §4.1.4: a second ClientHello with a share for the group the server named. */
  private onHelloRetryRequest(sh: msg.ServerHello, raw: Uint8Array, suite: CipherSuite): void {
    // RFC 8446 §4.1.4: "If a client receives a second HelloRetryRequest in the same connection ... it MUST abort the handshake with an "unexpected_message" alert."
    if (this.helloRetry) throw new TlsAlert('unexpected_message', 'a second HelloRetryRequest');
    this.helloRetry = true;
    const selected = ext.findExtension(sh.extensions, ext.EXT.key_share);
    const cookie = ext.findExtension(sh.extensions, ext.EXT.cookie);
    if (!selected && !cookie) throw new TlsAlert('illegal_parameter', 'HelloRetryRequest that would not change the ClientHello');
    if (selected) {
      const group = groupById(ext.readSelectedGroup(selected));
      const offered = this.config.groups ?? ['x25519', 'secp256r1'];
      // RFC 8446 §4.2.8: the group must be in supported_groups and not one we already sent a share for.
      if (!group || !offered.includes(group) || this.shares.some((s) => s.group === group)) {
        throw new TlsAlert('illegal_parameter', 'HelloRetryRequest names a group we did not offer or already sent');
      }
      this.shares = [generateKeyShare(group, this.random)];
      this.event({ kind: 'hello-retry', group });
    }
    this.transcript.replaceFirstWithMessageHash(suite.hash);
    this.transcript.add(raw);
    this.sendClientHello(cookie);
    this.state = 'WAIT_SH';
  }

  private onEncryptedExtensions(m: msg.HandshakeMessage): void {
    msg.decodeEncryptedExtensions(m.body);
    this.transcript.add(m.raw);
    this.state = 'WAIT_CERT_CR';
  }

  private onCertificateRequest(m: msg.HandshakeMessage): void {
    this.certificateRequestContext = msg.decodeWith('CertificateRequest', m.body, (r) => {
      const context = r.vector(1);
      r.vector(2); // extensions: we send no certificate, so signature_algorithms there does not matter
      return context;
    });
    this.transcript.add(m.raw);
    this.state = 'WAIT_CERT';
  }

  private onCertificate(m: msg.HandshakeMessage): void {
    const cert = msg.decodeCertificate(m.body);
    // RFC 8446 §4.4.2: "If the server supplies an empty Certificate message, the client MUST abort the handshake with a "decode_error" alert."
    if (cert.chain.length === 0) throw new TlsAlert('decode_error', 'empty server Certificate');
    if (cert.context.length !== 0) throw new TlsAlert('illegal_parameter', 'server Certificate with a request context');
    const verdict = verifyChain({ chain: cert.chain, roots: this.config.roots, host: this.config.serverName, now: this.now });
    this.event({ kind: 'certificate', verdict });
    if (!verdict.ok && (this.config.onCertificateProblem ?? 'abort') === 'abort') throw new TlsAlert(PROBLEM_ALERT[verdict.problem], verdict.detail);
    try {
      this.leaf = verdict.ok ? verdict.path[0] : (verdict.leaf ?? parseCertificate(cert.chain[0]!));
    } catch {
      throw new TlsAlert('bad_certificate', 'the server certificate does not parse');
    }
    this.transcript.add(m.raw);
    this.state = 'WAIT_CV';
  }

  private onCertificateVerify(m: msg.HandshakeMessage): void {
    const cv = msg.decodeCertificateVerify(m.body);
    const scheme = schemeName(cv.scheme);
    // RFC 8446 §4.4.3: the algorithm MUST be one offered in signature_algorithms.
    if (!scheme || !HANDSHAKE_SCHEMES.includes(scheme)) throw new TlsAlert('illegal_parameter', `CertificateVerify scheme 0x${cv.scheme.toString(16)} was not offered`);
    const key = this.leaf!.publicKey;
    if ('unsupported' in key) throw new TlsAlert('unsupported_certificate', key.unsupported);
    const content = certificateVerifyContent('server', this.transcript.hash(this.suite!.hash));
    // RFC 8446 §4.4.3: "If the verification fails, the receiver MUST terminate the handshake with a "decrypt_error" alert."
    if (!verifySignature(scheme, key, content, cv.signature)) throw new TlsAlert('decrypt_error', `CertificateVerify (${scheme}) does not verify`);
    this.scheme = scheme;
    this.transcript.add(m.raw);
    this.state = 'WAIT_FINISHED';
  }

  private onFinished(m: msg.HandshakeMessage): void {
    const suite = this.suite!;
    const expected = finishedVerifyData(suite, this.secrets!.serverHandshakeTrafficSecret, this.transcript.hash(suite.hash));
    // RFC 8446 §4.4.4: "Recipients of Finished messages MUST verify that the contents are correct and if incorrect MUST terminate the connection with a "decrypt_error" alert."
    if (!bytesEqual(expected, m.body)) throw new TlsAlert('decrypt_error', 'server Finished does not verify');
    this.transcript.add(m.raw);
    const app = this.schedule!.application(this.transcript.hash(suite.hash));
    this.event(keylogLine('CLIENT_TRAFFIC_SECRET_0', this.clientRandom, app.clientApplicationTrafficSecret));
    this.event(keylogLine('SERVER_TRAFFIC_SECRET_0', this.clientRandom, app.serverApplicationTrafficSecret));
    this.event(keylogLine('EXPORTER_SECRET', this.clientRandom, app.exporterMasterSecret));
    if (this.certificateRequestContext) {
      // RFC 8446 §4.4.2: with no certificate to offer, the client sends an empty Certificate.
      const empty = msg.encodeCertificate({ context: this.certificateRequestContext, chain: [] });
      this.transcript.add(empty);
      this.emitRecord(CONTENT.handshake, empty);
      this.event({ kind: 'handshake-message', direction: 'sent', name: 'certificate', bytes: empty });
    }
    const finished = msg.encodeHandshake(msg.HS.finished, finishedVerifyData(suite, this.secrets!.clientHandshakeTrafficSecret, this.transcript.hash(suite.hash)));
    this.transcript.add(finished);
    this.event({ kind: 'handshake-message', direction: 'sent', name: 'finished', bytes: finished });
    this.emitRecord(CONTENT.handshake, finished);
    this.setWriteSecret(suite, app.clientApplicationTrafficSecret, true);
    this.setReadSecret(suite, app.serverApplicationTrafficSecret, true);
    this.state = 'CONNECTED';
    this.phase = 'connected';
    this.event({
      kind: 'handshake-complete',
      summary: { suite: suite.name, group: this.group!, scheme: this.scheme!, serverName: this.config.serverName, helloRetry: this.helloRetry },
    });
  }
}

/**
 * A handshake message in a few lines a learner can read: what the wire view shows beside the hex
 * of the message the learner's own client decrypted. Each line names the RFC 8446 field it comes
 * from. It uses the X.509 parser and the suite tables, so it lives in the lazily loaded TLS code.
 */
import { EXT, findExtension, readClientKeyShares, readServerKeyShare, readSelectedGroup, readServerName, readU16List, type Extension } from './v13/extensions.ts';
import { groupById } from './v13/groups.ts';
import * as msg from './v13/messages.ts';
import { schemeName } from './v13/signatures.ts';
import { suiteById } from './v13/suites.ts';
import { parseCertificate } from './v13/x509.ts';
import { bytesEqual } from '../wire/bytes.ts';

const hex4 = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;
const suite = (id: number) => suiteById(id)?.name ?? hex4(id);
const group = (id: number) => groupById(id) ?? hex4(id);
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Lines describing `raw` (type, length, body); a message that does not decode says so. */
export function describeHandshake(raw: Uint8Array): string[] {
  const body = raw.subarray(4);
  try {
    switch (raw[0]) {
      case msg.HS.client_hello: return clientHello(msg.decodeClientHello(body));
      case msg.HS.server_hello: return serverHello(msg.decodeServerHello(body));
      case msg.HS.encrypted_extensions: return encryptedExtensions(msg.decodeEncryptedExtensions(body));
      case msg.HS.certificate: return certificate(msg.decodeCertificate(body));
      case msg.HS.certificate_verify: {
        const cv = msg.decodeCertificateVerify(body);
        return [`signature (§4.4.3): ${schemeName(cv.scheme) ?? hex4(cv.scheme)}, ${cv.signature.length} octets over the transcript so far: the server holds the certificate's private key`];
      }
      case msg.HS.finished:
        return [`verify_data (§4.4.4): ${body.length} octets, an HMAC over the whole handshake: nothing in it was changed on the way`];
      default:
        return [`${msg.handshakeName(raw[0]!)}, ${body.length} octets`];
    }
  } catch (e) {
    return [`does not decode: ${e instanceof Error ? e.message : String(e)}`];
  }
}

function clientHello(ch: msg.ClientHello): string[] {
  const lines = [`cipher_suites (§4.1.2): ${ch.cipherSuites.map(suite).join(', ')}`];
  const sni = findExtension(ch.extensions, EXT.server_name);
  lines.push(sni ? `server_name (RFC 6066 §3): ${readServerName(sni) ?? '?'}` : 'no server_name: the client typed an address');
  const groups = findExtension(ch.extensions, EXT.supported_groups);
  if (groups) lines.push(`supported_groups (§4.2.7): ${readU16List(groups).map(group).join(', ')}`);
  const shares = findExtension(ch.extensions, EXT.key_share);
  if (shares) lines.push(`key_share (§4.2.8): ${readClientKeyShares(shares).map((s) => `${group(s.group)} (${s.keyExchange.length} octets)`).join(', ')}`);
  return lines;
}

function serverHello(sh: msg.ServerHello): string[] {
  const share = findExtension(sh.extensions, EXT.key_share);
  // RFC 8446 §4.1.3: a HelloRetryRequest is a ServerHello with the special random.
  if (bytesEqual(sh.random, msg.HRR_RANDOM)) {
    return [`HelloRetryRequest (§4.1.4): cipher suite ${suite(sh.cipherSuite)}`, ...(share ? [`asks for a key share for ${group(readSelectedGroup(share))}`] : [])];
  }
  const lines = [`cipher_suite (§4.1.3): ${suite(sh.cipherSuite)}`];
  if (share) {
    const entry = readServerKeyShare(share);
    lines.push(`key_share (§4.2.8): ${group(entry.group)} (${entry.keyExchange.length} octets); from here on both ends derive the handshake keys`);
  }
  return lines;
}

function encryptedExtensions(exts: Extension[]): string[] {
  if (exts.length === 0) return ['no extensions (§4.3.1)'];
  return exts.map((e) => (e.type === EXT.server_name ? 'server_name (RFC 6066 §3): empty, the server used the name the client asked for' : `extension ${e.type}, ${e.data.length} octets`));
}

function certificate(c: msg.CertificateMessage): string[] {
  if (c.chain.length === 0) return ['no certificate (§4.4.2)'];
  return c.chain.map((der, i) => {
    const x = parseCertificate(der);
    const key = 'unsupported' in x.publicKey ? x.publicKey.unsupported : x.publicKey.kind === 'ec' ? `ECDSA ${x.publicKey.curve}` : x.publicKey.kind === 'rsa' ? `RSA ${x.publicKey.bits}` : 'Ed25519';
    const names = [...x.dnsNames, ...x.ipAddresses];
    return `${i === 0 ? 'certificate' : `issuer certificate ${i}`} (X.509, ${der.length} octets of DER): ${x.subject}, issued by ${x.issuer}, valid ${day(x.notBefore)} to ${day(x.notAfter)}${names.length ? `, names ${names.join(', ')}` : ''}, key ${key}`;
  });
}

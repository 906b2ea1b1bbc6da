/**
 * The SASL mechanisms the server offers, as small state machines over base64 lines
 * (RFC 4954 §4): PLAIN (RFC 4616) and LOGIN (draft-murchison-sasl-login, what Outlook and
 * most clients still use).
 */
import { strictUtf8Text, utf8Bytes } from '../wire/bytes.ts';
import { decodeBase64, encodeBase64 } from '../wire/base64.ts';
import { decodeSaslPlain } from '../wire/sasl-plain.ts';
import type { SaslMechanismName } from './capabilities.ts';
import { R501BadBase64, R535AuthFailed, type Reply } from './replies.ts';

export type SaslStep =
  /** Send `334 <base64>` and wait for the client's next line. */
  | { kind: 'challenge'; base64: string }
  /** The client has said who it is; check the credentials. */
  | { kind: 'credentials'; authzid: string; login: string; password: string }
  | { kind: 'fail'; reply: Reply };

export interface SaslMechanism {
  readonly name: SaslMechanismName;
  /** `initial` is the AUTH command's initial response (RFC 4954 §4), or null. */
  start(initial: string | null): SaslStep;
  next(response: string): SaslStep;
}

/** RFC 4954 §4: "=" is an empty initial response; anything else must be strict base64. */
function decode(text: string): string | Reply {
  const bytes = text === '=' ? new Uint8Array(0) : decodeBase64(text);
  if (!bytes) return R501BadBase64;
  return strictUtf8Text(bytes) ?? R501BadBase64;
}

/**
 * RFC 4616 §2 (../wire/sasl-plain.ts). An authzid other than the login itself asks to act as
 * someone else, which no user here may do (checked by the caller).
 */
class Plain implements SaslMechanism {
  readonly name = 'PLAIN';

  start(initial: string | null): SaslStep {
    // RFC 4954 §4: "a server challenge that contains no data is … "334 "".
    return initial === null ? { kind: 'challenge', base64: '' } : this.next(initial);
  }

  next(response: string): SaslStep {
    const plain = decodeSaslPlain(response);
    if (plain.ok) return { kind: 'credentials', authzid: plain.authzid, login: plain.authcid, password: plain.password };
    return { kind: 'fail', reply: plain.reason === 'malformed' ? R535AuthFailed : R501BadBase64 };
  }
}

const USERNAME = encodeBase64(utf8Bytes('Username:'));
const PASSWORD = encodeBase64(utf8Bytes('Password:'));

/** LOGIN: "Username:" and "Password:" challenges; an initial response is the user name. */
class Login implements SaslMechanism {
  readonly name = 'LOGIN';
  private login: string | null = null;

  start(initial: string | null): SaslStep {
    return initial === null ? { kind: 'challenge', base64: USERNAME } : this.next(initial);
  }

  next(response: string): SaslStep {
    const text = decode(response);
    if (typeof text !== 'string') return { kind: 'fail', reply: text };
    if (this.login === null) {
      this.login = text;
      return { kind: 'challenge', base64: PASSWORD };
    }
    return { kind: 'credentials', authzid: '', login: this.login, password: text };
  }
}

export function createMechanism(name: string): SaslMechanism | null {
  switch (name.toUpperCase()) {
    case 'PLAIN':
      return new Plain();
    case 'LOGIN':
      return new Login();
    default:
      return null;
  }
}

/**
 * Mail clients that log in, reduced to what matters for TLS (RFC 8314 §5 / RFC 3207 §4): ask
 * for the capabilities, start TLS when offered, then authenticate. The policy decides what
 * happens when TLS is not offered or does not start: an 'opportunistic' client carries on in
 * plaintext (what RFC 3207 §4.1 allows MTAs, and what too many mail clients did); a 'strict'
 * client stops before it sends the password (RFC 8314 §5.1, RFC 2595 §2.2).
 */
import type { MailProtocol } from '../world/ports.ts';
import { encodeSaslPlain } from '../wire/sasl-plain.ts';
import type { ScriptedSession } from './attack-session.ts';

/** 'never' is a client set to "no encryption", which the terminal's learner also is. */
export type ClientTlsPolicy = 'opportunistic' | 'strict' | 'never';

export interface LoginOutcome {
  outcome: 'logged-in' | 'refused-by-client' | 'failed';
  /** TLS protected the password. */
  usedTls: boolean;
  reason: string;
}

export interface LoginPlan {
  protocol: MailProtocol;
  implicitTls: boolean;
  policy: ClientTlsPolicy;
  user: string;
  password: string;
}

type StartTls = { ok: true } | { ok: false; outcome: LoginOutcome };

/** Drives `s` (already greeted) through capabilities, TLS and login, then says goodbye. */
export async function scriptedLogin(s: ScriptedSession, greeting: string, plan: LoginPlan): Promise<LoginOutcome> {
  const login = LOGIN[plan.protocol];
  const offered = plan.implicitTls || plan.policy === 'never' ? false : await login.offersTls(s, greeting);
  if (!plan.implicitTls && plan.policy !== 'never') {
    const started = offered ? await startTls(s, plan, login.command) : notOffered(plan, login.command);
    if (!started.ok) {
      await s.say(login.quit);
      await s.close();
      return started.outcome;
    }
  }
  const usedTls = s.tls !== null;
  if (!s.isOpen) return { outcome: 'failed', usedTls, reason: s.error ?? 'the connection closed' };
  const reply = await login.authenticate(s, plan.user, plan.password);
  await s.say(login.quit);
  await s.close();
  const ok = login.accepted.test(reply);
  return { outcome: ok ? 'logged-in' : 'failed', usedTls, reason: ok ? `logged in ${usedTls ? 'over TLS' : 'in PLAINTEXT'}` : `the server refused: ${reply.trim()}` };
}

function notOffered(plan: LoginPlan, command: string): StartTls {
  if (plan.policy === 'opportunistic') return { ok: true };
  return { ok: false, outcome: { outcome: 'refused-by-client', usedTls: false, reason: `the server did not offer ${command}: a strict client will not send the password in plaintext` } };
}

async function startTls(s: ScriptedSession, plan: LoginPlan, command: string): Promise<StartTls> {
  const reply = await s.say(plan.protocol === 'imap' ? `t1 ${command}` : command);
  if (!/^(220|\+OK|t1 OK)/m.test(reply)) {
    if (plan.policy === 'opportunistic') return { ok: true };
    return { ok: false, outcome: { outcome: 'refused-by-client', usedTls: false, reason: `${command} failed (${reply.trim()}): a strict client stops` } };
  }
  const info = await s.startTls();
  if (!info) return { ok: false, outcome: { outcome: 'failed', usedTls: false, reason: s.error ?? 'the TLS handshake failed' } };
  return { ok: true };
}

interface ProtocolLogin {
  command: string;
  quit: string;
  accepted: RegExp;
  offersTls(s: ScriptedSession, greeting: string): Promise<boolean>;
  authenticate(s: ScriptedSession, user: string, password: string): Promise<string>;
}

const LOGIN: Record<MailProtocol, ProtocolLogin> = {
  smtp: {
    command: 'STARTTLS',
    quit: 'QUIT',
    accepted: /^235 /m,
    offersTls: async (s) => /^250[- ]STARTTLS\s*$/im.test(await s.say('EHLO laptop.example')),
    async authenticate(s, user, password) {
      if (s.tls) await s.say('EHLO laptop.example'); // RFC 3207 §4.2: forget what was learnt before TLS
      return s.say(`AUTH PLAIN ${encodeSaslPlain(user, password)}`);
    },
  },
  pop3: {
    command: 'STLS',
    quit: 'QUIT',
    accepted: /^\+OK/,
    offersTls: async (s) => /^STLS\s*$/im.test(await s.say('CAPA')),
    async authenticate(s, user, password) {
      await s.say(`USER ${user}`);
      return s.say(`PASS ${password}`);
    },
  },
  imap: {
    command: 'STARTTLS',
    quit: 't9 LOGOUT',
    accepted: /^t2 OK/m,
    async offersTls(s, greeting) {
      const capabilities = /\[CAPABILITY /i.test(greeting) ? greeting : await s.say('t0 CAPABILITY');
      return /CAPABILITY[^\r\n\]]* STARTTLS\b/i.test(capabilities);
    },
    authenticate: (s, user, password) => s.say(`t2 LOGIN ${user} "${password.replace(/(["\\])/g, '\\$1')}"`),
  },
};

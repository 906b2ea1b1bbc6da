/**
 * Who may send what through this server, by port role: an MX (25) takes mail for its own domains
 * from anyone and relays for nobody who has not logged in; a submission port (587, 2525, 465;
 * RFC 6409 §4.3, RFC 8314) takes mail only from logged-in users, for any domain.
 */
import type { Account } from '../store/account.ts';
import type { Mailbox } from './address.ts';
import {
  R530AuthRequired,
  R530StartTlsFirst,
  R550UserUnknown,
  R552MailboxFull,
  R553SenderNotOwned,
  R550RelayDenied,
  type Reply,
} from './replies.ts';
import type { Recipient, SmtpSession } from './session.ts';

/**
 * RFC 6409 §4.3: submission requires authentication; RFC 3207 §4 gives "530 Must issue a
 * STARTTLS command first" for a server that wants TLS before it (on any port when the host says
 * so). Null when MAIL may proceed.
 */
export function submissionGate(session: SmtpSession): Reply | null {
  if (session.settings.starttlsRequired && !session.secure) return R530StartTlsFirst;
  if (session.role !== 'submission') return null;
  if (!session.authAllowed) return R530StartTlsFirst;
  if (!session.user) return R530AuthRequired;
  return null;
}

/**
 * RFC 6409 §6.1: the submission server may check that the sender is one the user may use.
 * A logged-in user sends only as themselves (Postfix reject_sender_login_mismatch).
 */
export function senderCheck(session: SmtpSession, from: Mailbox | null): Reply | null {
  if (!session.user) return null;
  const address = from?.address.toLowerCase() ?? '';
  return address === session.user ? null : R553SenderNotOwned(from?.address ?? '', session.user);
}

/**
 * The account a local address delivers to. RFC 5321 §4.5.1: postmaster MUST be accepted for every
 * domain the host serves; with no postmaster account it goes to the domain's first user.
 */
export function localAccount(session: SmtpSession, mailbox: Mailbox): Account | null {
  const backend = session.ctx.backend;
  const account = backend.account(mailbox.address);
  if (account) return account;
  if (mailbox.localPart.toLowerCase() !== 'postmaster') return null;
  return backend.accountsOf(mailbox.domain)[0] ?? null;
}

/** RFC 5321 §4.1.1.3: accept the recipient (local or relayed) or say why not. */
export function recipientCheck(session: SmtpSession, mailbox: Mailbox, declaredSize: number | null): Recipient | Reply {
  if (session.ctx.host.domains.includes(mailbox.domain)) {
    const account = localAccount(session, mailbox);
    if (!account) return R550UserUnknown(mailbox.address);
    // Dovecot's default: a full mailbox is a permanent 552 5.2.2 (RFC 3463 "Mailbox full").
    if (account.quota > 0 && account.used + Math.max(declaredSize ?? 0, 1) > account.quota) return R552MailboxFull(mailbox.address);
    return { mailbox, account: account.address };
  }
  // RFC 5321 §3.6.2 / RFC 6409 §4.3: relaying only for authenticated submitters.
  if (!session.user) return R550RelayDenied(mailbox.address);
  return { mailbox, account: null };
}

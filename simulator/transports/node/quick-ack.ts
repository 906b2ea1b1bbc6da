/**
 * TCP_QUICKACK (Linux tcp(7)): acknowledge what was read at once, when we have nothing to answer.
 *
 * Why: a client with Nagle's algorithm on (Python's imaplib, poplib, smtplib; most clients) that
 * sends an IMAP literal and then its closing CRLF in two writes may not send the CRLF until the
 * literal is acknowledged (RFC 896; RFC 1122 §4.2.3.4). Linux delays that ACK up to 40 ms on a
 * connection it thinks interactive — ours is, as we answered the APPEND with "+ Ready" at once —
 * hoping to carry it on our next reply (RFC 1122 §4.2.3.2). There is no reply until the CRLF
 * comes: both sides wait 40 ms for each message. The same holds for a DATA end, a BDAT chunk or a
 * POP3 command that a client writes in pieces. Dovecot sets TCP_QUICKACK after its writes for the
 * same reason. Node has no API for it, so the libc call goes through koffi; elsewhere (not Linux,
 * or koffi missing) nothing is done and the old delay stays.
 */
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';

/** <netinet/in.h>, <netinet/tcp.h> on Linux. */
const IPPROTO_TCP = 6;
const TCP_OPTIONS = { nodelay: 1, quickack: 12 } as const;
export type TcpOption = keyof typeof TCP_OPTIONS;

interface SockOpt {
  set(fd: number, option: number, value: number): boolean;
  get(fd: number, option: number): number | null;
}

let loaded: SockOpt | null | undefined;

function sockopt(): SockOpt | null {
  if (loaded !== undefined) return loaded;
  loaded = null;
  if (process.platform !== 'linux') return loaded;
  try {
    const koffi = createRequire(import.meta.url)('koffi') as typeof import('koffi');
    const libc = koffi.load('libc.so.6');
    const setsockopt = libc.func('int setsockopt(int, int, int, _In_ int *, uint32_t)');
    const getsockopt = libc.func('int getsockopt(int, int, int, _Out_ int *, _Inout_ uint32_t *)');
    loaded = {
      set: (fd, option, value) => setsockopt(fd, IPPROTO_TCP, option, [value], 4) === 0,
      get: (fd, option) => {
        const out = [0];
        return getsockopt(fd, IPPROTO_TCP, option, out, [4]) === 0 ? out[0]! : null;
      },
    };
  } catch {
    // No koffi for this platform: the ACK waits for the kernel's timer, as before.
  }
  return loaded;
}

/** The file descriptor under a TCP socket or a TLS socket over one (Unix only). */
function fdOf(socket: Socket): number | null {
  const fd = (socket as Socket & { _handle?: { fd?: number } | null })._handle?.fd;
  return typeof fd === 'number' && fd >= 0 ? fd : null;
}

/**
 * Sends the ACK for everything read so far now, and leaves Linux's interactive (delayed-ACK)
 * mode until our next write. False when the platform cannot (the socket works as before).
 */
export function quickAck(socket: Socket): boolean {
  const fd = fdOf(socket);
  const opt = fd === null ? null : sockopt();
  return opt !== null && fd !== null && opt.set(fd, TCP_OPTIONS.quickack, 1);
}

/**
 * The kernel's view of a TCP option (getsockopt), null where it cannot be read. For tests:
 * `quickack` reads 1 when ACKs go out at once, 0 in the delayed, interactive mode.
 */
export function tcpOption(socket: Socket, option: TcpOption): number | null {
  const fd = fdOf(socket);
  const opt = fd === null ? null : sockopt();
  return opt && fd !== null ? opt.get(fd, TCP_OPTIONS[option]) : null;
}

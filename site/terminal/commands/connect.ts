import type { ConnectOptions, SlashCommand } from './types.ts';
import { words } from './types.ts';

/** A host name (RFC 1123 §2.1 letters, digits, hyphens, dots) or an IPv4 address. */
const HOST = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*\.?$/;

const USAGE = '/connect HOST PORT';

/** A TCP port is 16 bits (RFC 6335 §6) and 0 is reserved: what the terminal says to anything else. */
export function portError(portText: string): string | null {
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  return port >= 1 && port <= 65535 ? null : `"${portText}" is not a port number (1-65535). Usage: ${USAGE}`;
}

/** The flags before HOST PORT; a string names the one not understood. */
function flags(list: string[]): { options: ConnectOptions; rest: string[] } | string {
  const options: ConnectOptions = {};
  let i = 0;
  for (; i < list.length && list[i]?.startsWith('--'); i++) {
    const flag = list[i];
    if (flag === '--live') options.live = true;
    else if (flag === '--sim') options.live = false;
    else if (flag === '--tls') options.tls = 'implicit';
    else if (flag === '--plain') options.tls = 'none';
    else return flag ?? '';
  }
  return { options, rest: list.slice(i) };
}

export const connect: SlashCommand = {
  name: 'connect',
  usage: USAGE,
  summary: 'open a connection (--live: a real server via the relay)',
  run(ctx, args) {
    const parsed = flags(words(args));
    if (typeof parsed === 'string') {
      ctx.print(`Unknown option "${parsed}". Usage: ${USAGE}`, 'error');
      return;
    }
    const [host, portText, ...rest] = parsed.rest;
    if (host === undefined && portText === undefined && parsed.options.live !== undefined && parsed.options.tls === undefined) {
      // "/connect --live" alone flips the terminal's Live switch, like the lab's toggle.
      ctx.terminal.live(parsed.options.live);
      ctx.print(parsed.options.live ? `Live: /connect now reaches real servers through the relay at ${ctx.terminal.relay()}.` : 'Simulator: /connect now reaches the virtual network.', 'note');
      return;
    }
    if (host === undefined || portText === undefined || rest.length > 0) return ctx.usage();
    const badPort = portError(portText);
    if (badPort) {
      ctx.print(badPort, 'error');
      return;
    }
    const port = Number(portText);
    if (!HOST.test(host) || host.length > 253) {
      ctx.print(`"${host}" is not a host name. Usage: ${USAGE}`, 'error');
      return;
    }
    const current = ctx.terminal.connection();
    if (current) {
      ctx.print(`Already connected to ${current.host}:${current.port}; /disconnect first.`, 'error');
      return;
    }
    ctx.terminal.connect(host, port, parsed.options);
  },
};

import type { SlashCommand } from './types.ts';
import { words } from './types.ts';

/** A host name (RFC 1123 §2.1 letters, digits, hyphens, dots) or an IPv4 address. */
const HOST = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*\.?$/;

export const connect: SlashCommand = {
  name: 'connect',
  usage: '/connect HOST PORT',
  summary: 'open a connection, e.g. /connect mail.example.com 25',
  run(ctx, args) {
    const [host, portText, ...rest] = words(args);
    if (host === undefined || portText === undefined || rest.length > 0) return ctx.usage();
    const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
    if (!(port >= 1 && port <= 65535)) {
      ctx.print(`"${portText}" is not a port number (1-65535). Usage: /connect HOST PORT`, 'error');
      return;
    }
    if (!HOST.test(host) || host.length > 253) {
      ctx.print(`"${host}" is not a host name. Usage: /connect HOST PORT`, 'error');
      return;
    }
    const current = ctx.terminal.connection();
    if (current) {
      ctx.print(`Already connected to ${current.host}:${current.port}; /disconnect first.`, 'error');
      return;
    }
    ctx.terminal.connect(host, port);
  },
};

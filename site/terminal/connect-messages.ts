/** What the terminal says about a connection starting or failing, for the virtual network and live servers. */
import type { PortSpec } from '../../simulator/world/ports.ts';

export function tryingText(host: string, port: number, spec: PortSpec | undefined, implicitTls: boolean, relayUrl: string | null): string {
  const what = spec ? ` (${spec.protocol.toUpperCase()}${implicitTls ? ' over TLS' : ''})` : implicitTls ? ' (over TLS)' : '';
  return `Trying ${host} port ${port}${what}${relayUrl ? `, live through the relay at ${relayUrl}` : ''}...`;
}

export function errorText(host: string, port: number, code: string, message: string): string {
  switch (code) {
    case 'REFUSED': return `Connection refused: nothing is listening on ${host} port ${port}.`;
    case 'DNS': return `${message.includes(host) ? message : `Unknown host ${host}: ${message}`}. /hosts lists the servers.`;
    case 'TIMEOUT': return `Timed out connecting to ${host} port ${port}.`;
    default: return `Connection error (${code}): ${message}.`;
  }
}

/** A live connection's failure: the relay's own sentence, and how to start a relay when none answers. */
export function liveErrorText(host: string, port: number, code: string, message: string, relayUrl: string): string[] {
  if (/no relay answers/i.test(message)) {
    return [
      `No relay answers at ${relayUrl}: live connections need one, because a browser cannot open a TCP connection itself.`,
      'Start one: "npm start" runs one beside the site, or "npm run relay" on its own; /relay URL points the terminal at another.',
    ];
  }
  const sentence = message.replace(/\.$/, '');
  switch (code) {
    case 'POLICY': return [`The relay refused: ${sentence}.`];
    case 'LIMIT': return [`The relay's limit: ${sentence}.`];
    case 'TLS': return [`TLS failed with ${host} port ${port}: ${sentence}.`];
    case 'REFUSED': return [`Connection refused: ${sentence || `nothing is listening on ${host} port ${port}`}.`];
    case 'DNS': return [`Unknown host ${host}: ${sentence}.`];
    case 'TIMEOUT': return [`Timed out: ${sentence}.`];
    default: return [`Connection error (${code}): ${sentence}.`];
  }
}

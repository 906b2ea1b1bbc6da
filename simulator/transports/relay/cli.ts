/**
 * `npm run relay -- [--host 127.0.0.1] [--port 8787] [--allow-port N]... [--allow-host PATTERN]...
 *  [--allow-private] [--origin URL]... [--token T] [--ca FILE]`
 */
import { readFileSync } from 'node:fs';
import { defaultOptions, DEFAULT_PORTS, type RelayOptions } from './options.ts';
import { startRelay } from './server.ts';

const USAGE = `usage: npm run relay -- [--host 127.0.0.1] [--port 8787] [--allow-port N]...
       [--allow-host PATTERN]... [--allow-private] [--origin URL]... [--token T] [--ca FILE]

  --allow-port N      also allow port N (default: ${DEFAULT_PORTS.join(', ')})
  --allow-host P      only allow these hosts (exact, or *.example.com); repeatable
  --allow-private     allow loopback, private, link-local and other non-public targets
  --origin URL        pages allowed to use the relay (default: http://localhost:4321); repeatable
  --token T           require ?token=T on the WebSocket URL
  --ca FILE           trust this CA certificate (PEM) besides the system roots`;

export function parseRelayArgs(argv: string[]): RelayOptions | string {
  const options = defaultOptions();
  const origins: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
      return v;
    };
    try {
      switch (flag) {
        case '--host': options.host = value(); break;
        case '--port': options.port = port(value()); break;
        case '--allow-port': options.allowPorts.push(port(value())); break;
        case '--allow-host': options.allowHosts.push(value()); break;
        case '--allow-private': options.allowPrivate = true; break;
        case '--origin': origins.push(value()); break;
        case '--token': options.token = value(); break;
        case '--ca': options.ca = readFileSync(value(), 'utf8'); break;
        case '--help': return USAGE;
        default: throw new Error(`unknown option ${flag}`);
      }
    } catch (error) {
      return `${(error as Error).message}\n\n${USAGE}`;
    }
  }
  if (origins.length) options.origins = origins;
  return options;
}

function port(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`"${text}" is not a port number`);
  return n;
}

async function main(): Promise<void> {
  const parsed = parseRelayArgs(process.argv.slice(2));
  if (typeof parsed === 'string') {
    console.error(parsed);
    process.exit(parsed === USAGE ? 0 : 2);
  }
  const relay = await startRelay(parsed);
  console.log(`relay listening on ${relay.url} (ports ${parsed.allowPorts.join(', ')}${parsed.allowPrivate ? '; private targets allowed' : ''})`);
  const stop = () => void relay.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (import.meta.url === `file://${process.argv[1]}`) void main();

/**
 * `npm run relay -- [--host 127.0.0.1] [--port 8787] [--allow-port N]... [--allow-host PATTERN]...
 *  [--allow-private] [--origin URL]... [--token T] [--ca FILE] [--no-terminate] [--max-sessions N]
 *  [--drain-seconds N] [--redis URL]`
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { caPem } from './ca-file.ts';
import { defaultOptions, DEFAULT_LIMITS, DEFAULT_PORTS, type RelayOptions } from './options.ts';
import { startRelay } from './server.ts';

const USAGE = `usage: npm run relay -- [--host 127.0.0.1] [--port 8787] [--allow-port N]...
       [--allow-host PATTERN]... [--allow-private] [--origin URL]... [--token T] [--ca FILE]
       [--no-terminate] [--max-sessions N] [--drain-seconds N] [--redis URL]

  --allow-port N      also allow port N (default: ${DEFAULT_PORTS.join(', ')})
  --allow-host P      only allow these hosts (exact, or *.example.com); repeatable
  --allow-private     allow loopback, private, link-local and other non-public targets
  --origin URL        pages allowed to use the relay (default: http://localhost:4321); repeatable
  --token T           require ?token=T on the WebSocket URL
  --ca FILE           trust these CA certificates (PEM, or one DER) besides the system roots;
                      the page is offered them too, for the TLS it runs itself
  --no-terminate      never run TLS here: the page must do TLS itself, end to end, so this relay
                      only ever sees ciphertext (for a shared relay); TLS 1.2-only servers fail
  --max-sessions N    sessions open at once over all clients (default: ${DEFAULT_LIMITS.maxSessions})
  --drain-seconds N   on SIGTERM, how long open sessions may go on (default: 30)
  --redis URL         keep the limits in Redis (redis://host:6379), shared by every relay using it;
                      while Redis is unreachable, new sessions are refused ("limits unavailable")

  GET /healthz, /readyz and /metrics (Prometheus) answer on the same port.`;

const OPTIONS = {
  host: { type: 'string' },
  port: { type: 'string' },
  'allow-port': { type: 'string', multiple: true },
  'allow-host': { type: 'string', multiple: true },
  'allow-private': { type: 'boolean' },
  origin: { type: 'string', multiple: true },
  token: { type: 'string' },
  ca: { type: 'string' },
  'no-terminate': { type: 'boolean' },
  'max-sessions': { type: 'string' },
  'drain-seconds': { type: 'string' },
  redis: { type: 'string' },
  help: { type: 'boolean' },
} as const;

export function parseRelayArgs(argv: string[]): RelayOptions | string {
  const options = defaultOptions();
  try {
    const { values } = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false });
    if (values.help) return USAGE;
    if (values.host !== undefined) options.host = nonEmpty('--host', values.host);
    if (values.port !== undefined) options.port = port(values.port);
    for (const p of values['allow-port'] ?? []) options.allowPorts.push(port(p));
    for (const h of values['allow-host'] ?? []) options.allowHosts.push(nonEmpty('--allow-host', h));
    if (values['allow-private']) options.allowPrivate = true;
    if (values.origin?.length) options.origins = values.origin.map((o) => nonEmpty('--origin', o));
    if (values.token !== undefined) options.token = nonEmpty('--token', values.token);
    if (values.ca !== undefined) options.ca = caPem(readFileSync(nonEmpty('--ca', values.ca)), values.ca);
    if (values['no-terminate']) options.terminate = false;
    if (values['max-sessions'] !== undefined) options.limits.maxSessions = count('--max-sessions', values['max-sessions'], 1);
    if (values['drain-seconds'] !== undefined) options.drainSeconds = count('--drain-seconds', values['drain-seconds'], 0);
    if (values.redis !== undefined) options.redis = redisUrl(values.redis);
  } catch (error) {
    return `${(error as Error).message}\n\n${USAGE}`;
  }
  return options;
}

function nonEmpty(flag: string, text: string): string {
  if (text.trim() === '') throw new Error(`${flag} needs a value, and "" is empty`);
  return text;
}

function port(text: string): number {
  // Number('') is 0: an empty --port would quietly mean "any free port".
  if (!/^\d{1,5}$/.test(text)) throw new Error(`"${text}" is not a port number`);
  const n = Number(text);
  if (n > 65535) throw new Error(`"${text}" is not a port number`);
  return n;
}

function redisUrl(text: string): string {
  if (!/^rediss?:\/\/\S+$/.test(text)) throw new Error(`--redis needs a redis:// or rediss:// URL, not "${text}"`);
  return text;
}

function count(flag: string, text: string, min: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min) throw new Error(`${flag} needs a whole number of at least ${min}, not "${text}"`);
  return Number(text);
}

async function main(): Promise<void> {
  const parsed = parseRelayArgs(process.argv.slice(2));
  if (typeof parsed === 'string') {
    console.error(parsed);
    process.exit(parsed === USAGE ? 0 : 2);
  }
  const relay = await startRelay(parsed);
  console.log(`relay listening on ${relay.url} (ports ${parsed.allowPorts.join(', ')}${parsed.allowPrivate ? '; private targets allowed' : ''}${parsed.terminate ? '' : '; never terminates TLS'})`);
  process.on('SIGINT', () => void relay.close().then(() => process.exit(0)));
  // SIGTERM (a deploy, a scale-in): stop taking sessions, warn the open ones, close them after --drain-seconds.
  process.once('SIGTERM', () => {
    console.log(`relay draining: ${relay.sessions()} sessions open, closing within ${parsed.drainSeconds} seconds`);
    void relay.drain().then(() => process.exit(0));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) void main();

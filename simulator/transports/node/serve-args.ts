/** The command line of `npm run serve`, parsed into ServeOptions (or a usage error). */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import type { UserSpec } from './serve-world.ts';
import { SERVICES, type ServiceName } from './services.ts';

export interface ServeArgs {
  bind: string;
  /** Undefined: every service on its default port. */
  ports?: Partial<Record<ServiceName, number>>;
  users: UserSpec[];
  domain?: string;
  certFile?: string;
  keyFile?: string;
  plaintextAuth: boolean;
  verbose: boolean;
  help: boolean;
}

export class UsageError extends Error {}

export function usage(): string {
  const services = SERVICES.map(
    (s) => `  --${s.name.padEnd(12)} PORT  ${s.protocol.toUpperCase()} as port ${s.virtualPort}${s.implicitTls ? ' (implicit TLS)' : ''}; default ${s.defaultPort}`,
  );
  return [
    'usage: npm run serve -- [--host ADDR] [--SERVICE PORT]... [--user NAME:PASSWORD]...',
    '                        [--domain D] [--tls-cert FILE --tls-key FILE] [--plaintext-auth] [--verbose]',
    '',
    'Runs the Mailwire engines on real sockets over one shared mail store.',
    'With no --SERVICE flag every service listens on its default port; with any, only those named.',
    'Each listener plays the role of the standard mail port shown (RFC 6409, RFC 8314).',
    '',
    ...services,
    '  --host ADDR          address to bind (default 127.0.0.1)',
    '  --user NAME:PASSWORD add an account (NAME: a full address, or a local part in --domain); repeatable',
    '  --domain D           the domain served (default example.com, of the default world:',
    '                       alice@example.com/wonderland, carol@example.com/singer)',
    '  --tls-cert, --tls-key PEM files for STARTTLS and implicit TLS (default: self-signed, made at start)',
    '  --plaintext-auth     allow AUTH/LOGIN/USER before TLS (off, as RFC 8314 §4 recommends)',
    '  --verbose            log engine events',
  ].join('\n');
}

/** The flags, for node:util parseArgs; each service's port flag comes from SERVICES. */
const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  'plaintext-auth': { type: 'boolean' },
  verbose: { type: 'boolean' },
  host: { type: 'string' },
  domain: { type: 'string' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  user: { type: 'string', multiple: true },
  ...Object.fromEntries(SERVICES.map((s) => [s.name, { type: 'string' }] as const)),
} satisfies ParseArgsOptionsConfig;

export function parseServeArgs(argv: readonly string[]): ServeArgs {
  const values = parseFlags(argv);
  const text = (name: string): string | undefined => values[name] as string | undefined;
  const args: ServeArgs = {
    bind: text('host') ?? '127.0.0.1',
    users: ((values['user'] as string[] | undefined) ?? []).map(parseUser),
    plaintextAuth: values['plaintext-auth'] === true,
    verbose: values['verbose'] === true,
    help: values['help'] === true,
  };
  const domain = text('domain');
  if (domain !== undefined) args.domain = parseDomain(domain);
  const certFile = text('tls-cert');
  const keyFile = text('tls-key');
  if (certFile !== undefined) args.certFile = certFile;
  if (keyFile !== undefined) args.keyFile = keyFile;
  for (const service of SERVICES) {
    const port = text(service.name);
    if (port !== undefined) args.ports = { ...args.ports, [service.name]: parsePort(`--${service.name}`, port) };
  }
  if ((args.certFile === undefined) !== (args.keyFile === undefined)) {
    throw new UsageError('--tls-cert and --tls-key go together');
  }
  return args;
}

/** parseArgs, strict, with its errors said the way the usage text speaks. */
function parseFlags(argv: readonly string[]): Record<string, string | boolean | string[] | undefined> {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const code = (error as { code?: string }).code;
    const named = /'([^' ]+)/.exec((error as Error).message)?.[1] ?? '';
    // A string flag at the end, or followed by another flag ("--smtp --verbose"), has no value.
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`${named} needs a value`);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new UsageError(`unknown argument: ${named}`);
    throw error;
  }
}

function parsePort(flag: string, text: string): number {
  // Number('') is 0: an empty port would quietly mean "any free port".
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 0 && port <= 65535)) throw new UsageError(`${flag}: "${text}" is not a port number (0-65535)`);
  return port;
}

function parseUser(text: string): UserSpec {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) throw new UsageError(`--user: expected NAME:PASSWORD, got "${text}"`);
  const name = text.slice(0, colon);
  if (!/^[^\s@:]+(@[a-z0-9.-]+)?$/i.test(name)) throw new UsageError(`--user: "${name}" is not a user name or address`);
  return { name, password: text.slice(colon + 1) };
}

function parseDomain(text: string): string {
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(text)) throw new UsageError(`--domain: "${text}" is not a domain name`);
  return text.toLowerCase();
}

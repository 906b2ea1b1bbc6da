/** The command line of `npm run serve`, parsed into ServeOptions (or a usage error). */
import type { UserSpec } from './serve-world.ts';
import { SERVICES, serviceByName, type ServiceName } from './services.ts';

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

export function parseServeArgs(argv: readonly string[]): ServeArgs {
  const args: ServeArgs = { bind: '127.0.0.1', users: [], plaintextAuth: false, verbose: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--help' || flag === '-h') args.help = true;
    else if (flag === '--plaintext-auth') args.plaintextAuth = true;
    else if (flag === '--verbose') args.verbose = true;
    else if (flag === '--host') args.bind = value();
    else if (flag === '--domain') args.domain = parseDomain(value());
    else if (flag === '--tls-cert') args.certFile = value();
    else if (flag === '--tls-key') args.keyFile = value();
    else if (flag === '--user') args.users.push(parseUser(value()));
    else if (flag.startsWith('--') && serviceByName(flag.slice(2))) {
      args.ports = { ...args.ports, [flag.slice(2)]: parsePort(flag, value()) };
    } else throw new UsageError(`unknown argument: ${flag}`);
  }
  if ((args.certFile === undefined) !== (args.keyFile === undefined)) {
    throw new UsageError('--tls-cert and --tls-key go together');
  }
  return args;
}

function parsePort(flag: string, text: string): number {
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

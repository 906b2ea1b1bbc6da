/**
 * `npm run serve`: the same engines the site runs, on real sockets, so real clients (smtplib,
 * curl, nodemailer, poplib, imaplib, imapflow, fetchmail) can talk to them. See `--help`.
 */
import { pathToFileURL } from 'node:url';
import { certificateFromFiles } from './certificate.ts';
import { parseServeArgs, usage, UsageError } from './serve-args.ts';
import { startServers } from './servers.ts';
import { SERVICES } from './services.ts';

export { startServers } from './servers.ts';
export type { RunningServers, ServeOptions } from './servers.ts';

async function main(argv: readonly string[]): Promise<void> {
  let args;
  try {
    args = parseServeArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`serve: ${error.message}\n\n${usage()}\n`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(usage() + '\n');
    return;
  }
  const running = await startServers({
    bind: args.bind,
    ports: args.ports,
    users: args.users,
    domain: args.domain,
    plaintextAuth: args.plaintextAuth,
    tls: args.certFile && args.keyFile ? certificateFromFiles(args.certFile, args.keyFile) : undefined,
    onEvent: args.verbose ? (session, event) => console.log(`${session} ${JSON.stringify(event)}`) : undefined,
    onMtaEvent: args.verbose ? (event) => console.log(`mta ${JSON.stringify(event)}`) : undefined,
  });
  if (running.mtaError) console.log(`mta not running (mail for other domains stays queued): ${running.mtaError}`);
  for (const { service, reason } of running.missing) console.log(`${service} not served: ${reason}`);
  if (Object.keys(running.ports).length === 0) {
    console.error('serve: no service could be started');
    process.exit(1);
  }
  for (const service of SERVICES) {
    const port = running.ports[service.name];
    if (port !== undefined) console.log(`${service.name} listening on ${hostPort(args.bind, port)}`);
  }
  const users = [...running.world.store.accounts.values()].filter((a) => running.host.domains.includes(a.domain));
  console.log(`serving ${running.host.name} for ${running.host.domains.join(', ')}; users: ${users.map((a) => a.address).join(', ')}`);
  const stop = (): void => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`serve: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}

/** POSIX shell quoting for exported commands, and the here-document that feeds a message. */

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One argument as the shell must see it: bare when safe, else in single quotes. */
export function shellQuote(arg: string): string {
  if (SAFE.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function shellLine(argv: readonly string[]): string {
  return argv.map(shellQuote).join(' ');
}

/** `argv <<'EOF'` with the text, choosing a delimiter no line of the text equals. */
export function withHereDoc(argv: readonly string[], text: string): string {
  const lines = text.replace(/\n$/, '').split('\n');
  let delimiter = 'EOF';
  for (let i = 2; lines.includes(delimiter); i++) delimiter = `EOF${i}`;
  return `${shellLine(argv)} <<'${delimiter}'\n${lines.join('\n')}\n${delimiter}`;
}

/** Whether a host is an IP literal (no SNI for those: RFC 6066 §3 "Literal IPv4 and IPv6 addresses are not permitted"). */
export function isIpLiteral(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');
}

/** host:port, with IPv6 in brackets. */
export function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

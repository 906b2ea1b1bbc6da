/**
 * `openssl s_client`: the TLS connection (implicit, or STARTTLS done by s_client itself), then the
 * session's lines to type. Checked against `openssl s_client -help` (OpenSSL 3.0).
 */
import type { MailProtocol, TlsMode } from '../../world/ports.ts';
import { hostPort, isIpLiteral, shellLine } from './shell.ts';
import type { ToolExport } from './types.ts';

export function opensslExport(protocol: MailProtocol, tls: TlsMode, host: string, port: number, typed: readonly string[], notes: readonly string[]): ToolExport {
  if (tls === 'none') {
    return {
      tool: 'openssl',
      commands: [],
      notes: [
        'This session never started TLS, and openssl s_client always speaks TLS. To type the same lines in plain text use ' +
          `\`nc -C ${host} ${port}\` or \`telnet ${host} ${port}\` instead.`,
      ],
    };
  }
  const argv = ['openssl', 's_client', '-connect', hostPort(host, port)];
  // s_client sends the STARTTLS/STLS command itself and waits for the go-ahead (RFC 3207, 2595).
  if (tls === 'starttls') argv.push('-starttls', protocol);
  if (!isIpLiteral(host)) argv.push('-servername', host);
  argv.push('-crlf', '-nocommands');
  return {
    tool: 'openssl',
    commands: [{ title: 'Connect with TLS, then type these lines', argv, shell: shellLine(argv), typed: [...typed] }],
    notes: [
      '-crlf sends CRLF line ends, as the mail RFCs require. -nocommands matters: without it s_client takes a typed line ' +
        'starting with R as "renegotiate" and one starting with Q as "quit" (RCPT TO, QUIT), and never sends it.',
      ...(tls === 'starttls' ? [`-starttls ${protocol} makes s_client greet and send STARTTLS itself, so the lines start after it.`] : []),
      's_client prints the certificate check and goes on even when it fails; with your own server\'s real certificate "Verify return code: 0 (ok)" is what you should see.',
      ...notes,
    ],
  };
}

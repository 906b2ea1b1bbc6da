/** Export a mail session as swaks, openssl s_client and curl commands (see ./types.ts). */
import { portSpec, type MailProtocol, type TlsMode } from '../../world/ports.ts';
import { exportImap } from './imap.ts';
import { exportPop3 } from './pop3.ts';
import { exportSmtp } from './smtp.ts';
import type { ExportLine, ExportOptions, ExportSession, ToolExport } from './types.ts';

export type { ExportLine, ExportOptions, ExportSession, ToolCommand, ToolExport, Tool } from './types.ts';
export { PASSWORD_PLACEHOLDER } from './types.ts';

const STARTTLS_VERB: Record<MailProtocol, RegExp> = { smtp: /^STARTTLS$/i, pop3: /^STLS$/i, imap: /^\S+ STARTTLS$/i };

/** How a recorded session got TLS: its port's implicit TLS (RFC 8314), or a STARTTLS it sent. */
export function tlsModeOf(protocol: MailProtocol, port: number, lines: readonly ExportLine[]): TlsMode {
  if (portSpec(port)?.tls === 'implicit') return 'implicit';
  return lines.some((l) => l.direction === 'client' && STARTTLS_VERB[protocol].test(l.text.trim())) ? 'starttls' : 'none';
}

export function exportSession(session: ExportSession, options: ExportOptions): ToolExport[] {
  if (session.protocol === 'smtp') return exportSmtp(session, options);
  if (session.protocol === 'pop3') return exportPop3(session, options);
  return exportImap(session, options);
}

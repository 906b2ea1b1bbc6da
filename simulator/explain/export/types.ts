/**
 * A session exported as the commands a sysadmin would run: swaks, openssl s_client and curl.
 * The input is what the lab (or a live session) recorded: the protocol, where it connected, how
 * TLS started, and the lines each side sent, in order.
 */
import type { MailProtocol, TlsMode } from '../../world/ports.ts';

export interface ExportLine {
  direction: 'client' | 'server';
  text: string;
}

export interface ExportSession {
  protocol: MailProtocol;
  host: string;
  port: number;
  tls: TlsMode;
  lines: readonly ExportLine[];
}

export interface ExportOptions {
  /** Where the commands connect (default: the session's own). */
  host: string;
  port: number;
  /** Put the session's password in the commands; otherwise PASSWORD_PLACEHOLDER stands in. */
  includePassword: boolean;
}

export type Tool = 'swaks' | 'openssl' | 'curl';

export interface ToolCommand {
  /** What this command does, in one sentence. */
  title: string;
  /** argv without the shell: what a test runs. */
  argv: readonly string[];
  /** Bytes the command reads on its standard input (a here-document in `shell`). */
  stdin?: string;
  /** The command line as pasted into a POSIX shell. */
  shell: string;
  /** Lines the learner types once connected (openssl s_client). */
  typed?: readonly string[];
}

export interface ToolExport {
  tool: Tool;
  commands: ToolCommand[];
  /** What the tool cannot express, step by step, and anything the learner must know. */
  notes: string[];
}

/** Stands in for the password unless the learner asks for theirs. */
export const PASSWORD_PLACEHOLDER = 'PASSWORD';

/** Decoded login of a session, whichever command carried it. */
export interface Credentials {
  mechanism: 'PLAIN' | 'LOGIN' | 'USER' | 'IMAP-LOGIN' | 'OTHER';
  /** The mechanism's name as the client sent it (CRAM-MD5, APOP, …), for notes. */
  name: string;
  user: string;
  password: string | null;
}

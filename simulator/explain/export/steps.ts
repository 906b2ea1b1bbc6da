/**
 * A transcript read as commands: each client command with what the client sent in answer to the
 * server's continuations (SASL responses, IDLE's DONE, the DATA lines) and the reply that ended it.
 * Works from the order of the lines alone, as the lab records them.
 */
import type { MailProtocol } from '../../world/ports.ts';
import type { ExportLine } from './types.ts';

export interface Step {
  /** The command line as typed. */
  line: string;
  /** IMAP: the tag. */
  tag: string;
  /** Upper-case verb; IMAP `UID FETCH` is `UID FETCH`. */
  verb: string;
  /** What follows the verb. */
  args: string;
  /** Client lines sent after the server's continuation: SASL responses, DONE, IMAP literal data. */
  continuation: string[];
  /** SMTP DATA: the message lines as sent (still dot-stuffed), without the final ".". */
  data: string[] | null;
  /** IMAP: the command carried a literal ({n}). */
  literal: boolean;
  /** The reply that ended the step, or null when none came. */
  reply: string | null;
  ok: boolean;
}

/** RFC 5321 §4.2: 3yz asks for more (334 AUTH, 354 DATA); RFC 1939/5034 and RFC 9051 §7.5: "+". */
function isContinuation(protocol: MailProtocol, step: Step, line: string): boolean {
  if (protocol === 'smtp') return /^3\d\d(?: |$)/.test(line);
  if (protocol === 'pop3') return step.verb === 'AUTH' && /^\+(?: |$)/.test(line);
  return /^\+(?: |$)/.test(line);
}

function isFinal(protocol: MailProtocol, step: Step, line: string): boolean {
  if (protocol === 'smtp') return /^[245]\d\d(?: |$)/.test(line);
  if (protocol === 'pop3') return /^(\+OK|-ERR)/.test(line);
  return line.toUpperCase().startsWith(`${step.tag.toUpperCase()} `) && /^\S+ (OK|NO|BAD)\b/i.test(line);
}

function isOk(protocol: MailProtocol, line: string): boolean {
  if (protocol === 'smtp') return /^2/.test(line);
  if (protocol === 'pop3') return line.startsWith('+OK');
  return /^\S+ OK\b/i.test(line);
}

function parseCommand(protocol: MailProtocol, line: string): Step {
  const step: Step = { line, tag: '', verb: '', args: '', continuation: [], data: null, literal: false, reply: null, ok: false };
  let rest = line;
  if (protocol === 'imap') {
    const space = rest.indexOf(' ');
    step.tag = space < 0 ? rest : rest.slice(0, space);
    rest = space < 0 ? '' : rest.slice(space + 1);
  }
  const m = /^(\S*)\s?(.*)$/.exec(rest)!;
  step.verb = m[1]!.toUpperCase();
  step.args = m[2]!;
  if (protocol === 'imap' && step.verb === 'UID') {
    const sub = /^(\S*)\s?(.*)$/.exec(step.args)!;
    step.verb = `UID ${sub[1]!.toUpperCase()}`;
    step.args = sub[2]!;
  }
  return step;
}

/** RFC 9051 §4.3: a literal announces its octet count at the end of a line, `{n}` or `{n+}`. */
function literalLength(line: string): number | null {
  const m = /\{(\d+)\+?\}$/.exec(line);
  return m ? Number(m[1]) : null;
}

export function readSteps(protocol: MailProtocol, lines: readonly ExportLine[]): Step[] {
  const steps: Step[] = [];
  const open: Step[] = [];
  let continuing: Step | null = null;
  let literalLeft: number | null = null;
  let literalStep: Step | null = null;
  for (const { direction, text } of lines) {
    if (direction === 'client') {
      if (literalLeft !== null && literalStep) {
        // The literal's octets, then perhaps the rest of the command on the same line.
        literalStep.continuation.push(text);
        const size = new TextEncoder().encode(text).length;
        if (literalLeft >= size + 2) literalLeft -= size + 2;
        else {
          literalLeft = literalLength(text);
          if (literalLeft === null) literalStep = null;
        }
        continue;
      }
      if (continuing?.verb === 'DATA') {
        if (text === '.') continuing = null;
        else continuing.data!.push(text);
        continue;
      }
      if (continuing) {
        continuing.continuation.push(text);
        continuing = null;
        continue;
      }
      const step = parseCommand(protocol, text);
      steps.push(step);
      open.push(step);
      if (protocol === 'imap') {
        literalLeft = literalLength(text);
        literalStep = literalLeft === null ? null : step;
        step.literal = literalLeft !== null;
      }
      continue;
    }
    const head = protocol === 'imap' ? open.find((s) => isFinal(protocol, s, text)) ?? open[0] : open[0];
    if (!head) continue;
    if (isFinal(protocol, head, text)) {
      head.reply = text;
      head.ok = isOk(protocol, text);
      open.splice(open.indexOf(head), 1);
      if (continuing === head) continuing = null;
    } else if (!head.literal && isContinuation(protocol, head, text)) {
      continuing = head;
      if (head.verb === 'DATA') head.data = [];
    }
  }
  return steps;
}

/** SMTP §4.5.2: the client doubled a leading "."; the tools that send a body do it themselves. */
export function unstuff(line: string): string {
  return line.startsWith('.') ? line.slice(1) : line;
}

/**
 * The SMTP client's outgoing side: commands written, the replies still owed for them (counted,
 * as RFC 2920 §3.1 requires), the state they put the client in, and its per-command timer.
 */
import type { Output } from '../engine.ts';
import { utf8Bytes } from '../wire/bytes.ts';
import { CLIENT_TIMEOUTS, canTransition, type SmtpClientState } from './client-state.ts';
import type { SmtpClientEvent } from './client-types.ts';

/** A command whose reply is still to come. */
export interface Awaiting {
  state: Exclude<SmtpClientState, 'done' | 'tls-handshake'>;
  /** Which recipient, for RCPT. */
  index?: number;
}

export type ClientOutput = Output<SmtpClientEvent>;

export abstract class ClientPipe {
  state: SmtpClientState = 'greeting';
  protected readonly awaiting: Awaiting[] = [];
  protected now = 0;
  /** When the reply at the head of `awaiting` is overdue (RFC 5321 §4.5.3.2). */
  protected deadline: number | null = null;
  private out: ClientOutput[] = [];

  protected send(line: string, awaiting: Awaiting): void {
    this.write(utf8Bytes(line + '\r\n'));
    this.expect(awaiting);
  }

  protected write(bytes: Uint8Array): void {
    this.out.push({ type: 'write', bytes });
  }

  protected output(out: ClientOutput): void {
    this.out.push(out);
  }

  protected expect(awaiting: Awaiting): void {
    this.awaiting.push(awaiting);
    if (this.awaiting.length === 1) this.setState(awaiting.state);
  }

  /** Moves along the transition table (our own bug if it is not there) and re-arms the timer. */
  protected setState(to: SmtpClientState): void {
    if (to !== this.state) {
      if (!canTransition(this.state, to)) throw new Error(`SmtpClient: no transition ${this.state} → ${to}`);
      this.emit({ kind: 'state', from: this.state, to });
      this.state = to;
    }
    if (to !== 'done' && to !== 'tls-handshake') {
      const at = this.now + CLIENT_TIMEOUTS[to];
      if (at !== this.deadline) this.out.push({ type: 'timer', at });
      this.deadline = at;
    }
  }

  protected emit(event: SmtpClientEvent): void {
    this.out.push({ type: 'event', event });
  }

  protected flush(): ClientOutput[] {
    const out = this.out;
    this.out = [];
    return out;
  }
}

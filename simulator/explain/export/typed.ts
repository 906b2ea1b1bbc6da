/** The client's lines as the learner typed them, from a given step on, with the password handled. */
import { retypeWithPassword } from './credentials.ts';
import type { Step } from './steps.ts';
import type { Credentials } from './types.ts';

export interface Login {
  credentials: Credentials;
  /** The steps that carried the password (PASS, LOGIN, AUTH…). */
  steps: readonly Step[];
}

export function typedLines(steps: readonly Step[], login: Login | null, shown: string): string[] {
  const out: string[] = [];
  for (const step of steps) {
    const typed = step.data ? [step.line, ...step.data, '.'] : [step.line, ...step.continuation];
    out.push(...(login && login.steps.includes(step) ? retypeWithPassword(step, typed, login.credentials, shown) : typed));
  }
  return out;
}

/** Every page's exercises and snippets, by page and by id. */
import type { Exercise, SetupExercise, Snippet } from './types.ts';
import * as terminal from './pages/terminal.ts';
import * as journey from './pages/journey.ts';
import * as smtp from './pages/smtp.ts';
import * as smtpExtensions from './pages/smtp-extensions.ts';
import * as pop3 from './pages/pop3.ts';
import * as imap from './pages/imap.ts';
import * as imapDepth from './pages/imap-depth.ts';
import * as ports from './pages/ports.ts';
import * as tls from './pages/tls.ts';
import * as troubleshooting from './pages/troubleshooting.ts';
import * as mailClientSetup from './pages/mail-client-setup.ts';
import * as pop3VsImap from './pages/pop3-vs-imap.ts';

interface PageData {
  exercises: Exercise[];
  snippets: Snippet[];
}

/** Keyed by the page's slug under /learn/. */
/** In the order of the sidebar (each page's `sidebar.order`). */
export const PAGES: Record<string, PageData> = {
  'using-the-terminal': terminal,
  'how-email-travels': journey,
  ports,
  smtp,
  'smtp-extensions': smtpExtensions,
  pop3,
  imap,
  'imap-in-depth': imapDepth,
  tls,
  'pop3-vs-imap': pop3VsImap,
  'mail-client-setup': mailClientSetup,
  troubleshooting,
};

export const EXERCISES: readonly Exercise[] = Object.values(PAGES).flatMap((p) => p.exercises);
export const SNIPPETS: readonly Snippet[] = Object.values(PAGES).flatMap((p) => p.snippets);
/** The exercises done in a page's account dialog rather than its terminal. */
export const SETUP_EXERCISES: readonly SetupExercise[] = mailClientSetup.setupExercises;
/** The exercises done with the POP3-or-IMAP practice, checked against the compare scenario. */
export const PRACTICE_EXERCISES = pop3VsImap.practiceExercises;
/** Every exercise the progress counter counts. */
export const EXERCISE_COUNT = EXERCISES.length + SETUP_EXERCISES.length + PRACTICE_EXERCISES.length;

export function exerciseById(id: string): Exercise {
  const found = EXERCISES.find((e) => e.id === id);
  if (!found) throw new Error(`no exercise "${id}"`);
  return found;
}

export function snippetById(id: string): Snippet {
  const found = SNIPPETS.find((s) => s.id === id);
  if (!found) throw new Error(`no snippet "${id}"`);
  return found;
}

/**
 * Page 10, POP3 or IMAP?: exercises done with the page's two-column practice (the /compare/
 * page's Scenario). Each solution is the buttons pressed; the check reads the Scenario's state.
 */
import type { Scenario } from '../../../simulator/scenarios/compare-scenario.ts';
import type { PracticeStep } from '../../components/pop3-imap/steps.ts';
import { fail, pass } from '../checks.ts';
import type { CheckResult, Exercise, Snippet, StartWorld } from '../types.ts';

export const exercises: Exercise[] = [];
export const snippets: Snippet[] = [];

export interface PracticeExercise {
  id: string;
  start: StartWorld;
  title: string;
  goal: string;
  hints: string[];
  solution: PracticeStep[];
  wrong: PracticeStep[];
  check: (scenario: Scenario) => CheckResult;
}

/** A device's transcript holds a server line matching `pattern`. */
function heard(scenario: Scenario, side: 'pop3' | 'imap', pattern: RegExp): boolean {
  return (['laptop', 'phone'] as const).some((d) => scenario[side][d].transcript.lines.some((l) => l.direction === 'S' && pattern.test(l.text)));
}

export const practiceExercises: PracticeExercise[] = [
  {
    id: 'compare-read-sync',
    start: 'default',
    title: 'Read on the phone, look on the laptop',
    goal: 'On both sides, get the same messages onto the laptop and the phone, read one on the phone, then let the laptop check again. Find the side where the laptop learns that it was read.',
    hints: [
      'Both devices need the message first: check mail on each. On the POP3 side, the phone keeps a copy on the server; the laptop does not.',
      'Reading is a change on one device; only a protocol with flags on the server can tell the other one.',
      'The verdict "read state agrees" is what is checked.',
    ],
    solution: [
      { do: 'check', side: 'pop3', device: 'phone' }, { do: 'check', side: 'pop3', device: 'laptop' }, { do: 'read', side: 'pop3', device: 'phone' }, { do: 'check', side: 'pop3', device: 'laptop' },
      { do: 'check', side: 'imap', device: 'laptop' }, { do: 'check', side: 'imap', device: 'phone' }, { do: 'read', side: 'imap', device: 'phone' }, { do: 'check', side: 'imap', device: 'laptop' },
    ],
    wrong: [{ do: 'check', side: 'pop3', device: 'phone' }, { do: 'check', side: 'pop3', device: 'laptop' }, { do: 'check', side: 'imap', device: 'laptop' }, { do: 'check', side: 'imap', device: 'phone' }],
    check: (s) => {
      const v = s.verdict();
      if (v.imap.readStateAgrees.value !== true) return fail('Not yet: the two IMAP devices do not both hold a message read on one of them.');
      if (v.pop3.readStateAgrees.value !== false) return fail('Not yet: the POP3 devices still agree on what is read. Read a message on the POP3 phone after both have it, then check the laptop.');
      return pass('Done: the IMAP laptop shows the message as read (the \\Seen flag is on the server); the POP3 laptop does not.');
    },
  },
  {
    id: 'compare-lose-laptop',
    start: 'default',
    title: 'What if the laptop is stolen?',
    goal: 'Check mail on the laptop of each side, then look at the verdict: on which side would losing the laptop lose mail?',
    hints: ['The POP3 laptop is set up as most desktop programs were: no copy left on the server.', 'An IMAP device keeps a copy; the server keeps the mail.'],
    solution: [{ do: 'check', side: 'pop3', device: 'laptop' }, { do: 'check', side: 'imap', device: 'laptop' }],
    wrong: [{ do: 'check', side: 'pop3', device: 'phone' }, { do: 'check', side: 'imap', device: 'laptop' }],
    check: (s) => {
      const v = s.verdict();
      const lost = v.pop3.survivesLosingLaptop.value.lost;
      if (lost === 0) return fail('Not yet: the POP3 server still has everything the laptop has.');
      return v.imap.survivesLosingLaptop.value.lost === 0 && s.imap.laptop.messages().length > 0
        ? pass(`Done: ${lost} message${lost === 1 ? '' : 's'} would be lost with the POP3 laptop; none with IMAP.`)
        : fail('Not yet: check mail on the IMAP laptop too.');
    },
  },
  {
    id: 'compare-in-use',
    start: 'default',
    title: 'Two devices, one maildrop',
    goal: 'Make both POP3 devices check mail at the same moment, and find the reply that turns one of them away. Then do the same on the IMAP side.',
    hints: ['A POP3 server locks the maildrop for the session that logged in (RFC 1939 §4).', 'The refusal is an -ERR with a response code in brackets (RFC 2449 §8.1.2); it is temporary.'],
    solution: [{ do: 'both', side: 'pop3' }, { do: 'both', side: 'imap' }],
    wrong: [{ do: 'check', side: 'pop3', device: 'laptop' }, { do: 'check', side: 'pop3', device: 'phone' }, { do: 'both', side: 'imap' }],
    check: (s) => {
      if (!heard(s, 'pop3', /^-ERR \[IN-USE\]/)) return fail('Not yet: no POP3 device was told -ERR [IN-USE].');
      if (!s.imap.laptop.idling || !s.imap.phone.idling) return fail('Not yet: the IMAP devices are not both connected. Try both at once on the IMAP side.');
      return pass('Done: POP3 turned one device away with -ERR [IN-USE]; both IMAP devices are connected at once.');
    },
  },
];

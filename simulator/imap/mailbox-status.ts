/** STATUS data items of a mailbox (RFC 9051 §6.3.11 and §7.3.3), shared by STATUS and LIST-STATUS. */
import type { Mailbox } from '../store/mailbox.ts';
import type { StatusItem } from './parse/ast.ts';
import { unclaimedRecent } from './recent.ts';
import type { SessionView } from './session-view.ts';

function countFlag(box: Mailbox, flag: string, has: boolean): number {
  let n = 0;
  for (const m of box.messages) if (m.flags.has(flag) === has) n++;
  return n;
}

/**
 * `MESSAGES 3 UIDNEXT 4 ...` in the order asked. For the session's own selected mailbox,
 * RECENT is what this session holds as \Recent.
 */
export function statusValues(box: Mailbox, items: readonly StatusItem[], view: SessionView | null): string {
  const own = view && view.mailbox === box ? view : null;
  return items
    .map((item) => {
      switch (item) {
        case 'MESSAGES':
          return `MESSAGES ${box.messages.length}`;
        case 'UIDNEXT':
          return `UIDNEXT ${box.uidNext}`;
        case 'UIDVALIDITY':
          return `UIDVALIDITY ${box.uidValidity}`;
        case 'UNSEEN':
          return `UNSEEN ${countFlag(box, '\\Seen', false)}`;
        case 'DELETED':
          return `DELETED ${countFlag(box, '\\Deleted', true)}`; // RFC 9051 §6.3.11
        case 'SIZE':
          return `SIZE ${box.size}`; // RFC 8438
        case 'RECENT':
          return `RECENT ${own ? own.recentCount : unclaimedRecent(box)}`; // RFC 3501 §6.3.10
      }
    })
    .join(' ');
}

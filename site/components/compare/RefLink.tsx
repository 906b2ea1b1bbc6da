/** A link to the transcript line behind a fact or a result; plain text when there is none. */
import type { MouseEvent, ReactNode } from 'react';
import { jumpToLine, lineDomId, parseRef } from './line-target.ts';

const WHO: Record<string, string> = {
  'pop3-laptop': 'POP3 laptop',
  'pop3-phone': 'POP3 phone',
  'imap-laptop': 'IMAP laptop',
  'imap-phone': 'IMAP phone',
  'smtp-carol': 'Carol’s SMTP',
};

export function refLabel(ref: string): string {
  const { transcript, line } = parseRef(ref);
  return `${WHO[transcript] ?? transcript} line ${line}`;
}

export function RefLink({ refId, children }: { refId: string | null; children: ReactNode }) {
  if (refId === null) return <span>{children}</span>;
  const onClick = (e: MouseEvent<HTMLAnchorElement>): void => {
    if (jumpToLine(refId)) e.preventDefault();
  };
  return (
    <a className="mw-cmp-ref" href={`#${lineDomId(refId)}`} onClick={onClick} data-ref={refId}>
      {children}
      <span className="mw-cmp-ref-where"> ({refLabel(refId)})</span>
    </a>
  );
}

/**
 * One device's transcript: every command it sent (C:) and reply it read (S:), and its own
 * remarks, collapsed by default. Each line has an id a verdict cell can link to.
 */
import { memo, useEffect, useRef, useState } from 'react';
import type { TranscriptLine } from '../../../simulator/clients/transcript.ts';
import { lineDomId, paneDomId } from './line-target.ts';

/** The RFCs' own notation (RFC 5321 §D, RFC 1939 §10): C: the client sent it, S: the server. */
const MARK = { C: 'C:', S: 'S:', note: '--' } as const;

function Line({ line }: { line: TranscriptLine }) {
  return (
    <li id={lineDomId(line.id)} data-dir={line.direction} tabIndex={-1}>
      <span className="mw-cmp-dir">{MARK[line.direction]}</span> {line.text}
      {line.detail !== undefined && (
        <details className="mw-cmp-detail">
          <summary>show the content</summary>
          <pre>{line.detail}</pre>
        </details>
      )}
    </li>
  );
}

const MemoLine = memo(Line);

/** Lines are only in the page while the pane is open: five long transcripts are thousands of nodes. */
export function TranscriptPane({ name, title, lines }: { name: string; title: string; lines: readonly TranscriptLine[] }) {
  const [open, setOpen] = useState(false);
  const list = useRef<HTMLOListElement>(null);
  const pinned = useRef(true);
  // Follow new lines while the reader is at the bottom; stay put once they scroll up.
  useEffect(() => {
    const el = list.current;
    if (el && pinned.current && !el.querySelector('.is-target')) el.scrollTop = el.scrollHeight;
  }, [lines.length, open]);
  const onScroll = (): void => {
    const el = list.current;
    if (el) pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
  };
  return (
    <details className="mw-cmp-transcript" id={paneDomId(name)} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {title}: {lines.length} line{lines.length === 1 ? '' : 's'}
      </summary>
      <p className="mw-cmp-legend">C: the device sent it · S: the server replied · -- what the device noted</p>
      <ol ref={list} onScroll={onScroll} tabIndex={0} aria-label={`${title}, ${lines.length} lines`} data-transcript={name}>
        {open && lines.map((line) => <MemoLine key={line.id} line={line} />)}
      </ol>
    </details>
  );
}

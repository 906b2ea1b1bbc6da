/**
 * /explain/: paste a transcript, see it explained like the lab explains a session. Everything
 * happens in this page: nothing pasted is sent anywhere.
 */
import { useEffect, useRef, useState } from 'react';
import { citation } from '../../../simulator/explain/rfc.ts';
import { FORMAT_NAMES } from '../../../simulator/explain/transcript/types.ts';
import type { Span } from '../../../simulator/explain/types.ts';
import type { Callout, ExplainedLine, ExplainedTranscript } from './analyze.ts';
import { EXAMPLES } from './examples.ts';
import { masked } from './secrets.ts';

/** The explainer and its knowledge base load on the first Explain, keeping the page's first load small. */
async function explainLater(text: string): Promise<{ result: ExplainedTranscript; lab: string | null }> {
  const [{ explainTranscript }, { labPath }] = await Promise.all([import('./analyze.ts'), import('./open-in-lab.ts')]);
  const result = explainTranscript(text);
  return { result, lab: labPath(result) };
}

const SIDE_LABEL = { client: 'C', server: 'S', note: '·' } as const;
const SIDE_TITLE = { client: 'client to server', server: 'server to client', note: "the tool's own line" } as const;

function LineText({ line, reveal }: { line: ExplainedLine; reveal: boolean }) {
  const secret = reveal ? null : line.secret;
  if (line.spans.length === 0) return <span>{masked(line.text, secret)}</span>;
  return (
    <>
      {line.spans.map((span: Span, i) => {
        const hidden = secret !== null && span.start < secret.end && span.end > secret.start;
        const text = hidden ? masked(span.text, { start: Math.max(0, secret.start - span.start), end: Math.min(span.text.length, secret.end - span.start), encoding: secret.encoding }) : span.text;
        const title = span.explanation ? `${span.explanation.title}: ${span.explanation.meaning}` : undefined;
        return (
          <span key={i} className={`xp-tok xp-tok--${span.kind}`} title={title}>
            {text}
          </span>
        );
      })}
    </>
  );
}

function CalloutView({ c }: { c: Callout }) {
  return (
    <div className={`xp-callout xp-callout--${c.tone}`} role="note">
      <strong>{c.title}</strong> {c.text}
      {c.quote && <q>{c.quote}</q>}{' '}
      <a href={c.rfc.url} target="_blank" rel="noreferrer">{citation(c.rfc)}</a>
    </div>
  );
}

function Details({ line, reveal, inline }: { line: ExplainedLine; reveal: boolean; inline: boolean }) {
  const explained = line.spans.filter((s) => s.explanation);
  const box = useRef<HTMLDivElement>(null);
  // Under the line on a narrow screen: make sure the learner sees what the tap opened.
  useEffect(() => {
    if (inline) box.current?.scrollIntoView({ block: 'nearest' });
  }, [inline, line]);
  return (
    <div className="xp-details" data-testid="line-details" ref={box}>
      <p className="xp-details__line"><code><LineText line={line} reveal={reveal} /></code></p>
      {line.secret?.user !== undefined && <p>SASL PLAIN: user <code>{line.secret.user}</code>, password {reveal ? 'shown above' : 'hidden'} (RFC 4616 §2).</p>}
      {explained.length === 0 && <p>Nothing in this line has an entry of its own: it is data (message text, a literal) or free text.</p>}
      <dl>
        {explained.map((s, i) => (
          <div key={i}>
            <dt><code>{s.text}</code> — {s.explanation!.title}</dt>
            <dd>
              {s.explanation!.meaning} <a href={s.explanation!.rfc.url} target="_blank" rel="noreferrer">{citation(s.explanation!.rfc)}</a>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** Wide screens show the selected line's details beside the list; narrow ones under the line itself. */
function useWide(): boolean {
  const query = '(min-width: 72rem)';
  const [wide, setWide] = useState(() => typeof matchMedia !== 'undefined' && matchMedia(query).matches);
  useEffect(() => {
    const m = matchMedia(query);
    const on = (): void => setWide(m.matches);
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, []);
  return wide;
}

export default function ExplainTranscript() {
  const wide = useWide();
  // Until React has hydrated the form, typing would be reset: tests and people wait for "ready".
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const [paste, setPaste] = useState('');
  const [explained, setExplained] = useState<{ result: ExplainedTranscript; lab: string | null } | null>(null);
  const [reveal, setReveal] = useState(false);
  const [showNotes, setShowNotes] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const result = explained?.result ?? null;
  const lab = explained?.lab ?? null;
  const lines = result ? result.lines.filter((l) => showNotes || l.side !== 'note') : [];
  const notes = result ? result.lines.filter((l) => l.side === 'note').length : 0;
  const chosen = selected !== null ? result?.lines[selected] : undefined;
  const summary = useRef<HTMLParagraphElement>(null);
  const [runs, setRuns] = useState(0);
  // The result appears below the form: bring it into view and move focus there, after each run.
  useEffect(() => {
    if (runs === 0) return;
    summary.current?.scrollIntoView({ block: 'start', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    summary.current?.focus({ preventScroll: true });
  }, [runs]);

  const explain = (text: string): void => {
    void explainLater(text).then((done) => {
      setExplained(done);
      setSelected(null);
      setRuns((n) => n + 1);
    });
  };

  return (
    <div className="xp" data-status={ready ? 'ready' : 'loading'}>
      <form
        className="xp-form"
        onSubmit={(e) => {
          e.preventDefault();
          explain(paste);
        }}
      >
        <label htmlFor="xp-paste">Paste a transcript</label>
        <textarea id="xp-paste" value={paste} onChange={(e) => setPaste(e.target.value)} rows={10} spellCheck={false} placeholder={'S: 220 mail.example.com ESMTP\nC: EHLO laptop.example.com\n…'} />
        <div className="xp-row">
          <button type="submit">Explain</button>
          <label>
            Or try{' '}
            <select
              value=""
              onChange={(e) => {
                const ex = EXAMPLES.find((x) => x.id === e.target.value);
                if (ex) {
                  setPaste(ex.text);
                  explain(ex.text);
                }
              }}
            >
              <option value="">an example…</option>
              {EXAMPLES.map((x) => (
                <option key={x.id} value={x.id}>{x.label}</option>
              ))}
            </select>
          </label>
          <label><input type="checkbox" checked={reveal} onChange={(e) => setReveal(e.target.checked)} /> Show passwords</label>
        </div>
      </form>

      {result && (
        <section className="xp-result" aria-label="The transcript, explained" data-testid="explained">
          <p className="xp-summary" data-testid="xp-summary" ref={summary} tabIndex={-1}>
            Read as {FORMAT_NAMES[result.parsed.format]}
            {result.parsed.protocol ? `, ${result.parsed.protocol.toUpperCase()}` : ''}
            {result.parsed.port !== undefined ? `, port ${result.parsed.port}` : ''}
            {result.parsed.implicitTls ? ', TLS from the first byte' : ''}.{' '}
            {lab && <a href={lab} data-testid="open-in-lab">Open in the lab</a>}
            {lab && <span className="xp-hint"> (the client's lines against the simulator; passwords become PASSWORD)</span>}
          </p>
          {result.parsed.warnings.map((w) => (
            <p key={w} className="xp-warning" role="status">{w}</p>
          ))}
          {notes > 0 && (
            <label className="xp-notes-toggle"><input type="checkbox" checked={showNotes} onChange={(e) => setShowNotes(e.target.checked)} /> Show the tool's own lines ({notes})</label>
          )}
          <div className="xp-body">
            <ol className="xp-lines">
              {lines.map((line) => {
                const index = result.lines.indexOf(line);
                return (
                  <li key={`${line.n}-${index}`} className={`xp-line xp-line--${line.side}`} data-side={line.side}>
                    <button type="button" className="xp-line__main" aria-pressed={selected === index} onClick={() => setSelected(index)}>
                      <span className="xp-n">{line.n}</span>
                      <span className="xp-side" title={SIDE_TITLE[line.side]} aria-label={SIDE_TITLE[line.side]}>{SIDE_LABEL[line.side]}</span>
                      <span className="xp-tls" title={line.tls ? 'inside TLS' : undefined}>{line.side !== 'note' && line.tls ? '🔒' : ''}</span>
                      <code className="xp-text"><LineText line={line} reveal={reveal} /></code>
                      <span className="xp-state" title="state after this line">{line.state ?? ''}</span>
                    </button>
                    {line.callouts.map((c, i) => <CalloutView key={i} c={c} />)}
                    {!wide && selected === index && <Details line={line} reveal={reveal} inline />}
                  </li>
                );
              })}
            </ol>
            {wide && (
              <aside className="xp-aside" aria-label="The selected line">
                {chosen ? <Details line={chosen} reveal={reveal} inline={false} /> : <p className="xp-hint">Select a line to see each of its parts explained.</p>}
              </aside>
            )}
          </div>
        </section>
      )}
    </div>
  );
}

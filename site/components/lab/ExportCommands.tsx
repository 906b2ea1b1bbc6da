/**
 * "Export as commands": the followed session as swaks, openssl s_client and curl invocations
 * (simulator/explain/export/), with the host and port editable, the password a placeholder unless
 * the learner ticks the box, and a copy button per command.
 */
import { useRef, useState } from 'react';
import { exportSession, tlsModeOf, type ExportLine, type ExportSession, type ToolExport } from '../../../simulator/explain/export/index.ts';
import { upgradeVerb, type MailProtocol } from '../../../simulator/world/ports.ts';
import './export.css';

const TOOL_NAMES: Record<ToolExport['tool'], string> = { swaks: 'swaks', openssl: 'openssl s_client', curl: 'curl' };

function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const copy = (): void => {
    void navigator.clipboard
      ?.writeText(text)
      .then(() => {
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      })
      .catch(() => {});
  };
  return (
    <button type="button" className="mw-export__copy" onClick={copy} aria-label={label}>
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}

function ToolSection({ exported }: { exported: ToolExport }) {
  const name = TOOL_NAMES[exported.tool];
  return (
    <section className="mw-export__tool" data-tool={exported.tool} aria-label={name}>
      <h4>{name}</h4>
      {exported.commands.map((c, i) => (
        <div key={i} className="mw-export__command">
          <p>{c.title}</p>
          <div className="mw-export__code">
            <pre data-testid={`export-${exported.tool}`}>{c.shell}</pre>
            <CopyButton text={c.shell} label={`Copy the ${name} command: ${c.title}`} />
          </div>
          {c.typed && c.typed.length > 0 && (
            <>
              <p>then type:</p>
              <div className="mw-export__code">
                <pre>{c.typed.join('\n')}</pre>
                <CopyButton text={c.typed.join('\n')} label={`Copy the lines to type into ${name}`} />
              </div>
            </>
          )}
        </div>
      ))}
      {exported.notes.length > 0 && (
        <ul className="mw-export__notes">
          {exported.notes.map((n) => (
            <li key={n}>
              {n.split('`').map((part, j) => (j % 2 ? <code key={j}>{part}</code> : part))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A recorded session (the lab's tracker, the live page's transcript) as the exporter's input. */
export function exportInput(protocol: MailProtocol, host: string, port: number, recorded: ReadonlyArray<{ direction: string; text: string }>): ExportSession {
  const lines = recorded.flatMap(({ direction, text }): ExportLine[] => (direction === 'client' || direction === 'server' ? [{ direction, text }] : []));
  return { protocol, host, port, tls: tlsModeOf(protocol, port, lines), lines };
}

function ExportBody({ input }: { input: ExportSession }) {
  const session = input;
  const [host, setHost] = useState(session.host);
  const [port, setPort] = useState(String(session.port));
  const [includePassword, setIncludePassword] = useState(false);
  const portNumber = /^\d{1,5}$/.test(port) && Number(port) <= 65535 ? Number(port) : null;
  const exported = portNumber === null || host.trim() === '' ? null : exportSession(input, { host: host.trim(), port: portNumber, includePassword });
  return (
    <>
      <div className="mw-export__options">
        <label>
          Host <input value={host} onChange={(e) => setHost(e.target.value)} spellCheck={false} autoCapitalize="off" data-testid="export-host" />
        </label>
        <label>
          Port <input value={port} onChange={(e) => setPort(e.target.value)} inputMode="numeric" size={6} data-testid="export-port" />
        </label>
        <label>
          <input type="checkbox" checked={includePassword} onChange={(e) => setIncludePassword(e.target.checked)} /> include my password
        </label>
      </div>
      <p className="lab-note">
        The session was {session.protocol.toUpperCase()} to <code>{session.host}:{session.port}</code>
        {input.tls === 'implicit' ? ' with TLS from the start' : input.tls === 'starttls' ? ` upgraded with ${upgradeVerb(session.protocol)}` : ' without TLS'}. Point the
        commands at your own server by editing the host and port.
      </p>
      {exported ? exported.map((t) => <ToolSection key={t.tool} exported={t} />) : <p role="alert">Enter a host and a port number (0–65535).</p>}
    </>
  );
}

export default function ExportCommands({ session }: { session: ExportSession }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="mw-export__open"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        Export as commands
      </button>
      <dialog ref={dialog} className="mw-export" aria-labelledby="mw-export-title" onClose={() => setOpen(false)} data-testid="export-dialog">
        <div className="mw-export__head">
          <h3 id="mw-export-title">Export as commands</h3>
          <button type="button" onClick={() => dialog.current?.close()}>Close</button>
        </div>
        {open && <ExportBody input={session} />}
      </dialog>
    </>
  );
}

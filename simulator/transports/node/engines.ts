/**
 * Finds the protocol engines at run time, so `npm run serve` and the benchmarks work with whichever
 * engines exist and say which are missing instead of failing to start.
 */
import type { MailProtocol } from '../../world/ports.ts';
import type { ServerContext } from '../../net/server-context.ts';
import type { DrivenEngine } from './engine-socket.ts';

export type EngineFactory = (ctx: ServerContext) => DrivenEngine;

type EngineClass = new (ctx: ServerContext) => DrivenEngine;

const MODULES: Record<MailProtocol, { path: string; exportName: string }> = {
  smtp: { path: '../../smtp/server.ts', exportName: 'SmtpServer' },
  pop3: { path: '../../pop3/server.ts', exportName: 'Pop3Server' },
  imap: { path: '../../imap/server.ts', exportName: 'ImapServer' },
};

export type EngineLookup = { ok: true; factory: EngineFactory } | { ok: false; reason: string };

export async function loadEngine(protocol: MailProtocol): Promise<EngineLookup> {
  const { path, exportName } = MODULES[protocol];
  let module: Record<string, unknown>;
  try {
    module = (await import(/* @vite-ignore */ new URL(path, import.meta.url).href)) as Record<string, unknown>;
  } catch (error) {
    const absent = (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && String(error).includes(path.slice(6));
    return { ok: false, reason: absent ? `simulator/${path.slice(6)} does not exist yet` : `cannot load simulator/${path.slice(6)}: ${firstLine(error)}` };
  }
  const found = module[exportName];
  if (typeof found !== 'function') return { ok: false, reason: `simulator/${path.slice(6)} exports no ${exportName}` };
  const Engine = found as EngineClass;
  return { ok: true, factory: (ctx) => new Engine(ctx) };
}

export async function loadEngines(protocols: readonly MailProtocol[]): Promise<Map<MailProtocol, EngineLookup>> {
  const found = new Map<MailProtocol, EngineLookup>();
  for (const protocol of protocols) found.set(protocol, await loadEngine(protocol));
  return found;
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0] ?? '';
}

/**
 * The capability that announces a command is said by the command's spec (simulator/command.ts
 * `capability`), never by the capability table: the registry derives the link, CAPABILITY lists
 * it, and a host that switches the capability off switches the command off.
 */
import { describe, expect, it } from 'vitest';
import { CAPABILITIES, commandDisabled, currentCapabilities } from './capabilities.ts';
import { COMMANDS } from './commands/index.ts';
import { ANNOUNCED_CAPABILITIES, IMAP_REGISTRY } from './registry.ts';
import { freshWorld, imapServer } from './test-helpers.ts';
import { EngineDriver } from '../testing/transcript.ts';

function host(disabled: string[] = []) {
  const server = imapServer(freshWorld());
  return { ...server.ctx.host, settings: { ...server.ctx.host.settings, disabled } };
}

describe('IMAP capabilities and the commands that announce them', () => {
  it('each capability the table marks as a command is announced by exactly one registered spec, and no spec names an unmarked one', () => {
    for (const entry of CAPABILITIES.filter((c) => c.command)) {
      expect(COMMANDS.filter((c) => c.capability === entry.name).map((c) => c.verb), entry.name).toHaveLength(1);
    }
    for (const c of COMMANDS.filter((c) => c.capability !== undefined)) {
      const entry = CAPABILITIES.find((e) => e.name === c.capability);
      if (entry) expect(entry.command, `${c.verb} announces ${c.capability}`).toBe(true);
    }
    expect([...ANNOUNCED_CAPABILITIES].sort()).toEqual(['ENABLE', 'ID', 'IDLE', 'MOVE', 'NAMESPACE', 'STARTTLS', 'UNSELECT']);
  });

  it('a command capability whose command is not registered is not offered', () => {
    const all = currentCapabilities({ host: host(), tls: true, authenticated: true, announced: ANNOUNCED_CAPABILITIES });
    const withoutIdle = currentCapabilities({ host: host(), tls: true, authenticated: true, announced: new Set([...ANNOUNCED_CAPABILITIES].filter((c) => c !== 'IDLE')) });
    expect(all).toContain('IDLE');
    expect(withoutIdle).toEqual(all.filter((c) => c !== 'IDLE'));
  });

  it("a command's capability the table does not list is offered after the table's, unless the host switches it off", () => {
    const announced = new Set([...ANNOUNCED_CAPABILITIES, 'XPING']);
    expect(currentCapabilities({ host: host(), tls: true, authenticated: true, announced }).at(-1)).toBe('XPING');
    expect(currentCapabilities({ host: host(['XPING']), tls: true, authenticated: true, announced })).not.toContain('XPING');
  });

  it('a command is switched off exactly when the capability its spec names is', () => {
    const idle = IMAP_REGISTRY.find('IDLE')!;
    const noop = IMAP_REGISTRY.find('NOOP')!;
    expect(commandDisabled(host(['IDLE']), idle)).toBe(true);
    expect(commandDisabled(host(), idle)).toBe(false);
    expect(commandDisabled(host(['IDLE', 'NOOP']), noop)).toBe(false);
  });

  it('STARTTLS switched off on a host: not offered on 143, and the command is refused', () => {
    const world = freshWorld();
    const server = imapServer(world, 143);
    server.ctx.host.settings.disabled.push('STARTTLS');
    const driver = new EngineDriver(server);
    const greeting = driver.start();
    expect(greeting[0]).not.toMatch(/STARTTLS/);
    expect(driver.send('a STARTTLS\r\n')).toEqual(['a BAD STARTTLS is switched off on this server']);
  });
});

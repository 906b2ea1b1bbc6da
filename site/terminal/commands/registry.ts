/** Every slash command, in the order /help lists them. */
import { base64 } from './base64.ts';
import { capture } from './capture.ts';
import { clear } from './clear.ts';
import { connect } from './connect.ts';
import { disconnect } from './disconnect.ts';
import { help } from './help.ts';
import { history } from './history.ts';
import { hosts } from './hosts.ts';
import { live } from './live.ts';
import { relay } from './relay.ts';
import { save } from './save.ts';
import type { SlashCommand } from './types.ts';

export const SLASH_COMMANDS: readonly SlashCommand[] = [help, hosts, connect, disconnect, live, relay, clear, history, base64, save, capture];

export function findSlashCommand(name: string): SlashCommand | undefined {
  return SLASH_COMMANDS.find((c) => c.name === name.toLowerCase());
}

import type { SlashCommand } from './types.ts';
import { words } from './types.ts';

export const hosts: SlashCommand = {
  name: 'hosts',
  usage: '/hosts',
  summary: 'list the hosts and ports you can connect to',
  run(ctx, args) {
    if (words(args).length > 0) return ctx.usage();
    const list = ctx.terminal.hosts();
    if (list.length === 0) {
      ctx.print('No mail servers are running on this network yet: every /connect will be refused.');
      return;
    }
    for (const h of list) {
      const serves = h.domains.length ? ` (mail for ${h.domains.join(', ')})` : '';
      ctx.print(`  ${h.name}${serves}: ports ${h.ports.join(', ')}`);
    }
  },
};

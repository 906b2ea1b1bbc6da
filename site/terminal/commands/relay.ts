import { parseRelayUrl } from '../relay-setting.ts';
import type { SlashCommand } from './types.ts';
import { words } from './types.ts';

export const relay: SlashCommand = {
  name: 'relay',
  usage: '/relay [URL]',
  summary: 'show or set the relay for live connections',
  run(ctx, args) {
    const [url, ...rest] = words(args);
    if (rest.length > 0) return ctx.usage();
    if (url === undefined) {
      ctx.print(`Relay: ${ctx.terminal.relay()} (live is ${ctx.terminal.live() ? 'on' : 'off'}; "npm start" or "npm run relay" runs one).`);
      return;
    }
    const parsed = parseRelayUrl(url);
    if ('error' in parsed) {
      ctx.print(`${parsed.error}. Usage: /relay [URL]`, 'error');
      return;
    }
    ctx.terminal.relay(parsed.url);
    ctx.print(`Live connections now go through ${parsed.url}.`, 'note');
  },
};

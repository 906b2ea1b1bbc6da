import { encodeBase64 } from '../../../simulator/wire/base64.ts';
import { escapeBytes, readBase64, unescapeText } from '../base64.ts';
import type { SlashCommand } from './types.ts';

export const base64: SlashCommand = {
  name: 'base64',
  usage: '/base64 [-d] TEXT',
  summary: 'Base64-encode TEXT (\\0 is a NUL byte, for AUTH PLAIN); -d decodes',
  run(ctx, args) {
    if (args.trim() === '') return ctx.usage();
    const decode = /^-d(?:\s|$)/.exec(args);
    if (decode) {
      const input = args.slice(decode[0].length).trim();
      if (input === '') return ctx.usage();
      const bytes = readBase64(input);
      if (bytes.ok) ctx.print(escapeBytes(bytes.value));
      else ctx.print(`Not Base64: ${bytes.error}.`, 'error');
      return;
    }
    const bytes = unescapeText(args);
    if (bytes.ok) ctx.print(encodeBase64(bytes.value));
    else ctx.print(`${bytes.error}.`, 'error');
  },
};

/**
 * The tutorials' citations become links: every plain-text "RFC 5321 §4.2.1", "RFC 5321", or the
 * "§4.2" of a chain links to the RFC reader (`/rfc/5321/#section-4.2.1`), which the drawer script
 * opens beside the text; an RFC not kept locally links to the RFC Editor. Text in code, in headings
 * and already inside links is left alone. An mdast plugin for Sätteri, Astro's Markdown processor,
 * added to it by a small integration, as Starlight adds its own.
 */
import { findCitations } from '../../simulator/explain/rfc-citations.ts';
import { readerUrl } from '../../simulator/explain/rfc.ts';

/** The few mdast shapes this plugin makes. */
export type Inline = { type: 'text'; value: string } | { type: 'link'; url: string; children: [{ type: 'text'; value: string }] };

/** The text cut into text and links; one text node when it cites nothing. */
export function linkCitations(text: string): Inline[] {
  const out: Inline[] = [];
  let at = 0;
  for (const c of findCitations(text)) {
    if (c.start > at) out.push({ type: 'text', value: text.slice(at, c.start) });
    out.push({ type: 'link', url: readerUrl(c.rfc, c.section), children: [{ type: 'text', value: text.slice(c.start, c.end) }] });
    at = c.end;
  }
  if (at < text.length || out.length === 0) out.push({ type: 'text', value: text.slice(at) });
  return out;
}

const SKIP = new Set(['link', 'linkReference', 'inlineCode', 'code', 'heading', 'definition']);

/** What this plugin uses of Sätteri's visitor context. */
interface VisitorContext {
  parent(node: object): { type: string } | undefined;
  replaceNode(node: object, replacement: Inline[]): void;
}

export const rfcLinksPlugin = {
  name: 'mailwire-rfc-links',
  text(node: { type: 'text'; value: string }, ctx: VisitorContext): void {
    if (!node.value.includes('RFC')) return;
    for (let p = ctx.parent(node); p; p = ctx.parent(p)) if (SKIP.has(p.type)) return;
    const parts = linkCitations(node.value);
    if (parts.length > 1 || parts[0]?.type === 'link') ctx.replaceNode(node, parts);
  },
};

interface ProcessorConfig {
  markdown: { processor: { name: string; options: { mdastPlugins?: unknown[] } } };
}

/** The Astro integration that puts the plugin on the Markdown processor MDX also uses. */
export default function rfcLinks() {
  return {
    name: 'mailwire-rfc-links',
    hooks: {
      'astro:config:setup': ({ config }: { config: ProcessorConfig }) => {
        const processor = config.markdown.processor;
        if (processor.name !== 'satteri' || !processor.options.mdastPlugins) {
          throw new Error(`rfc-links: expected Astro's Sätteri Markdown processor, found "${processor.name}"`);
        }
        processor.options.mdastPlugins.push(rfcLinksPlugin);
      },
    },
  };
}

/**
 * A delivery diagram (./delivery.ts) as an SVG sequence diagram drawn at its natural size: one lane
 * per participant, each hop an arrow with its label on the row above, text 13 px so it stays
 * readable when the page shows it unscaled (in a panel that scrolls sideways when narrower).
 * `animate` adds the classes and the travelling dot the lab animates hop by hop (lab.css, only
 * without prefers-reduced-motion); the downloaded file is the still picture.
 */
import type { Hop, SequenceDiagram } from './delivery.ts';

/** Lane width, participant box width, row height, where the first row starts. */
const COL = 150;
const BOX = 140;
const ROW = 34;
const TOP = 52;
const FONT = 13;
/** Advance of one character of a monospace font, in ems (close to every common monospace face). */
const CHAR = 0.61;

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function clip(text: string, chars: number): string {
  return text.length > chars ? `${text.slice(0, Math.max(1, chars - 1))}…` : text;
}

function colourOf(h: Hop): string {
  if (h.kind === 'reply') return /^[45]/.test(h.label) ? '#b3261e' : '#1c6b33';
  return h.kind === 'dns' ? '#7a4ea3' : h.kind === 'store' ? '#0b5cad' : '#14202e';
}

export interface SequenceSvgOptions {
  /** Classes and a dot per hop for the page's hop-by-hop animation. */
  animate?: boolean;
}

/** The diagram as a standalone SVG document (colours work on light and dark backgrounds). */
export function sequenceSvg(d: SequenceDiagram, options: SequenceSvgOptions = {}): string {
  const width = COL * d.participants.length;
  const height = TOP + ROW * d.hops.length + 12;
  const charWidth = FONT * CHAR;
  const maxChars = Math.floor((width - 12) / charWidth);
  const x = (name: string): number => COL * Math.max(0, d.participants.indexOf(name)) + COL / 2;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="seq-title seq-desc" font-family="ui-monospace, monospace" font-size="${FONT}">`,
    `<title id="seq-title">${esc(d.title)}</title>`,
    `<desc id="seq-desc">${esc(d.hops.map((h) => `${h.from} to ${h.to}: ${h.label}`).join('; '))}</desc>`,
    '<defs><marker id="seq-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#6a7a90"/></marker></defs>',
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  for (const p of d.participants) {
    out.push(`<rect x="${x(p) - BOX / 2}" y="8" width="${BOX}" height="28" rx="4" fill="#e8eef8" stroke="#6a7a90"/>`);
    out.push(`<text x="${x(p)}" y="27" text-anchor="middle" fill="#14202e">${esc(clip(p, Math.floor((BOX - 8) / charWidth)))}</text>`);
    out.push(`<line x1="${x(p)}" y1="36" x2="${x(p)}" y2="${height - 4}" stroke="#b8c4d4" stroke-dasharray="4 3"/>`);
  }
  d.hops.forEach((h, i) => {
    const arrowY = TOP + ROW * i + 14;
    const colour = colourOf(h);
    const [x1, x2] = [x(h.from), x(h.to)];
    const label = clip(h.label, maxChars);
    // The label starts over the arrow's left end, moved left as far as it must to stay inside.
    const labelX = Math.max(6, Math.min(Math.min(x1, x2) + 6, width - 6 - label.length * charWidth));
    const hop = options.animate ? ` class="seq-hop" style="--i:${i};--dx:${x2 - x1}px"` : '';
    out.push(`<g${hop}>`);
    out.push(`<text x="${Math.round(labelX)}" y="${arrowY - 5}" fill="${colour}">${esc(label)}</text>`);
    if (x1 !== x2) {
      out.push(`<line x1="${x1}" y1="${arrowY}" x2="${x2}" y2="${arrowY}" stroke="${colour}" marker-end="url(#seq-arrow)"${h.kind === 'reply' ? ' stroke-dasharray="5 3"' : ''}/>`);
      if (options.animate) out.push(`<circle class="seq-dot" cx="${x1}" cy="${arrowY}" r="5" fill="${colour}"/>`);
    }
    out.push('</g>');
  });
  out.push('</svg>');
  return out.join('\n');
}

import { describe, expect, it } from 'vitest';
import type { SequenceDiagram } from './delivery.ts';
import { sequenceSvg } from './sequence-svg.ts';

const diagram: SequenceDiagram = {
  title: 'Delivery of M1 from <alice@example.com>',
  participants: ['laptop', 'mail.example.com', 'DNS', 'mail.example.org', 'mailbox'],
  hops: [
    { from: 'laptop', to: 'mail.example.com', label: 'EHLO laptop', kind: 'command' },
    { from: 'mail.example.com', to: 'laptop', label: '250 2.0.0 OK: 26 octets, queued as MX5YH0TA-MAILEXAMPLECOM5871-1 and a long tail that must be clipped somewhere', kind: 'reply' },
    { from: 'mail.example.org', to: 'mailbox', label: 'stored for bob@example.org', kind: 'store' },
    { from: 'mail.example.com', to: 'mail.example.com', label: 'queued for bob@example.org (example.org): waiting for the MTA', kind: 'note' },
  ],
};

describe('the sequence diagram as SVG', () => {
  it('is drawn at its natural size with 13 px text, every label inside the picture', () => {
    const svg = sequenceSvg(diagram);
    const [, w, h] = /viewBox="0 0 (\d+) (\d+)" width="(\d+)"/.exec(svg) ?? [];
    expect(svg).toContain(`width="${w}" height="${h}"`);
    expect(svg).toContain('font-size="13"');
    const width = Number(w);
    for (const m of svg.matchAll(/<text x="([\d.]+)" y="[\d.]+"(?: text-anchor="(\w+)")? fill="[^"]+">([^<]*)<\/text>/g)) {
      const text = m[3]!.replace(/&(lt|gt|amp|quot);/g, '_');
      const x = Number(m[1]);
      const w13 = text.length * 13 * 0.61;
      const [left, right] = m[2] === 'middle' ? [x - w13 / 2, x + w13 / 2] : [x, x + w13];
      expect(left, text).toBeGreaterThanOrEqual(0);
      expect(right, text).toBeLessThanOrEqual(width);
    }
    expect(svg).toContain('…');
  });

  it('animates hop by hop only when asked: a dot per arrow, none for a note', () => {
    const svg = sequenceSvg(diagram, { animate: true });
    expect(svg.match(/class="seq-hop"/g)).toHaveLength(4);
    expect(svg.match(/class="seq-dot"/g)).toHaveLength(3);
    expect(svg).toContain('style="--i:1;--dx:-150px"');
  });
});

/** Benchmark messages: realistic headers, a plain body padded to the size asked for, CRLF. */

export interface BenchMessageOptions {
  index: number;
  size: number;
  subject: string;
  /** A word put in the body, for SEARCH BODY. */
  bodyWord?: string;
}

const FILLER = 'The quick brown fox jumps over the lazy dog while the mail goes round. ';

export function benchMessage(o: BenchMessageOptions): Buffer {
  const head = [
    'From: Bench Sender <sender@example.net>',
    'To: Bench <bench@example.com>',
    `Subject: ${o.subject}`,
    `Message-ID: <bench.${o.index}@example.net>`,
    `Date: Thu, 26 Nov 2026 10:${String(o.index % 60).padStart(2, '0')}:00 +0000`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    `Message number ${o.index}${o.bodyWord ? ` mentions ${o.bodyWord}` : ''}.`,
  ].join('\r\n') + '\r\n';
  const lines: string[] = [];
  let size = head.length;
  while (size < o.size - 2) {
    const line = FILLER.slice(0, Math.min(FILLER.length, o.size - size - 2)).trimEnd() || 'x';
    lines.push(line);
    size += line.length + 2;
  }
  return Buffer.from(head + lines.map((l) => l + '\r\n').join(''), 'latin1');
}

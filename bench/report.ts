/** The benchmark table: one row per measured operation. */

export interface Row {
  part: string;
  operation: string;
  messages: number;
  ms: number;
  /** Octets moved, for MB/s; 0 when it means nothing. */
  bytes: number;
  note?: string;
  /** False for a single command over the whole mailbox (STAT, SELECT): no per-message rate. */
  rate?: boolean;
}

export function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  return run().then((value) => ({ value, ms: performance.now() - start }));
}

export function table(rows: readonly Row[]): string {
  const head = ['part', 'operation', 'messages', 'time', 'msgs/s', 'MB/s', 'note'];
  const body = rows.map((r) => [
    r.part,
    r.operation,
    String(r.messages),
    `${r.ms < 10 ? r.ms.toFixed(1) : r.ms.toFixed(0)} ms`,
    r.messages && r.rate !== false && r.ms > 0 ? Math.round((r.messages * 1000) / r.ms).toLocaleString('en-US') : '',
    r.bytes ? ((r.bytes / 1e6) / (r.ms / 1000)).toFixed(1) : '',
    r.note ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

import { PhaseResult } from './drive';

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

/** "200:3 409:1", or "0" when there were none. */
export function formatErrors(errors: Record<string, number>): string {
  const entries = Object.entries(errors).sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0 ? '0' : entries.map(([status, n]) => `${status}:${n}`).join(' ');
}

/** Numeric columns right-aligned, the rest left-aligned, a header rule; plain text that pastes into Markdown as a code block. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const numeric = header.map((_, c) => rows.length > 0 && rows.every((r) => /^-?[\d.]+$/.test(r[c] ?? '')));
  const line = (cells: string[]) => cells.map((cell, c) => (numeric[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function phaseTable(results: PhaseResult[]): string {
  return formatTable(
    ['phase', 'conc', 'requests', 'ok', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors'],
    results.map((r) => [
      r.cut ? `${r.name} (cut at time limit)` : r.name,
      String(r.concurrency),
      String(r.requests),
      String(r.ok),
      (r.ok / r.seconds).toFixed(0),
      ms(r.p50),
      ms(r.p95),
      ms(r.p99),
      ms(r.max),
      formatErrors(r.errors),
    ]),
  );
}

import type { AssertionOutcome, Percentiles, ResultSummary, RunState, RunStats } from '../../shared/model/run';

/** One progress line: a bar on a TTY (`width` columns), plain text otherwise. */
export function progressLine(stats: RunStats, width: number | undefined): string {
  const pct = stats.planned > 0 ? stats.done / stats.planned : 1;
  const facts = `${stats.done}/${stats.planned} ${(pct * 100).toFixed(1)}%  ${stats.throughputNow.toFixed(0)} req/s  failed ${stats.failed}  p50 ${ms(stats.latency.p50)}  p99 ${ms(stats.latency.p99)}`;
  if (width === undefined) return facts;
  const barWidth = Math.max(10, Math.min(40, width - facts.length - 4));
  const filled = Math.round(pct * barWidth);
  return `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ${facts}`;
}

/** The end-of-run summary table: counts, assertions, latency percentiles, throughput. */
export function summaryTable(stats: RunStats, state: RunState, note?: string): string {
  const rows: Array<[string, string]> = [
    ['State', note === undefined ? state : `${state} (${note})`],
    ['Requests', `${stats.done} done of ${stats.planned} planned`],
    ['Passed / failed', `${stats.passed} / ${stats.failed}`],
    ['Assertions', `${stats.assertionsPassed} passed, ${stats.assertionsFailed} failed`],
    ['Status classes', Object.entries(stats.byStatusClass).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'],
    ['Errors', Object.entries(stats.byErrorKind).map(([k, n]) => `${k} ${String(n)}`).join(', ') || 'none'],
    ['Throughput', `${stats.throughputOverall} req/s over ${(stats.elapsedMs / 1000).toFixed(2)} s`],
    ['Received', `${stats.bytes} bytes`],
  ];
  const keyWidth = Math.max(...rows.map(([k]) => k.length));
  const lines = rows.map(([k, v]) => `  ${k.padEnd(keyWidth)}  ${v}`);
  const header = ['', 'count', 'min', 'p50', 'p90', 'p95', 'p99', 'max', 'mean'];
  const table: string[][] = [header, pctRow('latency', stats.latency), pctRow('connect', stats.phases.connect), pctRow('tls', stats.phases.tls), pctRow('ttfb', stats.phases.ttfb)];
  for (const [path, p] of Object.entries(stats.perRequest).slice(0, 50)) table.push(pctRow(path, p, p.failed));
  return `${lines.join('\n')}\n\n${grid(table)}\n`;
}

function pctRow(label: string, p: Percentiles, failed?: number): string[] {
  return [failed === undefined || failed === 0 ? label : `${label} (${failed} failed)`, String(p.count), ms(p.min), ms(p.p50), ms(p.p90), ms(p.p95), ms(p.p99), ms(p.max), ms(p.mean)];
}

function grid(rows: string[][]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  return rows.map((r) => '  ' + r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ')).join('\n');
}

function ms(value: number): string {
  return value >= 100 ? `${value.toFixed(0)}ms` : `${value.toFixed(2)}ms`;
}

/** The first failed results, one line each with the reason (assertions or error). */
export function failureLines(results: readonly ResultSummary[], failedAssertions: ReadonlyMap<number, readonly AssertionOutcome[]>, max = 10): string {
  const failed: string[] = [];
  let total = 0;
  for (const r of results) {
    if (r.passed) continue;
    total++;
    if (failed.length >= max) continue;
    const outcomes = failedAssertions.get(r.seq) ?? [];
    const why = outcomes.length > 0 ? outcomes.map((a) => `${a.label}: expected ${a.expected}, got ${a.actual}`).join('; ') : (r.errorMessage ?? 'failed');
    failed.push(`  ✗ ${r.requestPath} [iteration ${r.iteration + 1}${r.dataRow === undefined ? '' : `, row ${r.dataRow + 1}`}] ${r.method} ${r.url} -> ${r.status || r.errorKind || '-'}: ${why}`);
  }
  if (total === 0) return '';
  return `Failures (${total}${total > failed.length ? `, first ${failed.length} shown` : ''}):\n${failed.join('\n')}\n`;
}

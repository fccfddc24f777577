import type { ResultSummary } from '../../../shared/model/run';
import { chunks, writeChunked } from './chunked-writer';
import type { ReportData } from './report-data';
import { escapeXml as x } from './xml-escape';

/**
 * Writes JUnit XML: one <testsuite> per stage, one <testcase> per request x iteration x data row;
 * transport errors are <error>, failed assertions and HTTP error statuses are <failure>.
 */
export async function writeJunitReport(path: string, data: ReportData): Promise<void> {
  await writeChunked(path, junitPieces(data));
}

function* junitPieces(data: ReportData): Generator<string> {
  const byStage = new Map<number, ResultSummary[]>();
  for (const r of data.results) {
    const list = byStage.get(r.stage) ?? [];
    list.push(r);
    byStage.set(r.stage, list);
  }
  const totals = count(data.results);
  const timestamp = new Date(data.startedAt).toISOString().slice(0, 19);
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${x(data.collectionName)}" tests="${data.results.length}" failures="${totals.failures}" errors="${totals.errors}" time="${secs(data.stats.elapsedMs)}">\n`;
  let id = 0;
  for (const [stage, results] of [...byStage.entries()].sort((a, b) => a[0] - b[0])) {
    const c = count(results);
    const time = results.reduce((n, r) => n + r.durationMs, 0);
    const name = data.stageNames[stage] ?? `stage ${stage + 1}`;
    yield `  <testsuite id="${id++}" name="${x(`${data.collectionName} / ${name}`)}" tests="${results.length}" failures="${c.failures}" errors="${c.errors}" skipped="0" time="${secs(time)}" timestamp="${timestamp}" hostname="localhost">\n`;
    yield* chunks(results, (slice) => slice.map((r) => testcase(r, data)).join(''));
    yield `  </testsuite>\n`;
  }
  yield `</testsuites>\n`;
}

function testcase(r: ResultSummary, data: ReportData): string {
  const where = `iteration ${r.iteration + 1}${r.dataRow === undefined ? '' : `, row ${r.dataRow + 1}`}`;
  const open = `    <testcase name="${x(`${r.name} [${where}]`)}" classname="${x(r.requestPath)}" time="${secs(r.durationMs)}"`;
  if (r.passed) return `${open}/>\n`;
  const parts: string[] = [];
  if (r.errorKind !== undefined) {
    parts.push(`      <error message="${x(r.errorMessage ?? r.errorKind)}" type="${x(r.errorKind)}">${x(`${r.method} ${r.url}: ${r.errorMessage ?? r.errorKind}`)}</error>\n`);
  } else {
    const failed = data.failedAssertions.get(r.seq) ?? [];
    const lines = failed.map((a) => `${a.label}: expected ${a.expected}, got ${a.actual}`);
    if (lines.length === 0) lines.push(r.errorMessage ?? `${r.assertionsFailed} assertion(s) failed`);
    const message = failed.length > 0 ? `${failed.length} assertion(s) failed` : (r.errorMessage ?? 'failed');
    parts.push(`      <failure message="${x(message)}" type="assertion">${x(`${r.method} ${r.url} -> ${r.status}\n${lines.join('\n')}`)}</failure>\n`);
  }
  return `${open}>\n${parts.join('')}    </testcase>\n`;
}

function count(results: readonly ResultSummary[]): { failures: number; errors: number } {
  let failures = 0;
  let errors = 0;
  for (const r of results) {
    if (r.passed) continue;
    if (r.errorKind !== undefined) errors++;
    else failures++;
  }
  return { failures, errors };
}

function secs(ms: number): string {
  return (ms / 1000).toFixed(3);
}

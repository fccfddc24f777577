import type { Percentiles } from '../../../shared/model/run';
import { writeChunked } from './chunked-writer';
import { latencyChartSvg } from './latency-chart';
import type { ReportData } from './report-data';
import { escapeXml as x } from './xml-escape';

/** Failed results listed in the HTML report (the JSON report has all of them). */
const MAX_FAILURES_SHOWN = 500;

/** Writes a self-contained HTML report: no scripts, no external resources, every value escaped. */
export async function writeHtmlReport(path: string, data: ReportData): Promise<void> {
  await writeChunked(path, [renderHtmlReport(data)]);
}

/** Renders the HTML report. */
export function renderHtmlReport(data: ReportData): string {
  const s = data.stats;
  const title = `Salvo run: ${data.collectionName} / ${data.configName}`;
  const counts: Array<[string, string]> = [
    ['State', data.state],
    ['Started', new Date(data.startedAt).toISOString()],
    ['Requests', `${s.done} of ${s.planned}`],
    ['Passed / failed', `${s.passed} / ${s.failed}`],
    ['Assertions passed / failed', `${s.assertionsPassed} / ${s.assertionsFailed}`],
    ['Status classes', Object.entries(s.byStatusClass).map(([k, v]) => `${k}: ${v}`).join(', ')],
    ['Errors', Object.entries(s.byErrorKind).map(([k, v]) => `${k}: ${v}`).join(', ') || 'none'],
    ['Bytes received', String(s.bytes)],
    ['Elapsed', `${(s.elapsedMs / 1000).toFixed(2)} s`],
    ['Throughput', `${s.throughputOverall} req/s`],
  ];
  const rows = [
    pctRow('All requests', s.latency),
    pctRow('Connect', s.phases.connect),
    pctRow('TLS', s.phases.tls),
    pctRow('Time to first byte', s.phases.ttfb),
    ...Object.entries(s.perRequest).map(([path, p]) => pctRow(path, p, p.failed)),
  ].join('');
  const failures = data.results.filter((r) => !r.passed).slice(0, MAX_FAILURES_SHOWN);
  const failureRows = failures
    .map((r) => {
      const detail = (data.failedAssertions.get(r.seq) ?? []).map((a) => `${a.label}: expected ${a.expected}, got ${a.actual}`).join('; ');
      return `<tr><td>${r.seq}</td><td>${x(r.requestPath)}</td><td>${x(`${r.method} ${r.url}`)}</td><td>${r.iteration + 1}</td><td>${r.status}</td><td>${x(r.errorKind ?? '')}</td><td>${x(detail || (r.errorMessage ?? ''))}</td></tr>`;
    })
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${x(title)}</title>
<style>body{font:14px system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}th{background:#f3f3f3}td.n{text-align:right}</style>
</head><body>
<h1>${x(title)}</h1>
<table>${counts.map(([k, v]) => `<tr><th>${x(k)}</th><td>${x(v)}</td></tr>`).join('')}</table>
<h2>Latency (ms)</h2>
<table><tr><th>Scope</th><th>count</th><th>min</th><th>p50</th><th>p90</th><th>p95</th><th>p99</th><th>max</th><th>mean</th><th>failed</th></tr>${rows}</table>
<h2>Timeline</h2>
${latencyChartSvg(s)}
<h2>Failures${failures.length < s.failed ? ` (first ${failures.length} of ${s.failed})` : ''}</h2>
${failures.length === 0 ? '<p>None.</p>' : `<table><tr><th>#</th><th>Request</th><th>Sent</th><th>Iteration</th><th>Status</th><th>Error</th><th>Detail</th></tr>${failureRows}</table>`}
</body></html>
`;
}

function pctRow(label: string, p: Percentiles, failed?: number): string {
  const cells = [p.count, p.min, p.p50, p.p90, p.p95, p.p99, p.max, p.mean].map((n) => `<td class="n">${x(String(n))}</td>`).join('');
  return `<tr><td>${x(label)}</td>${cells}<td class="n">${failed === undefined ? '' : failed}</td></tr>`;
}

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunStatsCollector } from '../../electron/runner/run-stats';
import type { ReportData } from '../../electron/runner/reports/report-data';
import { writeReport } from '../../electron/runner/reports/write-report';
import type { ResultSummary } from '../../shared/model/run';
import { summary } from './summary';
import { checkJunit, parseXml } from './xml-checker';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'salvo-reports-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const hostile = `<script>alert("x")</script> & 'q' \u0001 ]]>`;

function data(count: number): ReportData {
  const results: ResultSummary[] = [];
  const stats = new RunStatsCollector(count, () => 0);
  for (let i = 0; i < count; i++) {
    const kind = i % 10;
    const r = summary({
      seq: i,
      stage: i % 2,
      requestPath: kind === 0 ? `evil/${hostile}.yaml` : 'ok.yaml',
      name: kind === 0 ? hostile : 'ok',
      iteration: Math.floor(i / 4),
      dataRow: i % 3 === 0 ? 1 : undefined,
      passed: kind > 1,
      status: kind === 1 ? 0 : 200,
      errorKind: kind === 1 ? 'connection-refused' : undefined,
      errorMessage: kind === 1 ? `refused ${hostile}` : undefined,
      assertionsFailed: kind === 0 ? 1 : 0,
    });
    results.push(r);
    stats.add(r, { connect: 0, tls: 0, ttfb: 1 });
  }
  const failedAssertions = new Map(results.filter((r) => r.assertionsFailed > 0).map((r) => [r.seq, [{ label: `json $.a equals`, passed: false, expected: hostile, actual: '"<b>"' }]] as const));
  return { runId: 'r1', collectionName: `col ${hostile}`, configName: 'cfg', startedAt: Date.UTC(2026, 0, 2), state: 'done', stats: stats.snapshot(), stageNames: ['setup', 'fan-out'], results, failedAssertions };
}

describe('reports', () => {
  it('JUnit: one testcase per result, failures and errors, valid against the schema elements', async () => {
    const d = data(1200);
    const file = join(dir, 'junit.xml');
    await writeReport('junit', file, d);
    const root = parseXml(await readFile(file, 'utf8'));
    checkJunit(root);
    const cases = root.children.flatMap((s) => s.children);
    expect(cases).toHaveLength(1200);
    expect(root.attributes).toMatchObject({ tests: '1200', failures: '120', errors: '120' });
    expect(root.children.map((s) => s.attributes['name'])).toEqual([`col ${hostile.replace('\u0001', '\uFFFD')} / setup`, `col ${hostile.replace('\u0001', '\uFFFD')} / fan-out`]);
    const failure = cases.find((c) => c.children[0]?.name === 'failure');
    expect(failure?.children[0]?.text).toContain(`expected ${hostile.replace('\u0001', '\uFFFD')}`);
    const error = cases.find((c) => c.children[0]?.name === 'error');
    expect(error?.children[0]?.attributes['type']).toBe('connection-refused');
    expect(cases.filter((c) => c.children.length === 0)).toHaveLength(960);
  });

  it('JSON: parses back with every result and the stats', async () => {
    const d = data(1234);
    const file = join(dir, 'report.json');
    await writeReport('json', file, d);
    const parsed = JSON.parse(await readFile(file, 'utf8')) as { results: Array<ResultSummary & { failedAssertions?: unknown[] }>; stats: { done: number }; stages: string[] };
    expect(parsed.results).toHaveLength(1234);
    expect(parsed.results[10]?.name).toBe(hostile);
    expect(parsed.results[10]?.failedAssertions).toHaveLength(1);
    expect(parsed.stats.done).toBe(1234);
    expect(parsed.stages).toEqual(['setup', 'fan-out']);
  });

  it('HTML: self-contained, no script, every value escaped, with an SVG chart', async () => {
    const file = join(dir, 'report.html');
    await writeReport('html', file, data(50));
    const html = await readFile(file, 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(src|href)=/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('<svg');
    expect(html).toContain('<polyline');
  });
});

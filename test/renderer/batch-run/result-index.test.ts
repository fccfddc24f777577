import { describe, expect, it } from 'vitest';
import type { ResultSummary } from '../../../shared/model/run';
import { ResultIndex, matchesFilter, statusClassOf } from '../../../renderer/features/batch-run/result-index';
import type { TableView } from '../../../renderer/state/runs-store';

function row(seq: number, over: Partial<ResultSummary> = {}): ResultSummary {
  return {
    seq,
    requestPath: `r${seq % 3}.yaml`,
    name: `req ${String.fromCharCode(97 + (seq * 7) % 26)}`,
    method: 'GET',
    url: 'http://127.0.0.1/',
    stage: 0,
    iteration: seq % 4,
    dataRow: undefined,
    status: [200, 201, 404, 500, 302][seq % 5] as number,
    errorKind: seq % 11 === 0 ? 'timeout' : undefined,
    errorMessage: undefined,
    durationMs: (seq * 37) % 101,
    ttfbMs: (seq * 13) % 53,
    bytes: (seq * 97) % 1000,
    assertionsPassed: 1,
    assertionsFailed: seq % 7 === 0 ? 1 : 0,
    passed: seq % 7 !== 0,
    startedAt: 0,
    ...over,
  };
}

const view = (v: Partial<TableView>): TableView => ({ sortKey: 'seq', sortDesc: false, status: 'all', failedOnly: false, ...v });

function fullSort(rows: readonly ResultSummary[], v: TableView): number[] {
  const idx = rows.map((_, i) => i).filter((i) => matchesFilter(rows[i]!, v));
  const key = v.sortKey;
  return idx.sort((a, b) => {
    const ra = rows[a]!;
    const rb = rows[b]!;
    const base = key === 'name' ? ra.name.localeCompare(rb.name, 'en', { sensitivity: 'variant' }) && (ra.name < rb.name ? -1 : ra.name > rb.name ? 1 : 0) : (ra[key] as number) - (rb[key] as number);
    return (v.sortDesc ? -base : base) || ra.seq - rb.seq;
  });
}

describe('ResultIndex', () => {
  it('classifies status and errors', () => {
    expect(statusClassOf(row(1, { status: 201, errorKind: undefined }))).toBe('2xx');
    expect(statusClassOf(row(1, { status: 0, errorKind: 'connection-refused' }))).toBe('error');
    expect(statusClassOf(row(1, { status: 503, errorKind: undefined }))).toBe('5xx');
  });

  for (const v of [view({}), view({ sortKey: 'durationMs' }), view({ sortKey: 'name', sortDesc: true }), view({ sortKey: 'bytes', status: '2xx' }), view({ sortKey: 'status', failedOnly: true }), view({ status: 'error' })]) {
    it(`incremental merging equals a full sort (${JSON.stringify(v)})`, () => {
      const rows: ResultSummary[] = [];
      const index = new ResultIndex(v);
      let seq = 0;
      // Batches of varying size, as frames deliver them.
      for (const size of [1, 7, 0, 50, 3, 200, 13]) {
        for (let i = 0; i < size; i++) rows.push(row(seq++));
        expect([...index.sync(rows, v)]).toEqual(fullSort(rows, v));
      }
    });
  }

  it('rebuilds when the view changes and keeps appending cheaply in arrival order', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => row(i));
    const asc = view({});
    const index = new ResultIndex(asc);
    expect(index.sync(rows.slice(0, 50_000), asc).length).toBe(50_000);
    expect(index.sync(rows, asc).length).toBe(100_000);
    const failed = view({ failedOnly: true });
    const onlyFailed = index.sync(rows, failed);
    expect(onlyFailed.every((i) => !rows[i]!.passed)).toBe(true);
    expect(onlyFailed.length).toBe(rows.filter((r) => !r.passed).length);
  });
});

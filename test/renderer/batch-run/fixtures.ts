import type { ResultSummary, RunProgress, RunStats } from '../../../shared/model/run';

/** Stats of a run with `done` of `planned` finished, all 2xx. */
export function stats(done: number, planned: number, over: Partial<RunStats> = {}): RunStats {
  const p = { count: done, min: 1, p50: 2, p90: 3, p95: 4, p99: 5, max: 6, mean: 2.5 };
  return {
    total: planned,
    planned,
    done,
    passed: done,
    failed: 0,
    byStatusClass: { '1xx': 0, '2xx': done, '3xx': 0, '4xx': 0, '5xx': 0 },
    byErrorKind: {},
    assertionsPassed: 0,
    assertionsFailed: 0,
    bytes: 0,
    elapsedMs: 1000,
    throughputNow: done,
    throughputOverall: done,
    latency: p,
    phases: { connect: p, tls: p, ttfb: p },
    perRequest: {},
    timeline: [{ second: 0, count: done, failed: 0, p50: 2, p95: 4 }],
    ...over,
  };
}

/** One passing 200 result. */
export function result(seq: number, over: Partial<ResultSummary> = {}): ResultSummary {
  return {
    seq, requestPath: 'a.yaml', name: 'a', method: 'GET', url: 'http://127.0.0.1/a', stage: 0, iteration: 0, dataRow: undefined,
    status: 200, errorKind: undefined, errorMessage: undefined, durationMs: 3, ttfbMs: 1, bytes: 10, assertionsPassed: 0, assertionsFailed: 0, passed: true, startedAt: 0,
    ...over,
  };
}

/** A progress event carrying `count` new results from seq `from`. */
export function progress(runId: string, from: number, count: number, planned: number, state: RunProgress['state'] = 'running'): RunProgress {
  return { runId, state, results: Array.from({ length: count }, (_, i) => result(from + i)), stats: stats(from + count, planned) };
}


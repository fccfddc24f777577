import type { ResultSummary } from '../../shared/model/run';

/** A result summary for tests; fields not given take plain passing values. */
export function summary(partial: Partial<ResultSummary> & { seq: number }): ResultSummary {
  return {
    requestPath: 'a.yaml',
    name: 'a',
    method: 'GET',
    url: 'http://127.0.0.1/a',
    stage: 0,
    iteration: 0,
    dataRow: undefined,
    status: 200,
    errorKind: undefined,
    errorMessage: undefined,
    durationMs: 10,
    ttfbMs: 5,
    bytes: 100,
    assertionsPassed: 0,
    assertionsFailed: 0,
    passed: true,
    startedAt: 0,
    ...partial,
  };
}

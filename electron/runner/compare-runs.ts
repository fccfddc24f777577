import type { RunComparisonRow } from '../../shared/ipc/runs';
import type { RunStats } from '../../shared/model/run';

/** p95 worsening beyond this ratio flags a regression. */
export const P95_REGRESSION_RATIO = 1.2;

type Side = NonNullable<RunComparisonRow['a']>;

/**
 * Compares two runs request by request: p50/p95/p99 and failures side by side; a row is a
 * regression when b's p95 is more than 20% worse than a's, or b has more failures.
 */
export function compareRuns(a: RunStats, b: RunStats): RunComparisonRow[] {
  const paths = [...new Set([...Object.keys(a.perRequest), ...Object.keys(b.perRequest)])];
  return paths.map((requestPath) => {
    const sa = side(a, requestPath);
    const sb = side(b, requestPath);
    const slower = sa !== undefined && sb !== undefined && sa.count > 0 && sb.count > 0 && sb.p95 > sa.p95 * P95_REGRESSION_RATIO;
    const moreFailures = sb !== undefined && sb.failed > (sa?.failed ?? 0);
    return { requestPath, a: sa, b: sb, regression: slower || moreFailures };
  });
}

function side(stats: RunStats, path: string): Side | undefined {
  const p = stats.perRequest[path];
  return p === undefined ? undefined : { p50: p.p50, p95: p.p95, p99: p.p99, failed: p.failed, count: p.count };
}

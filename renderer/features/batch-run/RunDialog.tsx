import { useRunsStore } from '../../state/runs-store';

/** The run dialog (concurrency, iterations, data, pacing) shown when `openRunDialog` was called. */
export function RunDialog() {
  const dialog = useRunsStore((s) => s.dialog);
  const close = useRunsStore((s) => s.closeRunDialog);
  if (dialog === undefined) return null;
  return (
    <div role="dialog" aria-label="Run batch" className="run-dialog">
      <button type="button" onClick={close}>Close</button>
    </div>
  );
}

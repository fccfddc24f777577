import { useState } from 'react';
import type { ReportFormat } from '../../../shared/ipc/runs';
import { useRunsStore } from '../../state/runs-store';
import type { RunSummary } from '../../state/runs-store';
import { RunExternalFiles } from '../consent/RunExternalFiles';
import { useSalvoApi } from './use-api';

const EXTENSIONS: Readonly<Record<ReportFormat, string>> = { json: 'json', junit: 'xml', html: 'html' };

/** Cancel, export (JSON / JUnit / HTML) and re-run failed for one run. */
export function RunToolbar({ run }: { run: RunSummary }) {
  const api = useSalvoApi();
  const runStarted = useRunsStore((s) => s.runStarted);
  const [format, setFormat] = useState<ReportFormat>('html');
  const [manualPath, setManualPath] = useState<string | undefined>(undefined);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const failed = run.stats?.failed ?? 0;
  const isRunning = run.state === 'running';

  const cancel = async (): Promise<void> => {
    if (api === undefined) return;
    const result = await api.invoke['run:cancel']({ runId: run.runId });
    if (!result.ok) setMessage(`cancel failed: ${result.error.message}`);
  };

  const writeReport = async (path: string): Promise<void> => {
    if (api === undefined) return;
    const result = await api.invoke['run:report']({ runId: run.runId, format, path });
    setMessage(result.ok ? `Report saved to ${result.value.path}` : `Export failed: ${result.error.kind}: ${result.error.message}`);
    if (result.ok) setManualPath(undefined);
  };

  const exportReport = async (): Promise<void> => {
    if (api === undefined) return;
    const chosen = await api.invoke['dialog:saveFile']({ title: 'Save run report', defaultName: `${run.configName}-report.${EXTENSIONS[format]}` });
    if (!chosen.ok) return setMessage(`Export failed: ${chosen.error.message}`);
    // Browser mode has no native dialog: ask for a path instead.
    if (chosen.value.unsupported === true) return setManualPath('');
    if (chosen.value.canceled || chosen.value.path === undefined) return;
    await writeReport(chosen.value.path);
  };

  const rerunFailed = async (): Promise<void> => {
    if (api === undefined || run.collectionId === undefined || run.config === undefined) return;
    const collectionId = run.collectionId;
    const config = run.config;
    const result = await api.invoke['run:start']({ collectionId, config, onlyFailedOf: run.runId });
    if (result.ok) runStarted(result.value.runId, collectionId, result.value.planned, config);
    else setMessage(`Re-run failed: ${result.error.kind}: ${result.error.message}`);
  };

  return (
    <div className="batch-toolbar" role="toolbar" aria-label="Run actions">
      {isRunning && (
        <button type="button" onClick={() => void cancel()}>
          Cancel run
        </button>
      )}
      <select aria-label="Report format" value={format} onChange={(e) => setFormat(e.target.value as ReportFormat)} disabled={isRunning}>
        <option value="html">HTML</option>
        <option value="json">JSON</option>
        <option value="junit">JUnit</option>
      </select>
      <button type="button" onClick={() => void exportReport()} disabled={isRunning}>
        Export…
      </button>
      {!isRunning && failed > 0 && run.config !== undefined && (
        <button type="button" onClick={() => void rerunFailed()}>
          Re-run failed ({failed})
        </button>
      )}
      {!isRunning && failed > 0 && api !== undefined && run.collectionId !== undefined && run.config !== undefined && <RunExternalFiles api={api} collectionId={run.collectionId} runId={run.runId} onAllowed={() => void rerunFailed()} />}
      {manualPath !== undefined && (
        <form
          className="batch-export-path"
          onSubmit={(e) => {
            e.preventDefault();
            if (manualPath.trim() !== '') void writeReport(manualPath.trim());
          }}
        >
          <input aria-label="Report path" placeholder="/absolute/path/report.html" value={manualPath} onChange={(e) => setManualPath(e.target.value)} />
          <button type="submit">Save report</button>
          <button type="button" onClick={() => setManualPath(undefined)}>
            Cancel
          </button>
        </form>
      )}
      {message !== undefined && (
        <span role="status" className="batch-toolbar-message">
          {message}
        </span>
      )}
    </div>
  );
}

import { useEffect, useState } from 'react';
import type { ErrorInfo } from '../../../shared/model/errors';
import type { ResponseView } from '../../../shared/model/response';
import { useRunsStore } from '../../state/runs-store';
import { formatBytes, formatMs } from './format';
import { useSalvoApi } from './use-api';

type Loaded = { readonly kind: 'loading' } | { readonly kind: 'ok'; readonly view: ResponseView } | { readonly kind: 'error'; readonly error: ErrorInfo };

const PHASES = ['dns', 'connect', 'tls', 'send', 'ttfb', 'download'] as const;

function ResponseSummary({ view }: { view: ResponseView }) {
  return (
    <>
      <p className="batch-detail-line">
        <strong>{view.method}</strong> <span className="batch-detail-url">{view.url}</span>
      </p>
      <p className="batch-detail-line">
        <span data-testid="detail-status">{view.error === undefined ? `${view.status} ${view.statusText}` : `${view.error.kind}: ${view.error.message}`}</span> · {formatMs(view.timings.total)} · {formatBytes(view.bodyBytes)}
        {view.incomplete ? ' · incomplete' : ''}
      </p>
      <p className="batch-detail-line">{PHASES.map((p) => `${p} ${formatMs(view.timings[p])}`).join(' · ')}</p>
      <details>
        <summary>Headers ({view.headers.length})</summary>
        <table className="batch-detail-headers">
          <tbody>
            {view.headers.map(([name, value], i) => (
              <tr key={`${name}-${i}`}>
                <th scope="row">{name}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {/* Bodies are data: shown as text (React escapes it), never rendered as HTML. */}
      <pre className="batch-detail-body" data-testid="detail-body">
        {view.previewEncoding === 'base64' ? `(binary body, ${formatBytes(view.bodyBytes)})` : view.preview}
        {view.previewTruncated ? '\n… (truncated)' : ''}
      </pre>
    </>
  );
}

/** The full response of the selected result, fetched with `run:result` when a row is opened. */
export function ResultDetail({ runId }: { runId: string }) {
  const seq = useRunsStore((s) => s.selectedSeq);
  const selectResult = useRunsStore((s) => s.selectResult);
  const api = useSalvoApi();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });

  useEffect(() => {
    if (api === undefined || seq === undefined) return;
    let live = true;
    setLoaded({ kind: 'loading' });
    api.invoke['run:result']({ runId, seq }).then(
      (result) => {
        if (live) setLoaded(result.ok ? { kind: 'ok', view: result.value } : { kind: 'error', error: result.error });
      },
      (err: unknown) => {
        if (live) setLoaded({ kind: 'error', error: { kind: 'internal', message: String(err) } });
      },
    );
    return () => {
      live = false;
    };
  }, [api, runId, seq]);

  if (seq === undefined) return null;
  return (
    <aside className="batch-detail" aria-label={`Result ${seq + 1}`}>
      <header className="batch-detail-head">
        <span>Result #{seq + 1}</span>
        <button type="button" onClick={() => selectResult(undefined)} aria-label="Close result">
          ×
        </button>
      </header>
      {loaded.kind === 'loading' && <p>Loading…</p>}
      {loaded.kind === 'error' && (
        <p role="alert">
          {loaded.error.kind}: {loaded.error.message}
        </p>
      )}
      {loaded.kind === 'ok' && <ResponseSummary view={loaded.view} />}
    </aside>
  );
}

import { useEffect } from 'react';
import { api, errorInfoOf } from '../../api/client';
import { formatMs, statusClass } from '../../lib/format';
import { normalizeUrlParams } from '../../lib/url-params';
import { useHistoryStore } from '../../state/history-store';
import { noticeError } from '../../state/notices-store';
import { useTabsStore } from '../../state/tabs-store';

/** Loads history entries matching the current query. */
export async function refreshHistory(): Promise<void> {
  const { query, setLoading, setEntries } = useHistoryStore.getState();
  setLoading(true);
  try {
    setEntries(await api().call('history:list', { query, limit: 200 }));
  } catch (err) {
    setLoading(false);
    noticeError(errorInfoOf(err));
  }
}

/** Re-opens a history entry as a new unsaved request. */
export function reopenEntry(id: string): void {
  const entry = useHistoryStore.getState().entries.find((e) => e.id === id);
  if (entry === undefined) return;
  const { url, params } = normalizeUrlParams(entry.spec.url, entry.spec.params);
  useTabsStore.getState().openNew({ request: { ...entry.spec, url, params, name: `${entry.method} ${entry.url}`.slice(0, 80) } });
}

/** The history list: search, re-open as a new request, clear. */
export function HistoryList(): React.JSX.Element {
  const entries = useHistoryStore((s) => s.entries);
  const query = useHistoryStore((s) => s.query);
  const setQuery = useHistoryStore((s) => s.setQuery);
  useEffect(() => {
    const timer = setTimeout(() => void refreshHistory(), 200);
    return () => clearTimeout(timer);
  }, [query]);
  const clear = async (): Promise<void> => {
    try {
      await api().call('history:clear', {});
      await refreshHistory();
    } catch (err) {
      noticeError(errorInfoOf(err));
    }
  };
  return (
    <div className="history" data-testid="history">
      <div className="row-actions">
        <input className="search" type="search" aria-label="Search history" placeholder="Search history" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="history-search" />
        <button type="button" className="icon-button" aria-label="Refresh history" title="Refresh" onClick={() => void refreshHistory()} data-testid="history-refresh">
          ↻
        </button>
        <button type="button" className="icon-button" aria-label="Clear history" title="Clear history" onClick={() => void clear()}>
          🗑
        </button>
      </div>
      <ul className="history-list">
        {entries.map((e) => (
          <li key={e.id}>
            <button type="button" className="history-entry" onClick={() => reopenEntry(e.id)} title={`${e.method} ${e.url}`} data-testid="history-entry">
              <span className={`method-tag method-${e.method.toLowerCase()}`}>{e.method}</span>
              <span className="history-url">{e.url}</span>
              <span className={`status-pill status-${statusClass(e.status)}`}>{e.status === 0 ? (e.errorKind ?? 'error') : e.status}</span>
              <span className="muted">{formatMs(e.durationMs)}</span>
            </button>
          </li>
        ))}
        {entries.length === 0 && <li className="muted">No requests sent yet.</li>}
      </ul>
    </div>
  );
}

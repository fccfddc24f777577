import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef } from 'react';
import { runResults, useRunsStore } from '../../state/runs-store';
import type { SortKey, StatusFilter } from '../../state/runs-store';
import { ResultIndex } from './result-index';
import { ROW_HEIGHT, ResultRow } from './ResultRow';

const COLUMNS: ReadonlyArray<{ key: SortKey | undefined; label: string }> = [
  { key: 'seq', label: '#' },
  { key: 'name', label: 'Request' },
  { key: 'status', label: 'Status' },
  { key: 'durationMs', label: 'Time' },
  { key: 'ttfbMs', label: 'TTFB' },
  { key: 'bytes', label: 'Size' },
  { key: 'iteration', label: 'Iter' },
  { key: undefined, label: 'Checks' },
];

const STATUS_FILTERS: readonly StatusFilter[] = ['all', '2xx', '3xx', '4xx', '5xx', '1xx', 'error'];

function TableControls({ shown, total }: { shown: number; total: number }) {
  const status = useRunsStore((s) => s.table.status);
  const failedOnly = useRunsStore((s) => s.table.failedOnly);
  const setTable = useRunsStore((s) => s.setTable);
  return (
    <div className="batch-table-controls">
      <label>
        Status{' '}
        <select aria-label="Filter by status" value={status} onChange={(e) => setTable({ status: e.target.value as StatusFilter })}>
          {STATUS_FILTERS.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" aria-label="Failed only" checked={failedOnly} onChange={(e) => setTable({ failedOnly: e.target.checked })} /> Failed only
      </label>
      <span className="batch-table-count" data-testid="results-count">
        {shown === total ? `${total} results` : `${shown} of ${total} results`}
      </span>
    </div>
  );
}

/** Memoized: it reads only the sort from the store, so streaming rows never re-render it. */
const HeaderRow = memo(function HeaderRow() {
  const sortKey = useRunsStore((s) => s.table.sortKey);
  const sortDesc = useRunsStore((s) => s.table.sortDesc);
  const setTable = useRunsStore((s) => s.setTable);
  return (
    <div role="row" className="batch-row batch-row-head">
      {COLUMNS.map((c) => {
        const active = c.key !== undefined && c.key === sortKey;
        return (
          <div role="columnheader" key={c.label} aria-sort={active ? (sortDesc ? 'descending' : 'ascending') : 'none'}>
            {c.key === undefined ? (
              c.label
            ) : (
              <button type="button" className="batch-sort" onClick={() => setTable({ sortKey: c.key, sortDesc: active ? !sortDesc : false })}>
                {c.label}
                {active ? (sortDesc ? ' ▼' : ' ▲') : ''}
              </button>
            )}
          </div>
        );
      })}
    </div>
  );
});

/** The virtualized results table of one run: fills in live, sortable, filterable; a row click selects it. */
export function ResultsTable({ runId }: { runId: string }) {
  const version = useRunsStore((s) => s.runs[runId]?.version ?? 0);
  const view = useRunsStore((s) => s.table);
  const selectedSeq = useRunsStore((s) => s.selectedSeq);
  const selectResult = useRunsStore((s) => s.selectResult);
  const indexRef = useRef<{ runId: string; index: ResultIndex } | undefined>(undefined);
  const scrollRef = useRef<HTMLDivElement>(null);

  // Re-derived once per store version (at most once per frame), incrementally.
  const order = useMemo(() => {
    if (indexRef.current?.runId !== runId) indexRef.current = { runId, index: new ResultIndex(view) };
    // The index returns a new array whenever it changed (never mutates one it handed out).
    return indexRef.current.index.sync(runResults(runId).rows(), view);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version is the change signal of the buffer
  }, [runId, version, view]);
  const rows = runResults(runId).rows();

  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 800, height: 400 },
    // The sticky header sits above the rows inside the same scroller.
    scrollMargin: ROW_HEIGHT,
  });

  return (
    <div className="batch-table">
      <TableControls shown={order.length} total={rows.length} />
      <div ref={scrollRef} className="batch-table-scroll" data-testid="results-scroll">
        <div role="table" aria-label="Results" aria-rowcount={order.length} className="batch-table-inner">
          <HeaderRow />
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const r = rows[order[item.index] as number];
              if (r === undefined) return null;
              return <ResultRow key={r.seq} result={r} index={item.index} top={item.start - ROW_HEIGHT} isSelected={selectedSeq === r.seq} onSelect={selectResult} />;
            })}
          </div>
        </div>
      </div>
    </div>
  );
}

import { memo } from 'react';
import type { KeyboardEvent } from 'react';
import type { ResultSummary } from '../../../shared/model/run';
import { formatBytes, formatMs } from './format';
import { statusClassOf } from './result-index';

/** Height of one row (and of the sticky header), in px. */
export const ROW_HEIGHT = 26;

function statusText(r: ResultSummary): string {
  return r.errorKind !== undefined ? r.errorKind : String(r.status);
}

function checksText(r: ResultSummary): string {
  if (r.assertionsFailed > 0) return `${r.assertionsFailed} failed`;
  return r.assertionsPassed > 0 ? `${r.assertionsPassed} ok` : '';
}

interface ResultRowProps {
  readonly result: ResultSummary;
  /** Position in the displayed order (0-based). */
  readonly index: number;
  /** Offset from the top of the rows, in px. */
  readonly top: number;
  readonly isSelected: boolean;
  readonly onSelect: (seq: number) => void;
}

/**
 * One row of the results table. Memoized: rows are immutable summaries, so while a run streams
 * in, a frame re-renders only the rows whose position or selection changed, not every visible row.
 */
export const ResultRow = memo(function ResultRow({ result: r, index, top, isSelected, onSelect }: ResultRowProps) {
  const onKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(r.seq);
    }
  };
  return (
    <div
      role="row"
      tabIndex={0}
      aria-rowindex={index + 1}
      aria-selected={isSelected}
      data-seq={r.seq}
      className={`batch-row ${r.passed ? '' : 'batch-row-failed'} ${isSelected ? 'batch-row-selected' : ''}`}
      style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
      onClick={() => onSelect(r.seq)}
      onKeyDown={onKey}
    >
      <div role="cell">{r.seq + 1}</div>
      <div role="cell" title={`${r.method} ${r.url}`}>
        <span className="batch-method">{r.method}</span> {r.name}
      </div>
      <div role="cell" className={`batch-status batch-status-${statusClassOf(r)}`} title={r.errorMessage}>
        {statusText(r)}
      </div>
      <div role="cell">{formatMs(r.durationMs)}</div>
      <div role="cell">{formatMs(r.ttfbMs)}</div>
      <div role="cell">{formatBytes(r.bytes)}</div>
      <div role="cell">{r.iteration + 1}</div>
      <div role="cell">{checksText(r)}</div>
    </div>
  );
});

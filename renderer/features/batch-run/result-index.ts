import type { ResultSummary } from '../../../shared/model/run';
import type { SortKey, StatusFilter, TableView } from '../../state/runs-store';

/** The status class (or 'error') a result falls in. */
export function statusClassOf(r: ResultSummary): Exclude<StatusFilter, 'all'> {
  if (r.errorKind !== undefined || r.status < 100) return 'error';
  if (r.status < 200) return '1xx';
  if (r.status < 300) return '2xx';
  if (r.status < 400) return '3xx';
  if (r.status < 500) return '4xx';
  return '5xx';
}

/** Whether a row passes the table filter. */
export function matchesFilter(r: ResultSummary, view: TableView): boolean {
  if (view.failedOnly && r.passed) return false;
  return view.status === 'all' || statusClassOf(r) === view.status;
}

type Compare = (a: ResultSummary, b: ResultSummary) => number;

function comparer(key: SortKey, desc: boolean): Compare {
  const sign = desc ? -1 : 1;
  const base: Compare =
    key === 'name'
      ? (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
      : (a, b) => (a[key] as number) - (b[key] as number);
  // seq breaks ties so the order is stable as rows arrive.
  return (a, b) => sign * base(a, b) || a.seq - b.seq;
}

/**
 * A sorted, filtered list of row positions maintained incrementally: new rows are filtered,
 * sorted among themselves and merged in (O(n + k log k) per frame), never a full re-sort.
 */
export class ResultIndex {
  private order: number[] = [];
  private processed = 0;
  private compare: Compare;

  constructor(private view: TableView) {
    this.compare = comparer(view.sortKey, view.sortDesc);
  }

  /** Brings the index up to date with `rows` (append-only) under `view`; returns positions in display order. */
  sync(rows: readonly ResultSummary[], view: TableView): readonly number[] {
    if (view !== this.view) {
      this.view = view;
      this.compare = comparer(view.sortKey, view.sortDesc);
      this.order = [];
      this.processed = 0;
    }
    if (rows.length < this.processed) {
      // A different buffer (another run): start over.
      this.order = [];
      this.processed = 0;
    }
    if (rows.length === this.processed) return this.order;
    const fresh: number[] = [];
    for (let i = this.processed; i < rows.length; i++) if (matchesFilter(rows[i] as ResultSummary, view)) fresh.push(i);
    this.processed = rows.length;
    if (fresh.length === 0) return this.order;
    const cmp = this.compare;
    const at = (i: number): ResultSummary => rows[i] as ResultSummary;
    fresh.sort((a, b) => cmp(at(a), at(b)));
    const old = this.order;
    // Arrival order with ascending seq is the common case: appending keeps it sorted.
    const last = old[old.length - 1];
    const first = fresh[0] as number;
    if (last === undefined || cmp(at(last), at(first)) <= 0) {
      this.order = old.concat(fresh);
      return this.order;
    }
    const merged = new Array<number>(old.length + fresh.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < old.length && j < fresh.length) {
      const a = old[i] as number;
      const b = fresh[j] as number;
      if (cmp(at(a), at(b)) <= 0) {
        merged[k++] = a;
        i++;
      } else {
        merged[k++] = b;
        j++;
      }
    }
    while (i < old.length) merged[k++] = old[i++] as number;
    while (j < fresh.length) merged[k++] = fresh[j++] as number;
    this.order = merged;
    return merged;
  }
}

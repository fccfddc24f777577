import { create } from 'zustand';
import type { ErrorInfo } from '../../shared/model/errors';
import type { ResultSummary, RunConfig, RunProgress, RunState, RunStats } from '../../shared/model/run';

/**
 * Result summaries of one run, kept outside reactive state: appending 100,000 rows never
 * re-renders anything by itself; the runs store bumps a version once per frame instead.
 */
export class RunResults {
  private readonly list: ResultSummary[] = [];
  private readonly seen = new Set<number>();

  /** Appends results not seen before (by seq); returns how many were new. */
  append(results: readonly ResultSummary[]): number {
    let added = 0;
    for (const r of results) {
      if (this.seen.has(r.seq)) continue;
      this.seen.add(r.seq);
      this.list.push(r);
      added++;
    }
    return added;
  }

  /** Rows in arrival order (read-only view; do not mutate). */
  rows(): readonly ResultSummary[] {
    return this.list;
  }

  get size(): number {
    return this.list.length;
  }
}

const byRun = new Map<string, RunResults>();

/** The results buffer of a run (created on first use). */
export function runResults(runId: string): RunResults {
  let buffer = byRun.get(runId);
  if (buffer === undefined) {
    buffer = new RunResults();
    byRun.set(runId, buffer);
  }
  return buffer;
}

/** Drops a run's buffer (run closed in the UI). */
export function dropRunResults(runId: string): void {
  byRun.delete(runId);
}

/** Drops every buffer (tests). */
export function clearAllRunResults(): void {
  byRun.clear();
}

/** What the run dialog was opened for. */
export interface RunDialogState {
  readonly collectionId: string;
  /** Request or folder paths; empty = the whole collection. */
  readonly targets: readonly string[];
}

/** A run as the UI keeps it: counters and stats only; rows live in `runResults(runId)`. */
export interface RunSummary {
  readonly runId: string;
  readonly collectionId: string | undefined;
  readonly configName: string;
  readonly planned: number;
  readonly state: RunState;
  readonly stats: RunStats | undefined;
  readonly error: ErrorInfo | undefined;
  /** Bumped when rows were appended, so tables re-read the buffer once per frame. */
  readonly version: number;
  /** Rows received so far. */
  readonly received: number;
  readonly startedAt: number;
  readonly config: RunConfig | undefined;
}

export type StatusFilter = 'all' | '1xx' | '2xx' | '3xx' | '4xx' | '5xx' | 'error';
export type SortKey = 'seq' | 'name' | 'status' | 'durationMs' | 'ttfbMs' | 'bytes' | 'iteration';

/** How the results table shows rows. */
export interface TableView {
  readonly sortKey: SortKey;
  readonly sortDesc: boolean;
  readonly status: StatusFilter;
  readonly failedOnly: boolean;
}

export interface RunsState {
  readonly dialog: RunDialogState | undefined;
  readonly runs: Readonly<Record<string, RunSummary>>;
  /** Run ids, newest first. */
  readonly order: readonly string[];
  readonly activeRunId: string | undefined;
  /** The result whose full response is shown. */
  readonly selectedSeq: number | undefined;
  readonly table: TableView;
  openRunDialog(collectionId: string, targets: string[]): void;
  closeRunDialog(): void;
  /** Records a run the user started (after `run:start` answered). */
  runStarted(runId: string, collectionId: string, planned: number, config: RunConfig): void;
  /** Applies a batch of progress events in one state update. */
  applyProgress(events: readonly RunProgress[]): void;
  /** Adds rows fetched with `run:results` (a run that was under way before this window loaded). */
  hydrateResults(runId: string, results: readonly ResultSummary[]): void;
  setActiveRun(runId: string | undefined): void;
  selectResult(seq: number | undefined): void;
  setTable(view: Partial<TableView>): void;
  /** Forgets a finished run and its rows. */
  closeRun(runId: string): void;
}

const DEFAULT_TABLE: TableView = { sortKey: 'seq', sortDesc: false, status: 'all', failedOnly: false };

function blankRun(runId: string): RunSummary {
  return { runId, collectionId: undefined, configName: 'run', planned: 0, state: 'running', stats: undefined, error: undefined, version: 0, received: 0, startedAt: Date.now(), config: undefined };
}

function withFront(order: readonly string[], runId: string): readonly string[] {
  return order.includes(runId) ? order : [runId, ...order];
}

/** Batch runs: the dialog, per-run summaries (never the rows themselves) and the table view. */
export const useRunsStore = create<RunsState>()((set) => ({
  dialog: undefined,
  runs: {},
  order: [],
  activeRunId: undefined,
  selectedSeq: undefined,
  table: DEFAULT_TABLE,
  openRunDialog: (collectionId, targets) => set({ dialog: { collectionId, targets: [...targets] } }),
  closeRunDialog: () => set({ dialog: undefined }),
  runStarted: (runId, collectionId, planned, config) =>
    set((s) => {
      // Progress may already have arrived before run:start answered; keep what it brought.
      const prev = s.runs[runId] ?? blankRun(runId);
      const run: RunSummary = { ...prev, collectionId, planned, configName: config.name, config };
      return { runs: { ...s.runs, [runId]: run }, order: withFront(s.order, runId), activeRunId: runId, selectedSeq: undefined };
    }),
  applyProgress: (events) =>
    set((s) => {
      if (events.length === 0) return s;
      const runs: Record<string, RunSummary> = { ...s.runs };
      let order = s.order;
      for (const ev of events) {
        const prev = runs[ev.runId] ?? blankRun(ev.runId);
        const added = runResults(ev.runId).append(ev.results);
        runs[ev.runId] = {
          ...prev,
          state: ev.state,
          stats: ev.stats,
          planned: Math.max(prev.planned, ev.stats.planned),
          error: ev.error ?? prev.error,
          version: added > 0 ? prev.version + 1 : prev.version,
          received: prev.received + added,
        };
        order = withFront(order, ev.runId);
      }
      // With no run shown yet, show the first that reports (not whichever finished a frame last).
      return { runs, order, activeRunId: s.activeRunId ?? events[0]?.runId };
    }),
  hydrateResults: (runId, results) =>
    set((s) => {
      const prev = s.runs[runId];
      if (prev === undefined) return s;
      const added = runResults(runId).append(results);
      if (added === 0) return s;
      return { runs: { ...s.runs, [runId]: { ...prev, version: prev.version + 1, received: prev.received + added } } };
    }),
  setActiveRun: (runId) => set({ activeRunId: runId, selectedSeq: undefined }),
  selectResult: (seq) => set({ selectedSeq: seq }),
  setTable: (view) => set((s) => ({ table: { ...s.table, ...view } })),
  closeRun: (runId) =>
    set((s) => {
      dropRunResults(runId);
      const { [runId]: _gone, ...runs } = s.runs;
      const order = s.order.filter((id) => id !== runId);
      return { runs, order, activeRunId: s.activeRunId === runId ? order[0] : s.activeRunId, selectedSeq: undefined };
    }),
}));

/** The active run's summary (narrow selector). */
export const selectActiveRun = (s: RunsState): RunSummary | undefined => (s.activeRunId === undefined ? undefined : s.runs[s.activeRunId]);

/** Resets the store and every result buffer (tests). */
export function resetRunsStore(): void {
  clearAllRunResults();
  useRunsStore.setState({ dialog: undefined, runs: {}, order: [], activeRunId: undefined, selectedSeq: undefined, table: DEFAULT_TABLE });
}

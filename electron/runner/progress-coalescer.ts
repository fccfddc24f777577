import type { ErrorInfo } from '../../shared/model/errors';
import type { ResultSummary, RunProgress, RunState, RunStats } from '../../shared/model/run';

/** Minimum gap between two progress events: at most ~30 per second per run. */
export const PROGRESS_INTERVAL_MS = 33;

/**
 * Batches finished results into `run:progress` events: the first result after a quiet period is
 * sent within one interval, later ones ride along with the next event. Never one event per result.
 */
export class ProgressCoalescer {
  private pending: ResultSummary[] = [];
  private timer: NodeJS.Timeout | undefined;
  private lastEmit = Number.NEGATIVE_INFINITY;
  private finished = false;

  constructor(
    private readonly runId: string,
    private readonly stats: () => RunStats,
    private readonly emit: (progress: RunProgress) => void,
    private readonly intervalMs: number = PROGRESS_INTERVAL_MS,
  ) {}

  /** Queues one finished result. */
  push(summary: ResultSummary): void {
    if (this.finished) return;
    this.pending.push(summary);
    if (this.timer !== undefined) return;
    const wait = Math.max(0, this.lastEmit + this.intervalMs - performance.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush('running');
    }, wait);
  }

  /** Sends the last event (with whatever is pending); nothing is sent after it. */
  finish(state: RunState, error?: ErrorInfo): void {
    if (this.finished) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.flush(state, error);
    this.finished = true;
  }

  private flush(state: RunState, error?: ErrorInfo): void {
    if (this.finished) return;
    const results = this.pending;
    this.pending = [];
    this.lastEmit = performance.now();
    this.emit(error === undefined ? { runId: this.runId, state, results, stats: this.stats() } : { runId: this.runId, state, results, stats: this.stats(), error });
  }
}

import type { AssertionOutcome, ResultSummary, RunState, RunStats } from '../../../shared/model/run';

/** Everything a report is written from. */
export interface ReportData {
  readonly runId: string;
  readonly collectionName: string;
  readonly configName: string;
  readonly startedAt: number;
  readonly state: RunState;
  readonly stats: RunStats;
  readonly stageNames: readonly string[];
  readonly results: readonly ResultSummary[];
  /** Failed assertion outcomes by result seq (kept for failed results only, bounded). */
  readonly failedAssertions: ReadonlyMap<number, readonly AssertionOutcome[]>;
}

/** Cap on results whose failed assertions are kept for reports. */
export const MAX_FAILURE_DETAILS = 10_000;

/** Collects failed assertion outcomes during a run, bounded. */
export class FailureLog {
  readonly bySeq = new Map<number, readonly AssertionOutcome[]>();

  /** Keeps the failed outcomes of a failed result. */
  add(summary: ResultSummary, outcomes: readonly AssertionOutcome[]): void {
    if (summary.passed || this.bySeq.size >= MAX_FAILURE_DETAILS) return;
    const failed = outcomes.filter((o) => !o.passed);
    if (failed.length > 0) this.bySeq.set(summary.seq, failed);
  }
}

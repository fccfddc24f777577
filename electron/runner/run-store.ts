import { SalvoError } from '../../shared/model/errors';
import type { ResponseView } from '../../shared/model/response';
import type { ResultSummary } from '../../shared/model/run';

/** Bytes of previews / details kept per run before passing results stop keeping theirs. */
export const DEFAULT_DETAIL_BUDGET = 96 * 1024 * 1024;
/** Failed results keep their details in a separate, smaller budget: they are the rows users open. */
export const DEFAULT_FAILURE_BUDGET = 48 * 1024 * 1024;

/**
 * The results of one run in the main process: every summary (small) plus, within a byte budget,
 * the response detail (headers, timings, capped body preview) that `run:result` returns.
 */
export class RunStore {
  private readonly summaries: ResultSummary[] = [];
  private readonly details = new Map<number, ResponseView>();
  private detailBytes = 0;
  private failureBytes = 0;

  constructor(
    private readonly detailBudget = DEFAULT_DETAIL_BUDGET,
    private readonly failureBudget = DEFAULT_FAILURE_BUDGET,
  ) {}

  /** Adds one result; its detail is kept when the budget allows. */
  add(summary: ResultSummary, detail: ResponseView | undefined): void {
    this.summaries.push(summary);
    if (detail === undefined) return;
    const cost = estimateBytes(detail);
    if (summary.passed) {
      if (this.detailBytes + cost > this.detailBudget) return;
      this.detailBytes += cost;
    } else {
      if (this.failureBytes + cost > this.failureBudget) return;
      this.failureBytes += cost;
    }
    this.details.set(summary.seq, detail);
  }

  get size(): number {
    return this.summaries.length;
  }

  /** All summaries in completion order (do not mutate). */
  all(): readonly ResultSummary[] {
    return this.summaries;
  }

  /** A page of summaries. */
  page(offset: number, limit: number): readonly ResultSummary[] {
    return this.summaries.slice(offset, offset + limit);
  }

  /** The detail of one result, or a not-found error saying why. */
  detail(seq: number): ResponseView {
    const found = this.details.get(seq);
    if (found !== undefined) return found;
    if (seq >= this.summaries.length) throw new SalvoError('not-found', `no result ${seq} in this run`);
    throw new SalvoError('not-found', `the response of result ${seq} was not kept (nothing was received, or the run outgrew its memory budget for previews)`);
  }
}

/** A rough size of a stored detail: strings count twice (UTF-16), plus fixed object overhead. */
function estimateBytes(view: ResponseView): number {
  let n = 600 + view.preview.length * 2 + view.url.length * 2 + view.sent.url.length * 2;
  for (const [k, v] of view.headers) n += (k.length + v.length) * 2 + 48;
  for (const [k, v] of view.sent.headers) n += (k.length + v.length) * 2 + 48;
  return n;
}

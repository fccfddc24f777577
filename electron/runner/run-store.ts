import { TextDecoder } from 'node:util';
import { redact } from '../../shared/lib/variables';
import { SalvoError } from '../../shared/model/errors';
import type { ResponseResult, ResponseView } from '../../shared/model/response';
import type { ResultSummary } from '../../shared/model/run';

/** Body bytes kept per result for the row preview. */
export const PREVIEW_BYTES = 4 * 1024;

/** Estimated bytes of details kept for passing results; beyond it the oldest are dropped (newest rows stay openable). */
export const DEFAULT_DETAIL_BUDGET = 48 * 1024 * 1024;
/** Failed results keep their details in a separate budget (first come, kept): they are the rows users open. */
export const DEFAULT_FAILURE_BUDGET = 32 * 1024 * 1024;

/** One result as kept for its row detail: the engine result with at most a preview of its body. */
export interface StoredDetail {
  readonly result: ResponseResult;
  /** Secret values substituted into the request: redacted from the preview when it is shown. */
  readonly secrets: readonly string[];
}

const utf8 = new TextDecoder('utf-8');

/**
 * The results of one run in the main process: every summary (small) plus, within a byte budget,
 * the response detail (headers, timings, capped body preview) that `run:result` returns.
 */
export class RunStore {
  private readonly summaries: ResultSummary[] = [];
  // Kept passing details as three parallel queues (arrays + head), oldest first, seqs ascending (the
  // batch numbers results as they complete). Not a Map keyed by seq: with one entry per result its
  // rehashing and per-entry wrappers cost more than the rest of the bookkeeping of a result.
  private readonly passingSeqs: number[] = [];
  private readonly passingDetails: Array<StoredDetail | undefined> = [];
  private readonly passingCosts: number[] = [];
  private passingHead = 0;
  private readonly failing = new Map<number, StoredDetail>();
  private detailBytes = 0;
  private failureBytes = 0;

  constructor(
    private readonly detailBudget = DEFAULT_DETAIL_BUDGET,
    private readonly failureBudget = DEFAULT_FAILURE_BUDGET,
  ) {}

  /**
   * Adds one result; a preview of its response (`secrets` redacted when shown) is kept when the
   * budget allows. The preview is made only then: a store that keeps nothing costs nothing more.
   */
  add(summary: ResultSummary, response: ResponseResult | undefined, secrets: readonly string[]): void {
    this.summaries.push(summary);
    // A store that keeps no passing details (the CLI's) does not even weigh them.
    if (response === undefined || (summary.passed && this.detailBudget === 0)) return;
    const cost = estimateBytes(response);
    if (!summary.passed) {
      if (this.failureBytes + cost > this.failureBudget) return;
      this.failureBytes += cost;
      this.failing.set(summary.seq, keepPreview(response, secrets));
      return;
    }
    if (cost > this.detailBudget) return;
    this.passingSeqs.push(summary.seq);
    this.passingDetails.push(keepPreview(response, secrets));
    this.passingCosts.push(cost);
    this.detailBytes += cost;
    while (this.detailBytes > this.detailBudget && this.passingHead < this.passingSeqs.length) {
      this.detailBytes -= this.passingCosts[this.passingHead] ?? 0;
      this.passingDetails[this.passingHead] = undefined;
      this.passingHead++;
    }
    // Compact the queues now and then so they do not grow with the run.
    if (this.passingHead > 4096 && this.passingHead * 2 > this.passingSeqs.length) {
      this.passingSeqs.splice(0, this.passingHead);
      this.passingDetails.splice(0, this.passingHead);
      this.passingCosts.splice(0, this.passingHead);
      this.passingHead = 0;
    }
  }

  /** A kept passing detail by seq (binary search over the ascending seqs still kept). */
  private passingDetail(seq: number): StoredDetail | undefined {
    let lo = this.passingHead;
    let hi = this.passingSeqs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.passingSeqs[mid] ?? -1;
      if (at === seq) return this.passingDetails[mid];
      if (at < seq) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
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
    const found = this.failing.get(seq) ?? this.passingDetail(seq);
    if (found !== undefined) return toView(found);
    if (seq >= this.summaries.length) throw new SalvoError('not-found', `no result ${seq} in this run`);
    throw new SalvoError('not-found', `the response of result ${seq} was not kept (nothing was received, or the run outgrew its memory budget for previews)`);
  }
}

/** Keeps a result for its row detail with at most the preview bytes of its body (the view is built on demand). */
function keepPreview(result: ResponseResult, secrets: readonly string[]): StoredDetail {
  const body = result.body;
  if (body.kind === 'memory' && body.bytes.byteLength <= PREVIEW_BYTES) return { result, secrets };
  // Copy the preview out so the full analysis buffer can be collected.
  const bytes = body.kind === 'memory' ? body.bytes.slice(0, PREVIEW_BYTES) : new Uint8Array(0);
  return { result: { ...result, body: { kind: 'memory', bytes } }, secrets };
}

/** A rough retained size of a kept result (V8 objects, header strings, the preview bytes). */
function estimateBytes(result: ResponseResult): number {
  // What `keepPreview` will keep of the body, not what the engine received.
  const body = result.body.kind === 'memory' ? Math.min(PREVIEW_BYTES, result.body.bytes.byteLength) : 0;
  return 1200 + body + (result.headers.length + result.sent.headers.length) * 120 + result.url.length * 2;
}

/** The row detail: everything but the body, plus a redacted preview. */
function toView(detail: StoredDetail): ResponseView {
  const { body, ...rest } = detail.result;
  const bytes = body.kind === 'memory' ? body.bytes : new Uint8Array(0);
  const preview = rest.isBinary ? Buffer.from(bytes).toString('base64') : redact(utf8.decode(bytes), detail.secrets);
  return { ...rest, bodyBytes: rest.sizes.bodyDecoded, preview, previewEncoding: rest.isBinary ? 'base64' : 'text', previewTruncated: rest.sizes.bodyDecoded > bytes.byteLength };
}

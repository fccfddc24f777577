import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { ResolveOutcome, VariableLayer } from '../../shared/lib/variables';
import type { RequestSpec } from '../../shared/model/request';
import { SalvoError, toErrorInfo } from '../../shared/model/errors';
import type { ErrorInfo } from '../../shared/model/errors';
import type { AssertionOutcome, ResultSummary, RunProgress, RunState, RunStats } from '../../shared/model/run';
import type { Engine } from '../engine/types';
import type { EffectiveRequest } from '../handlers/context';
import type { DataRow } from './data-file';
import { buildDependencyGraph } from './dependency-graph';
import { ProgressCoalescer } from './progress-coalescer';
import { RateLimiter } from './rate-limiter';
import { executeRequest, notSent, numberInPlace } from './request-executor';
import type { Executed, ItemPlace, SendPolicy } from './request-executor';
import { RunStatsCollector } from './run-stats';
import { RunStore } from './run-store';
import { abortableSleep } from './sleep';
import { StageCursor } from './stage-cursor';
import type { StageItem } from './stage-cursor';

const NO_LAYERS: readonly VariableLayer[] = [];
const NO_FAILED: Readonly<ReturnType<StageCursor['failedProducers']>> = [];

/** A stage ready to run: its effective requests in saved order. */
export interface PlannedStage {
  readonly name: string;
  readonly requests: readonly EffectiveRequest[];
  readonly concurrency: number;
  readonly iterations: number;
}

/** Everything a batch needs, independent of collections (so it is testable with plain lists). */
export interface BatchPlan {
  readonly stages: readonly PlannedStage[];
  /** Data rows (each pass of a stage runs once per row per iteration); empty = no data file. */
  readonly dataRows: readonly DataRow[];
  readonly rateLimit: number;
  readonly delayMs: number;
  readonly stopOnFailure: boolean;
  readonly policy: SendPolicy;
  /** Initial runtime values (e.g. carried from a previous run); usually empty. */
  readonly runtime?: ReadonlyMap<string, string>;
}

/** Hooks of a running batch. */
export interface BatchHooks {
  readonly emit?: (progress: RunProgress) => void;
  /** Called for every finished result with its assertion outcomes (reports keep these for failures). */
  readonly onResult?: (summary: ResultSummary, assertions: readonly AssertionOutcome[]) => void;
  readonly store?: RunStore;
  readonly progressIntervalMs?: number;
}

/** How a batch ended. */
export interface BatchOutcome {
  readonly state: RunState;
  readonly stats: RunStats;
  readonly error: ErrorInfo | undefined;
}

/**
 * One batch run. Semantics (README "Batch runs"):
 * - stages run one after another; within a stage, passes (iterations x data rows) run in order and
 *   each pass sends the stage's requests in saved order; at concurrency 1 strictly one at a time.
 * - above 1, up to `concurrency` requests are in flight; each resolves its variables when it
 *   starts, so it sees values extracted by requests that finished before it started; a request
 *   that uses a variable another request of the same pass extracts waits for that producer; a
 *   failed producer makes its consumers fail (nothing sent) instead of deadlocking; a cycle is an
 *   `invalid-input` error before anything is sent.
 * - extracted values are run-wide runtime variables (later stages see them), and within a pass the
 *   pass's own values win.
 */
export class BatchRun {
  readonly runId: string;
  readonly planned: number;
  readonly store: RunStore;
  private readonly controller = new AbortController();
  private readonly stats: RunStatsCollector;
  private readonly coalescer: ProgressCoalescer;
  private readonly runtime: Map<string, string>;
  private readonly limiter: RateLimiter | undefined;
  private seq = 0;
  private stopReason: string | undefined;
  /** Set by a cancel or a stop on failure: a plain field, read by every worker before every item. */
  private stopped = false;
  private cancelRequested = false;
  private outcome: Promise<BatchOutcome> | undefined;
  private sent = 0;
  /** Resolved specs reused across sends when nothing in the run can change a value. */
  private readonly resolveCache: Map<EffectiveRequest, ResolveOutcome<RequestSpec>> | undefined;
  /**
   * The send each worker has in flight (0 = none), by worker slot: a cancel aborts them by engine
   * id (`idPrefix + n`). A worker has at most one send at a time, so this costs two array writes per send.
   */
  private readonly sendingBySlot: number[] = [];
  private readonly idPrefix: string;

  constructor(
    private readonly engine: Engine,
    private readonly plan: BatchPlan,
    private readonly hooks: BatchHooks = {},
    runId: string = randomUUID(),
  ) {
    this.runId = runId;
    this.idPrefix = `run:${runId}:`;
    // Every in-flight send listens on the run's signal: as many listeners as the concurrency.
    setMaxListeners(0, this.controller.signal);
    const rows = Math.max(1, plan.dataRows.length);
    this.planned = plan.stages.reduce((n, s) => n + s.requests.length * s.iterations * rows, 0);
    // Check every stage's graph up front: a cycle anywhere refuses the whole run before any send.
    for (const stage of plan.stages) if (stage.concurrency > 1) buildDependencyGraph(stage.requests);
    this.store = hooks.store ?? new RunStore();
    this.stats = new RunStatsCollector(this.planned);
    this.runtime = new Map(plan.runtime ?? []);
    const valuesFixed = plan.dataRows.length === 0 && this.runtime.size === 0 && plan.stages.every((st) => st.requests.every((r) => r.spec.extractions.length === 0));
    this.resolveCache = valuesFixed ? new Map() : undefined;
    this.limiter = plan.rateLimit > 0 ? new RateLimiter(plan.rateLimit) : undefined;
    this.coalescer = new ProgressCoalescer(this.runId, () => this.stats.snapshot(), (p) => hooks.emit?.(p), hooks.progressIntervalMs);
  }

  /** Starts the run (once); resolves when it ends, never rejects. */
  start(): Promise<BatchOutcome> {
    this.outcome ??= this.runAll();
    return this.outcome;
  }

  /** Aborts in-flight requests and sends nothing new; results so far are kept. */
  cancel(): void {
    this.cancelRequested = true;
    this.stopped = true;
    this.controller.abort();
    for (const n of this.sendingBySlot) if (n > 0) this.engine.cancel(this.idPrefix + n);
  }

  get isCancelled(): boolean {
    return this.controller.signal.aborted;
  }

  /** Requests handed to the engine so far (retries excluded). */
  get sentCount(): number {
    return this.sent;
  }

  /** Current statistics. */
  snapshot(): RunStats {
    return this.stats.snapshot();
  }

  private async runAll(): Promise<BatchOutcome> {
    let error: ErrorInfo | undefined;
    try {
      for (let s = 0; s < this.plan.stages.length && !this.isStopped(); s++) {
        const stage = this.plan.stages[s];
        if (stage !== undefined) await this.runStage(stage, s);
      }
    } catch (err) {
      error = toErrorInfo(err);
    } finally {
      this.limiter?.close();
    }
    this.stats.finish();
    const cancelled = this.controller.signal.aborted && this.stopReason === undefined;
    const state: RunState = error !== undefined ? 'failed' : cancelled ? 'cancelled' : 'done';
    if (error === undefined && this.stopReason !== undefined) error = { kind: 'cancelled', message: this.stopReason };
    this.coalescer.finish(state, error);
    return { state, stats: this.stats.snapshot(), error };
  }

  private isStopped(): boolean {
    return this.stopped;
  }

  private async runStage(stage: PlannedStage, stageIndex: number): Promise<void> {
    const rows = Math.max(1, this.plan.dataRows.length);
    const graph = stage.concurrency > 1 ? buildDependencyGraph(stage.requests) : undefined;
    const cursor = new StageCursor(stage.iterations * rows, stage.requests.length, graph);
    // The wake-up promise exists only while a worker waits: most items finish with nobody waiting.
    let wake: (() => void) | undefined;
    let wakeSignal: Promise<void> | undefined;
    const notify = (): void => {
      const w = wake;
      wake = undefined;
      wakeSignal = undefined;
      w?.();
    };
    const worker = async (slot: number): Promise<void> => {
      while (!this.isStopped()) {
        const next = cursor.next();
        if (next.kind === 'end') return;
        if (next.kind === 'wait') {
          // Woken when any item of the stage finishes, or by a cancel.
          await (wakeSignal ??= new Promise<void>((resolve) => (wake = resolve)));
          continue;
        }
        // One await per item: the send's own promise when there is one (no async frame around it).
        const started = this.startItem(stage, stageIndex, cursor, next.item, slot);
        const executed = started instanceof Promise ? await started : started;
        this.sendingBySlot[slot] = 0;
        if (executed !== undefined) this.completeItem(cursor, next.item, executed);
        notify();
        if (this.plan.delayMs > 0 && !(await abortableSleep(this.plan.delayMs, this.controller.signal))) return;
      }
    };
    const workers = Math.min(stage.concurrency, Math.max(1, cursor.total));
    const signal = this.controller.signal;
    signal.addEventListener('abort', notify, { once: true });
    try {
      await Promise.all(Array.from({ length: workers }, (_, slot) => worker(slot)));
    } finally {
      signal.removeEventListener('abort', notify);
    }
  }

  /**
   * Starts one item: its send's promise, its result at once (a failed producer: nothing to send),
   * or undefined when it is skipped (stopped, cancelled while waiting for the rate limiter).
   */
  private startItem(stage: PlannedStage, stageIndex: number, cursor: StageCursor, item: StageItem, slot: number): Promise<Executed | undefined> | Executed | undefined {
    const request = stage.requests[item.index];
    if (request === undefined) return undefined;
    const rows = this.plan.dataRows.length;
    const place: ItemPlace = { stage: stageIndex, iteration: rows > 0 ? Math.floor(item.pass / rows) : item.pass, dataRow: rows > 0 ? item.pass % rows : undefined };
    const failed = cursor.tracksOutcomes ? cursor.failedProducers(item) : NO_FAILED;
    if (failed.length > 0) {
      const first = failed[0];
      const producer = first === undefined ? undefined : stage.requests[first.index];
      return notSent(request, place, { kind: 'unresolved-variable', message: `{{${first?.variable ?? '?'}}} was not extracted: ${producer?.path ?? 'its producer'} failed (${first?.reason ?? 'unknown'})` });
    }
    if (this.limiter !== undefined) return this.sendWhenAllowed(this.limiter, request, place, cursor, item, slot);
    return this.isStopped() ? undefined : this.send(request, place, cursor, item, slot);
  }

  private async sendWhenAllowed(limiter: RateLimiter, request: EffectiveRequest, place: ItemPlace, cursor: StageCursor, item: StageItem, slot: number): Promise<Executed | undefined> {
    try {
      await limiter.acquire(this.controller.signal);
    } catch {
      return undefined;
    }
    return this.isStopped() ? undefined : this.send(request, place, cursor, item, slot);
  }

  /** Hands one request to the executor; the worker in `slot` clears its in-flight mark when it settles. */
  private send(request: EffectiveRequest, place: ItemPlace, cursor: StageCursor, item: StageItem, slot: number): Promise<Executed> {
    const n = ++this.sent;
    this.sendingBySlot[slot] = n;
    // A request resolved once for the whole run needs no per-item layers.
    const layers = this.resolveCache?.has(request) === true ? NO_LAYERS : this.layersFor(cursor, item, place.dataRow);
    return executeRequest(this.engine, request, place, layers, this.plan.policy, this.idPrefix + n, this.controller.signal, this.resolveCache);
  }

  private completeItem(cursor: StageCursor, item: StageItem, executed: Executed): void {
    // A cancelled run reports only what finished before the cancel.
    if (executed.cancelled || this.cancelRequested) return;
    if (executed.extracted.size > 0) for (const [k, v] of executed.extracted) this.runtime.set(k, v);
    if (cursor.tracksOutcomes) cursor.complete(item, { ok: executed.summary.passed || executed.missing.length === 0, values: executed.extracted, reason: executed.summary.errorMessage ?? executed.missing.map((m) => m.reason).join('; ') });
    this.record(executed);
  }

  private layersFor(cursor: StageCursor, item: StageItem, dataRow: number | undefined): VariableLayer[] {
    const layers: VariableLayer[] = [];
    const row = dataRow === undefined ? undefined : this.plan.dataRows[dataRow];
    if (row !== undefined) layers.push({ scope: 'data', values: row });
    // Run-wide runtime values, read synchronously when the request resolves (its start), then this pass's own values on top.
    layers.push({ scope: 'runtime', values: this.runtime });
    const pass = cursor.passRuntime(item.pass);
    if (pass !== undefined && pass.size > 0) layers.push({ scope: 'runtime', values: pass });
    return layers;
  }

  private record(executed: Executed): void {
    // Numbered at completion, in place: the summary is not shared with anyone until this line.
    const summary = numberInPlace(executed.summary, this.seq++);
    this.stats.add(summary, executed.phases);
    this.store.add(summary, executed.response, executed.secrets);
    this.hooks.onResult?.(summary, executed.assertions);
    this.coalescer.push(summary);
    if (!summary.passed && this.plan.stopOnFailure && this.stopReason === undefined) {
      this.stopped = true;
      this.stopReason = `stopped on the first failure: ${summary.requestPath} (${summary.errorMessage ?? `${summary.assertionsFailed} assertion(s) failed`})`;
    }
  }
}

/** Thrown into callers that try to start a plan with nothing in it. */
export function emptyPlanError(): SalvoError {
  return new SalvoError('invalid-input', 'nothing to run: the target has no requests');
}

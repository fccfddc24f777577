import type { ErrorKind } from '../../shared/model/errors';
import type { Percentiles, ResultSummary, RunStats } from '../../shared/model/run';
import { LatencyHistogram } from './latency-histogram';

/** Timing phases of one result that feed the phase histograms (ms; 0 = did not happen). */
export interface PhaseTimes {
  readonly connect: number;
  readonly tls: number;
  readonly ttfb: number;
}

type StatusClass = keyof RunStats['byStatusClass'];
type TimelineEntry = RunStats['timeline'][number];

/** Width of one slot of the "throughput now" window. */
const SLOT_MS = 100;
const WINDOW_SLOTS = 10;

interface RequestStats {
  /**
   * Undefined while this is the only request of the run: its latencies are then exactly the
   * overall histogram's, so one record per result serves both (the one-endpoint load test). Made
   * from a copy of the overall one when a second request shows up.
   */
  histogram: LatencyHistogram | undefined;
  failed: number;
  /** Last computed summary; recomputed only when new results arrived (snapshots run ~30/s). */
  cached: (Percentiles & { readonly failed: number }) | undefined;
}

/**
 * Running statistics of a batch, kept incrementally: every counter is O(1) per result and every
 * distribution is an HDR histogram, so memory does not grow with the number of results (the
 * timeline grows by one small entry per elapsed second).
 */
export class RunStatsCollector {
  private readonly startedAt: number;
  private endedAt: number | undefined;
  private done = 0;
  private passed = 0;
  private failed = 0;
  private assertionsPassed = 0;
  private assertionsFailed = 0;
  private bytes = 0;
  private readonly byStatusClass: Record<StatusClass, number> = { '1xx': 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };
  private readonly byErrorKind: Partial<Record<ErrorKind, number>> = {};
  private readonly latency = new LatencyHistogram();
  private readonly phases = { connect: new LatencyHistogram(), tls: new LatencyHistogram(), ttfb: new LatencyHistogram() };
  private readonly perRequest = new Map<string, RequestStats>();
  private readonly timeline: TimelineEntry[] = [];
  // The current second is accumulated in one reusable histogram and frozen when the clock moves on.
  private readonly secondHistogram = new LatencyHistogram(2);
  private currentSecond = 0;
  private secondCount = 0;
  private secondFailed = 0;
  private readonly slots = new Array<number>(WINDOW_SLOTS).fill(0);
  private lastSlot = 0;

  /** `clock` returns milliseconds on a monotonic scale (performance.now by default). */
  constructor(
    private planned: number,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.startedAt = clock();
  }

  /** Adjusts the planned count (stages are planned lazily, a bail or cancel ends early). */
  setPlanned(planned: number): void {
    this.planned = planned;
  }

  /** Adds one finished result. */
  add(summary: ResultSummary, phases: PhaseTimes): void {
    const now = this.clock();
    this.advanceSecond(now);
    const slot = this.advanceSlots(now);
    this.done++;
    if (summary.passed) this.passed++;
    else this.failed++;
    this.assertionsPassed += summary.assertionsPassed;
    this.assertionsFailed += summary.assertionsFailed;
    this.bytes += summary.bytes;
    const cls = statusClass(summary.status);
    if (cls !== undefined) this.byStatusClass[cls]++;
    if (summary.errorKind !== undefined) this.byErrorKind[summary.errorKind] = (this.byErrorKind[summary.errorKind] ?? 0) + 1;
    // Before anything is recorded: a second request copies the overall histogram for the first.
    const request = this.perRequest.get(summary.requestPath) ?? this.addRequest(summary.requestPath);
    // Requests never sent (unresolved variables, failed producers) have no latency to record.
    const wasSent = summary.status > 0 || summary.durationMs > 0;
    if (wasSent) {
      this.latency.record(summary.durationMs);
      request.histogram?.record(summary.durationMs);
      this.secondHistogram.record(summary.durationMs);
      if (phases.connect > 0) this.phases.connect.record(phases.connect);
      if (phases.tls > 0) this.phases.tls.record(phases.tls);
      if (phases.ttfb > 0) this.phases.ttfb.record(phases.ttfb);
    }
    if (!summary.passed) request.failed++;
    request.cached = undefined;
    this.secondCount++;
    if (!summary.passed) this.secondFailed++;
    this.slots[slot % WINDOW_SLOTS] = (this.slots[slot % WINDOW_SLOTS] ?? 0) + 1;
  }

  private addRequest(path: string): RequestStats {
    // The first request shares the overall histogram; when a second one arrives, the first gets
    // its own, starting from the overall one (which so far holds exactly its latencies).
    for (const only of this.perRequest.values()) only.histogram ??= this.latency.copy();
    const request: RequestStats = { histogram: this.perRequest.size === 0 ? undefined : new LatencyHistogram(), failed: 0, cached: undefined };
    this.perRequest.set(path, request);
    return request;
  }

  /** Freezes elapsed time (the run ended). */
  finish(): void {
    this.endedAt ??= this.clock();
  }

  /** A snapshot; cheap enough to take ~30 times a second. */
  snapshot(): RunStats {
    const now = this.endedAt ?? this.clock();
    this.advanceSlots(now);
    const elapsedMs = Math.max(0, now - this.startedAt);
    const perRequest: Record<string, Percentiles & { readonly failed: number }> = {};
    for (const [path, stats] of this.perRequest) {
      stats.cached ??= { ...(stats.histogram ?? this.latency).percentiles(), failed: stats.failed };
      perRequest[path] = stats.cached;
    }
    const windowMs = Math.min(elapsedMs, SLOT_MS * WINDOW_SLOTS);
    const inWindow = this.slots.reduce((a, b) => a + b, 0);
    return {
      total: this.planned,
      planned: this.planned,
      done: this.done,
      passed: this.passed,
      failed: this.failed,
      byStatusClass: { ...this.byStatusClass },
      byErrorKind: { ...this.byErrorKind },
      assertionsPassed: this.assertionsPassed,
      assertionsFailed: this.assertionsFailed,
      bytes: this.bytes,
      elapsedMs: Math.round(elapsedMs),
      throughputNow: this.endedAt !== undefined || windowMs <= 0 ? 0 : round1((inWindow * 1000) / windowMs),
      throughputOverall: elapsedMs > 0 ? round1((this.done * 1000) / elapsedMs) : 0,
      latency: this.latency.percentiles(),
      phases: { connect: this.phases.connect.percentiles(), tls: this.phases.tls.percentiles(), ttfb: this.phases.ttfb.percentiles() },
      perRequest,
      timeline: this.secondCount > 0 ? [...this.timeline, this.currentEntry()] : [...this.timeline],
    };
  }

  private currentEntry(): TimelineEntry {
    return { second: this.currentSecond, count: this.secondCount, failed: this.secondFailed, p50: this.secondHistogram.at(50), p95: this.secondHistogram.at(95) };
  }

  private advanceSecond(now: number): void {
    const second = Math.max(0, Math.floor((now - this.startedAt) / 1000));
    if (second === this.currentSecond) return;
    this.timeline.push(this.currentEntry());
    // Seconds with no completions still get an entry, so the timeline has one per elapsed second.
    for (let s = this.currentSecond + 1; s < second; s++) this.timeline.push({ second: s, count: 0, failed: 0, p50: 0, p95: 0 });
    this.currentSecond = second;
    this.secondCount = 0;
    this.secondFailed = 0;
    this.secondHistogram.reset();
  }

  /** Clears the slots that fell out of the window since the last call; returns the current slot. */
  private advanceSlots(now: number): number {
    const slot = Math.floor(now / SLOT_MS);
    for (let s = Math.max(this.lastSlot + 1, slot - WINDOW_SLOTS + 1); s <= slot; s++) this.slots[s % WINDOW_SLOTS] = 0;
    if (slot > this.lastSlot) this.lastSlot = slot;
    return slot;
  }
}

/** The status class of an HTTP status; undefined when nothing was received. */
export function statusClass(status: number): StatusClass | undefined {
  if (status >= 100 && status < 200) return '1xx';
  if (status >= 200 && status < 300) return '2xx';
  if (status >= 300 && status < 400) return '3xx';
  if (status >= 400 && status < 500) return '4xx';
  if (status >= 500 && status < 600) return '5xx';
  return undefined;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

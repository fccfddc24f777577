import { build } from 'hdr-histogram-js';
import type { Histogram } from 'hdr-histogram-js';
import type { Percentiles } from '../../shared/model/run';

/** Values are recorded in microseconds so sub-millisecond loopback latencies keep their resolution. */
const MICROS = 1000;
/** One hour in microseconds: anything longer is clamped (the histogram auto-resizes anyway). */
const HIGHEST = 3_600_000_000;

/** Empty percentiles (nothing recorded yet). */
export const EMPTY_PERCENTILES: Percentiles = { count: 0, min: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0, mean: 0 };

/**
 * A latency histogram in milliseconds over hdr-histogram-js: constant memory whatever the count,
 * 3 significant digits by default (2 for the many small per-second ones).
 */
export class LatencyHistogram {
  private readonly histogram: Histogram;
  private sumMs = 0;
  private minMs = Number.POSITIVE_INFINITY;
  private maxMs = 0;

  constructor(private readonly digits: 2 | 3 = 3) {
    this.histogram = build({ bitBucketSize: 32, lowestDiscernibleValue: 1, highestTrackableValue: HIGHEST, numberOfSignificantValueDigits: digits, autoResize: true });
  }

  /** Records one latency in ms (negative or NaN values are ignored). */
  record(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    this.histogram.recordValue(Math.max(1, Math.round(ms * MICROS)));
    this.sumMs += ms;
    // Exact min / max (the histogram only keeps them to its precision).
    if (ms < this.minMs) this.minMs = ms;
    if (ms > this.maxMs) this.maxMs = ms;
  }

  /** An independent histogram holding the same values (exact min, max and mean included). */
  copy(): LatencyHistogram {
    const copy = new LatencyHistogram(this.digits);
    copy.histogram.add(this.histogram);
    copy.sumMs = this.sumMs;
    copy.minMs = this.minMs;
    copy.maxMs = this.maxMs;
    return copy;
  }

  get count(): number {
    return this.histogram.totalCount;
  }

  /** Value at a percentile (0-100) in ms. */
  at(percentile: number): number {
    if (this.count === 0) return 0;
    return round3(this.histogram.getValueAtPercentile(percentile) / MICROS);
  }

  /** Summary in ms, rounded to microseconds. */
  percentiles(): Percentiles {
    const count = this.count;
    if (count === 0) return EMPTY_PERCENTILES;
    const min = round3(this.minMs);
    const max = round3(this.maxMs);
    // HDR reports a bucket's upper edge; clamp so a percentile never reads above the exact max.
    const clamp = (v: number): number => Math.min(max, Math.max(min, v));
    return {
      count,
      min,
      p50: clamp(this.at(50)),
      p90: clamp(this.at(90)),
      p95: clamp(this.at(95)),
      p99: clamp(this.at(99)),
      max,
      mean: round3(this.sumMs / count),
    };
  }

  reset(): void {
    this.histogram.reset();
    this.sumMs = 0;
    this.minMs = Number.POSITIVE_INFINITY;
    this.maxMs = 0;
  }
}

function round3(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

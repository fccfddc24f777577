import { describe, expect, it } from 'vitest';
import { RunStatsCollector } from '../../electron/runner/run-stats';
import { summary } from './summary';

function near(actual: number, expected: number, relative = 0.001): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(expected * relative + 1e-9);
}

describe('run statistics', () => {
  it('matches hand-computed counts, percentiles, phases, throughput and timeline', () => {
    let now = 1000;
    const stats = new RunStatsCollector(12, () => now);
    // 10 results over 2 seconds: latencies 1..10 ms; two fail (a 500 and a timeout).
    for (let i = 1; i <= 10; i++) {
      now = 1000 + (i <= 6 ? i * 100 : 1000 + i * 50);
      const failed = i === 4 || i === 9;
      stats.add(
        summary({
          seq: i - 1,
          requestPath: i % 2 === 0 ? 'even.yaml' : 'odd.yaml',
          durationMs: i,
          status: i === 9 ? 0 : i === 4 ? 500 : 200,
          errorKind: i === 9 ? 'timeout' : undefined,
          passed: !failed,
          bytes: 10 * i,
          assertionsPassed: 1,
          assertionsFailed: failed ? 1 : 0,
        }),
        { connect: i === 1 ? 3 : 0, tls: 0, ttfb: i / 2 },
      );
    }
    now = 3000;
    stats.finish();
    const s = stats.snapshot();
    expect(s).toMatchObject({ planned: 12, done: 10, passed: 8, failed: 2, assertionsPassed: 10, assertionsFailed: 2, bytes: 550, elapsedMs: 2000 });
    expect(s.byStatusClass).toEqual({ '1xx': 0, '2xx': 8, '3xx': 0, '4xx': 0, '5xx': 1 });
    expect(s.byErrorKind).toEqual({ timeout: 1 });
    expect(s.throughputOverall).toBe(5);
    expect(s.latency).toMatchObject({ count: 10, min: 1, max: 10, mean: 5.5 });
    // HDR keeps 3 significant digits: percentiles are within 0.1% of the exact order statistics.
    near(s.latency.p50, 5);
    near(s.latency.p90, 9);
    near(s.latency.p95, 10);
    near(s.latency.p99, 10);
    expect(s.phases.connect).toMatchObject({ count: 1, min: 3, max: 3 });
    expect(s.phases.ttfb).toMatchObject({ count: 10 });
    near(s.phases.ttfb.p50, 2.5);
    expect(s.perRequest['even.yaml']).toMatchObject({ count: 5, min: 2, max: 10, failed: 1 });
    expect(s.perRequest['odd.yaml']).toMatchObject({ count: 5, min: 1, max: 9, failed: 1 });
    // Results 1-6 complete at 0.1..0.6 s (second 0), 7-10 at 1.35..1.5 s (second 1).
    expect(s.timeline.map((t) => t.count).reduce((a, b) => a + b, 0)).toBe(10);
    expect(s.timeline[0]).toMatchObject({ second: 0, count: 6, failed: 1 });
    near(s.timeline[0]?.p50 ?? -1, 3, 0.01);
    expect(s.timeline[1]).toMatchObject({ second: 1, count: 4, failed: 1 });
    near(s.timeline[1]?.p95 ?? -1, 10, 0.01);
  });

  it('throughput now counts the last second only', () => {
    let now = 0;
    const stats = new RunStatsCollector(100, () => now);
    for (let i = 0; i < 50; i++) {
      now = i * 10; // 50 results in the first 500 ms
      stats.add(summary({ seq: i }), { connect: 0, tls: 0, ttfb: 0 });
    }
    now = 900;
    expect(stats.snapshot().throughputNow).toBeCloseTo(55.6, 0);
    now = 2000; // all of them fell out of the window
    expect(stats.snapshot().throughputNow).toBe(0);
    expect(stats.snapshot().timeline.length).toBe(1);
    stats.add(summary({ seq: 50 }), { connect: 0, tls: 0, ttfb: 0 });
    // An empty second 1 is filled in.
    expect(stats.snapshot().timeline.map((t) => [t.second, t.count])).toEqual([[0, 50], [1, 0], [2, 1]]);
  });

  it('results never sent count as failures without a latency', () => {
    const stats = new RunStatsCollector(1, () => 0);
    stats.add(summary({ seq: 0, status: 0, durationMs: 0, passed: false, errorKind: 'unresolved-variable' }), { connect: 0, tls: 0, ttfb: 0 });
    const s = stats.snapshot();
    expect(s.failed).toBe(1);
    expect(s.latency.count).toBe(0);
    expect(s.byErrorKind).toEqual({ 'unresolved-variable': 1 });
  });
  it('a request that runs alone shares the overall histogram, and keeps exact figures when a second request joins', () => {
    let now = 0;
    const stats = new RunStatsCollector(8, () => now);
    // a.yaml alone first (3, 1, 2 ms), then b.yaml joins (10, 20 ms) and a.yaml goes on (4 ms); one a.yaml result is never sent.
    const results: Array<[string, number]> = [['a.yaml', 3], ['a.yaml', 1], ['a.yaml', 2], ['b.yaml', 10], ['a.yaml', 0], ['b.yaml', 20], ['a.yaml', 4]];
    for (const [i, [path, ms]] of results.entries()) {
      now = i * 10;
      stats.add(summary({ seq: i, requestPath: path, durationMs: ms, status: ms === 0 ? 0 : 200, passed: ms !== 0 }), { connect: 0, tls: 0, ttfb: ms / 2 });
      if (i === 2) expect(stats.snapshot().perRequest['a.yaml']).toEqual({ ...stats.snapshot().latency, failed: 0 });
    }
    const s = stats.snapshot();
    expect(s.latency).toMatchObject({ count: 6, min: 1, max: 20, mean: 6.667 });
    expect(s.perRequest['a.yaml']).toMatchObject({ count: 4, min: 1, max: 4, mean: 2.5, failed: 1 });
    near(s.perRequest['a.yaml']?.p50 ?? -1, 2);
    expect(s.perRequest['b.yaml']).toMatchObject({ count: 2, min: 10, max: 20, mean: 15, failed: 0 });
    near(s.perRequest['b.yaml']?.p50 ?? -1, 10);
  });
});

import { describe, expect, it } from 'vitest';
import { ProgressCoalescer } from '../../electron/runner/progress-coalescer';
import { RunStatsCollector } from '../../electron/runner/run-stats';
import type { RunProgress } from '../../shared/model/run';
import { summary } from './summary';

describe('progress coalescer', () => {
  it('batches results into few events, loses none, and sends nothing after the final one', async () => {
    const stats = new RunStatsCollector(5000);
    const events: RunProgress[] = [];
    const c = new ProgressCoalescer('r', () => stats.snapshot(), (p) => events.push(p), 20);
    const started = performance.now();
    for (let i = 0; i < 5000; i++) {
      c.push(summary({ seq: i }));
      // Yield now and then so timers can fire mid-stream.
      if (i % 250 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    c.finish('done');
    const elapsed = performance.now() - started;
    c.push(summary({ seq: 5000 }));
    await new Promise((r) => setTimeout(r, 40));
    expect(events.flatMap((e) => e.results.map((r) => r.seq))).toEqual(Array.from({ length: 5000 }, (_, i) => i));
    expect(events.length).toBeLessThanOrEqual(Math.ceil(elapsed / 20) + 2);
    expect(events.length).toBeGreaterThan(1);
    expect(events.at(-1)?.state).toBe('done');
    expect(events.slice(0, -1).every((e) => e.state === 'running')).toBe(true);
  });
});

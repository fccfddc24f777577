import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine';
import { BatchRun } from '../../electron/runner/batch-run';
import type { RunProgress } from '../../shared/model/run';
import { plan, request, stage } from './plan';
import { startTarget, until } from './target-server';
import type { TargetServer } from './target-server';

let target: TargetServer;
beforeAll(async () => {
  target = await startTarget();
});
afterAll(async () => {
  await target.close();
});

describe('cancel and load', () => {
  it('cancel mid-run aborts in-flight requests, sends nothing after, keeps results so far', async () => {
    target.arrivals.length = 0;
    const engine = createEngine();
    const reqs = [request('fast.yaml', target.url, { url: '{{base}}/json' }), request('slow.yaml', target.url, { url: '{{base}}/slow/5000' })];
    const events: RunProgress[] = [];
    const run = new BatchRun(engine, plan([stage(reqs, 4, 50)]), { emit: (p) => events.push(p) });
    const done = run.start();
    // Four slow requests in flight pin all four workers.
    await until(() => target.inFlight() === 4);
    const abortedBefore = target.aborted();
    run.cancel();
    const outcome = await done;
    const arrivedAtCancel = target.arrivals.length;
    expect(outcome.state).toBe('cancelled');
    expect(engine.inFlight()).toBe(0);
    await until(() => target.aborted() - abortedBefore === 4);
    // Only the fast ones finished before the cancel; the aborted slow ones are not reported.
    expect(outcome.stats.done).toBe(4);
    expect(run.store.all().every((r) => r.requestPath === 'fast.yaml' && r.passed)).toBe(true);
    expect(events.at(-1)?.state).toBe('cancelled');
    const eventCount = events.length;
    await new Promise((r) => setTimeout(r, 150));
    expect(target.arrivals.length).toBe(arrivedAtCancel);
    expect(events.length).toBe(eventCount);
    await engine.close();
    // The next run on a fresh engine works.
    const again = createEngine();
    expect((await new BatchRun(again, plan([stage(reqs.slice(0, 1), 2, 4)])).start()).stats.passed).toBe(4);
    await again.close();
  });

  it('a 20,000-request run emits a bounded number of progress events, keeps memory bounded and leaks no sockets', async () => {
    target.arrivals.length = 0;
    const engine = createEngine({ connectionsPerOrigin: 16 });
    const reqs = [request('json.yaml', target.url, { url: '{{base}}/json', assertions: [{ type: 'status-equals', value: 200 }, { type: 'json-exists', path: '$.items' }] })];
    const events: RunProgress[] = [];
    let delivered = 0;
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const outcome = await new BatchRun(engine, plan([stage(reqs, 16, 20_000)]), {
      emit: (p) => {
        events.push({ ...p, results: [] });
        delivered += p.results.length;
      },
    }).start();
    const elapsedS = (performance.now() - started) / 1000;
    expect(outcome.stats).toMatchObject({ done: 20_000, passed: 20_000, assertionsPassed: 40_000 });
    expect(delivered).toBe(20_000);
    expect(events.length).toBeLessThanOrEqual(Math.ceil(elapsedS * 30) + 2);
    const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
    // Summaries + capped previews of 20k results stay far below 150 MB of heap.
    expect(heapGrowthMb).toBeLessThan(150);
    expect(engine.inFlight()).toBe(0);
    expect(target.openSockets()).toBeGreaterThan(0);
    await engine.close();
    await until(() => target.openSockets() === 0);
  }, 120_000);
});

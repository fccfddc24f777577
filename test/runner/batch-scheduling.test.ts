import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine';
import type { Engine } from '../../electron/engine';
import { BatchRun } from '../../electron/runner/batch-run';
import type { RunProgress } from '../../shared/model/run';
import { plan, request, stage } from './plan';
import { startTarget } from './target-server';
import type { TargetServer } from './target-server';

let target: TargetServer;
let engine: Engine;
beforeAll(async () => {
  target = await startTarget();
});
afterAll(async () => {
  await target.close();
});
afterEach(async () => {
  await engine.close();
  target.arrivals.length = 0;
});

function fresh(): Engine {
  engine = createEngine({ connectionsPerOrigin: 64 });
  return engine;
}

describe('batch scheduling', () => {
  it('never has more than `concurrency` requests in flight, and really runs that many at once', async () => {
    const reqs = Array.from({ length: 4 }, (_, i) => request(`slow-${i}.yaml`, target.url, { url: '{{base}}/slow/30' }));
    const run = new BatchRun(fresh(), plan([stage(reqs, 5, 15)]));
    const before = target.maxInFlight();
    const outcome = await run.start();
    expect(outcome.state).toBe('done');
    expect(outcome.stats.done).toBe(60);
    expect(outcome.stats.passed).toBe(60);
    expect(target.arrivals).toHaveLength(60);
    expect(Math.max(before, target.maxInFlight())).toBeLessThanOrEqual(5);
    expect(target.maxInFlight()).toBe(5);
  });

  it('at concurrency 1 sends strictly in saved order, one at a time, pass after pass', async () => {
    const reqs = ['a', 'b', 'c'].map((n) => request(`${n}.yaml`, target.url, { url: `{{base}}/echo/${n}` }));
    const progress: RunProgress[] = [];
    const outcome = await new BatchRun(fresh(), plan([stage(reqs, 1, 3)]), { emit: (p) => progress.push(p) }).start();
    expect(outcome.stats.done).toBe(9);
    expect(target.arrivals.map((a) => a.path)).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c'].map((n) => `/echo/${n}`));
    const results = progress.flatMap((p) => p.results);
    expect(results.map((r) => `${r.iteration}:${r.requestPath}`)).toEqual([0, 1, 2].flatMap((i) => ['a', 'b', 'c'].map((n) => `${i}:${n}.yaml`)));
  });

  it('runs iterations x data rows, each row filling variables for its pass', async () => {
    const reqs = [request('user.yaml', target.url, { url: '{{base}}/echo/{{user}}' })];
    const rows = ['ada', 'grace', 'linus'].map((user) => new Map([['user', user]]));
    const results: Array<{ iteration: number; dataRow: number | undefined; url: string }> = [];
    await new BatchRun(fresh(), plan([stage(reqs, 1, 2)], { dataRows: rows }), { onResult: (s) => results.push(s) }).start();
    expect(target.arrivals.map((a) => a.path)).toEqual(['ada', 'grace', 'linus', 'ada', 'grace', 'linus'].map((u) => `/echo/${u}`));
    expect(results.map((r) => [r.iteration, r.dataRow])).toEqual([[0, 0], [0, 1], [0, 2], [1, 0], [1, 1], [1, 2]]);
  });

  it('resolves dynamic values afresh for every send, even when the rest is resolved once', async () => {
    const reqs = [request('u.yaml', target.url, { url: '{{base}}/echo/{{$uuid}}' }), request('fixed.yaml', target.url, { url: '{{base}}/echo/fixed' })];
    await new BatchRun(fresh(), plan([stage(reqs, 4, 10)])).start();
    const dynamic = target.arrivals.filter((a) => a.path !== '/echo/fixed').map((a) => a.path);
    expect(dynamic).toHaveLength(10);
    expect(new Set(dynamic).size).toBe(10);
    expect(target.arrivals.filter((a) => a.path === '/echo/fixed')).toHaveLength(10);
  });

  it('respects the rate limit across workers (within tolerance)', async () => {
    const reqs = [request('j.yaml', target.url, { url: '{{base}}/json' })];
    const started = performance.now();
    await new BatchRun(fresh(), plan([stage(reqs, 8, 21)], { rateLimit: 40 })).start();
    const elapsed = performance.now() - started;
    // 21 requests at 40/s: the first goes at once, the other 20 take >= 500 ms.
    expect(elapsed).toBeGreaterThanOrEqual(480);
    expect(elapsed).toBeLessThan(2000);
    const at = target.arrivals.map((a) => a.at);
    // No 200 ms window ever holds more than 40 * 0.2 + 2 requests.
    for (const t of at) expect(at.filter((u) => u >= t && u < t + 200).length).toBeLessThanOrEqual(10);
  });

  it('waits the delay between requests of a worker', async () => {
    const reqs = [request('j.yaml', target.url, { url: '{{base}}/json' })];
    await new BatchRun(fresh(), plan([stage(reqs, 1, 5)], { delayMs: 80 })).start();
    const at = target.arrivals.map((a) => a.at);
    expect(at).toHaveLength(5);
    for (let i = 1; i < at.length; i++) expect((at[i] ?? 0) - (at[i - 1] ?? 0)).toBeGreaterThanOrEqual(75);
  });

  it('stops on the first failure: nothing new is sent, later stages do not run', async () => {
    const reqs = [request('ok.yaml', target.url, { url: '{{base}}/json' }), request('bad.yaml', target.url, { url: '{{base}}/status/500' }), request('after.yaml', target.url, { url: '{{base}}/echo/after' })];
    const outcome = await new BatchRun(fresh(), plan([stage(reqs, 1, 3), stage([request('t.yaml', target.url, { url: '{{base}}/echo/teardown' })], 1)], { stopOnFailure: true })).start();
    expect(target.arrivals.map((a) => a.path)).toEqual(['/json', '/status/500']);
    expect(outcome).toMatchObject({ state: 'done', stats: { done: 2, failed: 1, planned: 10 } });
    expect(outcome.error?.message).toMatch(/stopped on the first failure: bad\.yaml/);
  });

  it('retries 429/503 honouring Retry-After, bounded', async () => {
    const reqs = [request('f.yaml', target.url, { url: '{{base}}/flaky/k1/2' }), request('g.yaml', target.url, { url: '{{base}}/flaky/k2/5' })];
    const results: Array<{ status: number; passed: boolean }> = [];
    await new BatchRun(fresh(), plan([stage(reqs, 1)], { policy: { timeoutMs: undefined, insecure: false, retries: { max: 3, maxDelayMs: 50 } } }), { onResult: (s) => results.push(s) }).start();
    expect(results.map((r) => [r.status, r.passed])).toEqual([[200, true], [503, false]]);
    // 2 failures + 1 success for k1, 1 + 3 retries for k2.
    expect(target.arrivals).toHaveLength(7);
  });

  it('applies the timeout override: a slow request fails with timeout', async () => {
    const reqs = [request('slow.yaml', target.url, { url: '{{base}}/slow/2000' })];
    const outcome = await new BatchRun(fresh(), plan([stage(reqs, 1)], { policy: { timeoutMs: 100, insecure: false, retries: { max: 0, maxDelayMs: 0 } } })).start();
    expect(outcome.stats.byErrorKind).toEqual({ timeout: 1 });
    expect(outcome.stats.failed).toBe(1);
  });
});

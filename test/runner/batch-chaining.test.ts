import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine';
import type { Engine } from '../../electron/engine';
import { BatchRun } from '../../electron/runner/batch-run';
import type { ResultSummary } from '../../shared/model/run';
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
  engine = createEngine();
  return engine;
}

const bearer = [{ name: 'Authorization', value: 'Bearer {{token}}', enabled: true }];

describe('chaining', () => {
  it('at concurrency 1 extracted values flow to later requests in order, across stages too', async () => {
    const login = request('login.yaml', target.url, { url: '{{base}}/login/1', extractions: [{ from: 'json', variable: 'token', path: '$.token' }, { from: 'header', variable: 'session', name: 'x-session' }] });
    const use = request('use.yaml', target.url, { url: '{{base}}/echo/{{session}}', headers: bearer, assertions: [{ type: 'json-equals', path: '$.authorization', value: 'Bearer tok-1' }] });
    const teardown = request('teardown.yaml', target.url, { url: '{{base}}/echo/bye-{{token}}' });
    const outcome = await new BatchRun(fresh(), plan([stage([login, use], 1), stage([teardown], 1)])).start();
    expect(outcome.stats).toMatchObject({ done: 3, passed: 3, assertionsPassed: 1 });
    expect(target.arrivals.map((a) => a.path)).toEqual(['/login/1', '/echo/s-1', '/echo/bye-tok-1']);
  });

  it('above 1 a consumer waits for its producer in the same pass, and gets that pass\'s value', async () => {
    // The consumer comes first in saved order; the producer answers after 60 ms.
    const consumer = request('consumer.yaml', target.url, { url: '{{base}}/echo/{{id}}', headers: bearer });
    const producer = request('producer.yaml', target.url, { url: '{{base}}/slow/60', extractions: [{ from: 'json', variable: 'token', path: '$.slow' }] });
    const idMaker = request('id.yaml', target.url, { url: '{{base}}/login/{{$randomInt}}', extractions: [{ from: 'json', variable: 'id', path: '$.token' }] });
    const free = request('free.yaml', target.url, { url: '{{base}}/echo/free' });
    const results: ResultSummary[] = [];
    const outcome = await new BatchRun(fresh(), plan([stage([consumer, producer, idMaker, free], 8, 5)]), { onResult: (s) => results.push(s) }).start();
    expect(outcome.stats).toMatchObject({ done: 20, passed: 20 });
    for (let pass = 0; pass < 5; pass++) {
      const inPass = results.filter((r) => r.iteration === pass);
      const seqOf = (p: string): number => inPass.find((r) => r.requestPath === p)?.seq ?? -1;
      // The consumer finished after both its producers of the same pass.
      expect(seqOf('consumer.yaml')).toBeGreaterThan(seqOf('producer.yaml'));
      expect(seqOf('consumer.yaml')).toBeGreaterThan(seqOf('id.yaml'));
      // ...and used the id extracted in its own pass (not another pass's).
      const made = inPass.find((r) => r.requestPath === 'id.yaml')?.url.split('/login/')[1];
      expect(inPass.find((r) => r.requestPath === 'consumer.yaml')?.url.endsWith(`/echo/tok-${made ?? 'x'}`)).toBe(true);
    }
    const consumerCalls = target.arrivals.filter((a) => a.path.startsWith('/echo/tok-'));
    expect(consumerCalls).toHaveLength(5);
    expect(consumerCalls.every((a) => a.headers.authorization === 'Bearer true')).toBe(true);
    // Free requests were not held back behind the slow producer: the first finishes before the first consumer.
    expect(results.findIndex((r) => r.requestPath === 'free.yaml')).toBeLessThan(results.findIndex((r) => r.requestPath === 'consumer.yaml'));
  });

  it('a failed producer makes its consumers fail clearly, without sending and without deadlock', async () => {
    const producer = request('login.yaml', target.url, { url: '{{base}}/status/500', extractions: [{ from: 'json', variable: 'token', path: '$.token' }] });
    const consumer = request('use.yaml', target.url, { url: '{{base}}/echo/x', headers: bearer });
    const results: ResultSummary[] = [];
    const outcome = await new BatchRun(fresh(), plan([stage([consumer, producer], 4, 3)]), { onResult: (s) => results.push(s) }).start();
    expect(outcome.stats).toMatchObject({ done: 6, failed: 6 });
    expect(target.arrivals.every((a) => a.path === '/status/500')).toBe(true);
    const consumerResult = results.find((r) => r.requestPath === 'use.yaml');
    expect(consumerResult).toMatchObject({ errorKind: 'unresolved-variable', status: 0 });
    expect(consumerResult?.errorMessage).toMatch(/\{\{token\}\} was not extracted: login\.yaml failed/);
  });

  it('a cycle is an invalid-input error before anything is sent', () => {
    const a = request('a.yaml', target.url, { url: '{{base}}/echo/{{y}}', extractions: [{ from: 'status', variable: 'x' }] });
    const b = request('b.yaml', target.url, { url: '{{base}}/echo/{{x}}', extractions: [{ from: 'status', variable: 'y' }] });
    expect(() => new BatchRun(fresh(), plan([stage([a, b], 2)]))).toThrow(/wait for each other/);
    expect(target.arrivals).toHaveLength(0);
  });

  it('an unresolved variable fails that result with unresolved-variable and sends nothing', async () => {
    const r = request('r.yaml', target.url, { url: '{{base}}/echo/{{nope}}' });
    const results: ResultSummary[] = [];
    await new BatchRun(fresh(), plan([stage([r], 1)]), { onResult: (s) => results.push(s) }).start();
    expect(results[0]).toMatchObject({ errorKind: 'unresolved-variable', passed: false });
    expect(results[0]?.errorMessage).toMatch(/nope/);
    expect(target.arrivals).toHaveLength(0);
  });
});

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CollectionService } from '../../electron/collections/service';
import { createEngine } from '../../electron/engine';
import { createRunHandlers } from '../../electron/handlers/runs';
import type { AppContext, SecretStore } from '../../electron/handlers/context';
import { createEnvSecretStore } from '../../electron/secrets/env-secret-store';
import type { EventMap } from '../../shared/ipc/contract';
import { RunConfigSchema } from '../../shared/model/run';
import type { RunProgress } from '../../shared/model/run';
import { writeCollection } from './collection-fixture';
import { startTarget, until } from './target-server';
import type { TargetServer } from './target-server';
import { checkJunit, parseXml } from './xml-checker';

let target: TargetServer;
let root = '';
let userData = '';
const events: RunProgress[] = [];
let service: CollectionService;
let runs: ReturnType<typeof createRunHandlers>;
let collectionId = '';
let ctx: AppContext;

beforeAll(async () => {
  target = await startTarget();
  root = await writeCollection(
    'Shop',
    [
      { path: 'auth/login.yaml', request: { name: 'Log in', url: '{{base}}/login/9', extractions: [{ from: 'json', variable: 'token', path: '$.token' }] } },
      { path: 'items/list.yaml', request: { name: 'List', url: '{{base}}/json', headers: [{ name: 'Authorization', value: 'Bearer {{token}}', enabled: true }], assertions: [{ type: 'json-exists', path: '$.items' }] } },
      { path: 'items/broken.yaml', request: { name: 'Broken', url: '{{base}}/status/500' } },
      { path: 'secret/echo.yaml', request: { name: 'Echo', url: '{{base}}/echo/x', headers: [{ name: 'Authorization', value: 'Bearer {{apitoken}}', enabled: true }] } },
    ],
    { name: 'local', variables: { base: target.url }, secrets: ['apitoken'] },
  );
  userData = await mkdtemp(join(tmpdir(), 'salvo-userdata-'));
  const secrets: SecretStore = createEnvSecretStore({ SALVO_SECRET_LOCAL_APITOKEN: 'hunter2-very-secret' });
  const emit = <E extends keyof EventMap>(channel: E, payload: EventMap[E]): void => {
    if (channel === 'run:progress') events.push(payload as RunProgress);
  };
  service = new CollectionService({ emit, secrets, userDataDir: userData, watch: false });
  ctx = { engine: createEngine(), emit, userDataDir: userData, secrets, mode: 'test' };
  runs = createRunHandlers(ctx, { collections: service.access() });
  collectionId = await service.access().openRoot(root);
});
afterAll(async () => {
  await runs.close();
  await ctx.engine.close();
  await service.closeAll();
  await target.close();
  await rm(root, { recursive: true, force: true });
  await rm(userData, { recursive: true, force: true });
});

async function runToEnd(config: object, onlyFailedOf?: string): Promise<{ runId: string; final: RunProgress }> {
  const { runId } = await runs.handlers['run:start']({ collectionId, config: RunConfigSchema.parse(config), ...(onlyFailedOf === undefined ? {} : { onlyFailedOf }) });
  await until(() => events.some((e) => e.runId === runId && e.state !== 'running'), 10_000);
  const final = events.filter((e) => e.runId === runId).at(-1);
  if (final === undefined) throw new Error('no final event');
  return { runId, final };
}

/** History is written right after the final event; poll for it (bounded). */
async function inHistory(runId: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if ((await runs.handlers['run:history']({})).some((r) => r.runId === runId)) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`run ${runId} never reached the history`);
}

describe('run handlers', () => {
  it('runs a collection in stages with live progress, results by id, reports and history', async () => {
    target.arrivals.length = 0;
    const { runId, final } = await runToEnd({ name: 'smoke', environment: 'local', stages: [{ name: 'setup', targets: ['auth'], concurrency: 1 }, { name: 'fan-out', targets: ['items'], concurrency: 4, iterations: 3 }] });
    expect(final.state).toBe('done');
    expect(final.stats).toMatchObject({ planned: 7, done: 7, passed: 4, failed: 3 });
    const all = events.filter((e) => e.runId === runId).flatMap((e) => e.results);
    expect(all).toHaveLength(7);
    expect(target.arrivals.filter((a) => a.path === '/json').every((a) => a.headers.authorization === 'Bearer tok-9')).toBe(true);
    const page = await runs.handlers['run:results']({ runId, offset: 1, limit: 2 });
    expect(page.map((r) => r.seq)).toEqual([1, 2]);
    const list = all.find((r) => r.requestPath === 'items/list.yaml');
    const view = await runs.handlers['run:result']({ runId, seq: list?.seq ?? -1 });
    expect(view.status).toBe(200);
    expect(view.preview).toContain('"items"');
    await expect(runs.handlers['run:result']({ runId, seq: 999 })).rejects.toMatchObject({ info: { kind: 'not-found' } });
    const junit = join(userData, 'out', 'junit.xml');
    await runs.handlers['run:report']({ runId, format: 'junit', path: junit });
    const xml = parseXml(await readFile(junit, 'utf8'));
    checkJunit(xml);
    expect(xml.attributes).toMatchObject({ tests: '7', failures: '3' });
    await inHistory(runId);
    const history = await runs.handlers['run:history']({ collectionId });
    expect(history.find((r) => r.runId === runId)).toMatchObject({ collectionName: 'Shop', configName: 'smoke', state: 'done' });
  });

  it('re-runs only the failed requests of a run, compares the two runs, and cancels', async () => {
    const first = await runToEnd({ name: 'all', environment: 'local', stages: [{ name: 'main', targets: [], concurrency: 2 }] });
    const again = await runToEnd({ name: 'all', environment: 'local', stages: [{ name: 'main', targets: [], concurrency: 2 }] }, first.runId);
    const paths = events.filter((e) => e.runId === again.runId).flatMap((e) => e.results.map((r) => r.requestPath));
    expect(paths).toEqual(['items/broken.yaml']);
    await inHistory(first.runId);
    await inHistory(again.runId);
    const rows = await runs.handlers['run:compare']({ a: first.runId, b: again.runId });
    const broken = rows.find((r) => r.requestPath === 'items/broken.yaml');
    expect(broken).toMatchObject({ a: { failed: 1, count: 1 }, b: { failed: 1, count: 1 } });
    // Same failures: only a >20% slower p95 can flag it (single samples on a busy machine may differ).
    expect(broken?.regression).toBe((broken?.b?.p95 ?? 0) > (broken?.a?.p95 ?? 0) * 1.2);
    expect(rows.find((r) => r.requestPath === 'items/list.yaml')).toMatchObject({ b: undefined });

    const { runId } = await runs.handlers['run:start']({ collectionId, config: RunConfigSchema.parse({ environment: 'local', stages: [{ targets: ['items/list.yaml'], concurrency: 2, iterations: 100_000 }], rateLimit: 50 }) });
    expect(await runs.handlers['run:cancel']({ runId })).toBe(true);
    await until(() => events.some((e) => e.runId === runId && e.state === 'cancelled'));
    expect(await runs.handlers['run:cancel']({ runId })).toBe(false);
    // Each run's engine closes when the run ends: no socket is left open on the target.
    await until(() => target.openSockets() === 0);
    expect(target.inFlight()).toBe(0);
  });

  it('redacts secret values from result previews and the sent headers', async () => {
    target.arrivals.length = 0;
    const { runId, final } = await runToEnd({ environment: 'local', stages: [{ targets: ['secret'], concurrency: 1 }] });
    expect(final.stats.passed).toBe(1);
    expect(target.arrivals[0]?.headers.authorization).toBe('Bearer hunter2-very-secret');
    const view = await runs.handlers['run:result']({ runId, seq: 0 });
    expect(view.preview).toContain('Bearer ');
    expect(JSON.stringify(view)).not.toContain('hunter2-very-secret');
  });

  it('saves and lists run configurations as YAML in runs/', async () => {
    const config = RunConfigSchema.parse({ name: 'Nightly load', iterations: 5, stages: [{ name: 'fan', targets: ['items'], concurrency: 16 }], rateLimit: 100 });
    await runs.handlers['runConfig:save']({ collectionId, config });
    const text = await readFile(join(root, 'runs', 'nightly-load.yaml'), 'utf8');
    expect(text).toContain('name: Nightly load');
    const listed = await runs.handlers['runConfig:list']({ collectionId });
    expect(listed).toEqual([config]);
  });

  it('refuses a relative report path and an unknown run', async () => {
    await expect(runs.handlers['run:report']({ runId: 'nope', format: 'json', path: 'rel.json' })).rejects.toMatchObject({ info: { kind: 'invalid-input' } });
    await expect(runs.handlers['run:results']({ runId: 'nope', offset: 0, limit: 10 })).rejects.toMatchObject({ info: { kind: 'not-found' } });
  });
});

import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../electron/handlers/bootstrap';
import type { EventMap, InvokeChannel, InvokeInput, InvokeOutput } from '../../shared/ipc/contract';
import type { ResultSummary, RunProgress } from '../../shared/model/run';
import { writeCollection } from '../runner/collection-fixture';
import { invokeChecked, startTestApp } from '../support/test-app';

/** What the server saw: path, Cookie header, and when (Date.now) it arrived and answered. */
interface Arrival {
  readonly path: string;
  readonly cookie: string | undefined;
  readonly at: number;
  answeredAt: number;
}

const PROBES = 30;
let server: Server;
let base = '';
const arrivals: Arrival[] = [];
let logins = 0;
let dir = '';
let root = '';
let app: App;
let collectionId = '';
const progress: RunProgress[] = [];
const changed: Array<EventMap['cookies:changed']> = [];

const call = <C extends InvokeChannel>(channel: C, arg: InvokeInput<C>): Promise<InvokeOutput<C>> => invokeChecked(app, channel, arg);

async function until(check: () => boolean, ms: number): Promise<void> {
  for (let waited = 0; !check(); waited += 10) {
    if (waited > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Runs to the end; returns every result summary. */
async function run(config: InvokeInput<'run:start'>['config']): Promise<ResultSummary[]> {
  arrivals.length = 0;
  const { runId } = await call('run:start', { collectionId, config: { environment: 'local', ...config } });
  await until(() => progress.some((p) => p.runId === runId && p.state !== 'running'), 20_000);
  expect(progress.filter((p) => p.runId === runId).at(-1)?.state).toBe('done');
  return [...(await call('run:results', { runId, limit: 10_000 }))];
}

const cookieOf = (path: string): string | undefined => arrivals.find((a) => a.path === path)?.cookie;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const arrival: Arrival = { path: url.pathname, cookie: req.headers.cookie, at: Date.now(), answeredAt: 0 };
    arrivals.push(arrival);
    const delay = Number(url.searchParams.get('delay') ?? '0');
    setTimeout(() => {
      arrival.answeredAt = Date.now();
      const headers: Record<string, string> = { 'content-type': 'text/plain' };
      if (url.pathname === '/login') headers['set-cookie'] = `sid=s${++logins}; Path=/; HttpOnly`;
      res.writeHead(200, headers).end('ok');
    }, delay);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const probes = Array.from({ length: PROBES }, (_, i) => ({ path: `probes/p${String(i).padStart(2, '0')}.yaml`, request: { name: `p${i}`, url: `{{base}}/p${i}?delay=15` } }));
  root = await writeCollection('Cookies', [{ path: 'auth/login.yaml', request: { name: 'Log in', url: '{{base}}/login' } }, { path: 'auth/slow-login.yaml', request: { name: 'Slow log in', url: '{{base}}/login?delay=300' } }, ...probes], { name: 'local', variables: { base: '' } });
  dir = await mkdtemp(join(tmpdir(), 'salvo-run-cookies-'));
  app = await startTestApp(join(dir, 'user'), {
    emit: (channel, payload) => {
      if (channel === 'run:progress') progress.push(payload as RunProgress);
      if (channel === 'cookies:changed') changed.push(payload as EventMap['cookies:changed']);
    },
  });
  const tree = await call('collection:open', { root });
  collectionId = tree.id;
  await call('env:save', { collectionId, environment: { name: 'local', variables: [{ name: 'base', value: base }] } });
});

afterAll(async () => {
  await app?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
  await rm(root, { recursive: true, force: true });
});

const loginThenProbe = [
  { name: 'login', targets: ['auth/login.yaml'], concurrency: 1 },
  { name: 'probe', targets: ['probes/p00.yaml'], concurrency: 1 },
];

describe('cookies in batch runs', () => {
  it('isolated (the default): a fresh jar per run, the collection jar untouched', async () => {
    await run({ name: 'iso', stages: loginThenProbe });
    expect(cookieOf('/p0')).toMatch(/^sid=s\d+$/);
    expect(await call('cookies:list', { collectionId })).toEqual([]);
    // The next isolated run starts empty again.
    await run({ name: 'iso2', stages: [{ name: 'probe', targets: ['probes/p00.yaml'], concurrency: 1 }] });
    expect(cookieOf('/p0')).toBeUndefined();
  });

  it('off: nothing sent, nothing kept', async () => {
    await run({ name: 'off', stages: loginThenProbe, cookies: 'off' });
    expect(arrivals.map((a) => a.path)).toEqual(['/login', '/p0']);
    expect(cookieOf('/p0')).toBeUndefined();
    expect(await call('cookies:list', { collectionId })).toEqual([]);
  });

  it('collection: the run reads and updates the jar the window uses', async () => {
    await run({ name: 'col', stages: loginThenProbe, cookies: 'collection' });
    const sent = cookieOf('/p0');
    expect(sent).toMatch(/^sid=s\d+$/);
    const jar = await call('cookies:list', { collectionId });
    expect(jar.map((c) => `${c.name}=${c.value}`)).toEqual([sent]);
    await until(() => changed.some((e) => e.collectionId === collectionId), 2000);

    // A single send of the collection uses the same jar...
    arrivals.length = 0;
    const probe = (await call('request:read', { collectionId, path: 'probes/p01.yaml' })).request;
    await call('http:send', { id: 'single-1', spec: probe, context: { collectionId, requestPath: 'probes/p01.yaml', environment: 'local' } });
    expect(cookieOf('/p1')).toBe(sent);
    // ...and so does the next collection-mode run from its first request, while an isolated run does not.
    await run({ name: 'col2', stages: [{ name: 'probe', targets: ['probes/p02.yaml'], concurrency: 1 }], cookies: 'collection' });
    expect(cookieOf('/p2')).toBe(sent);
    await run({ name: 'iso3', stages: [{ name: 'probe', targets: ['probes/p02.yaml'], concurrency: 1 }] });
    expect(cookieOf('/p2')).toBeUndefined();
    await call('cookies:clear', { collectionId });
  });

  it('concurrency: a request sees the cookies of every response that finished before it started', async () => {
    const results = await run({ name: 'mixed', stages: [{ name: 'mixed', targets: ['auth/slow-login.yaml', 'probes'], concurrency: 2 }] });
    const login = results.find((r) => r.requestPath === 'auth/slow-login.yaml');
    const loginArrival = arrivals.find((a) => a.path === '/login');
    if (login === undefined || loginArrival === undefined) throw new Error('no login');
    const loginEnd = login.startedAt + login.durationMs;
    const probes = results.filter((r) => r.requestPath.startsWith('probes/'));
    expect(probes).toHaveLength(PROBES);
    let before = 0;
    let after = 0;
    for (const p of probes) {
      const seen = arrivals.find((a) => a.path === `/${p.name}`);
      // Sent before the server answered the login: it cannot have had the cookie.
      if (seen !== undefined && seen.at < loginArrival.answeredAt) {
        before++;
        expect(seen.cookie, p.name).toBeUndefined();
      }
      // Started once the login had finished (a few ms of clock rounding aside): it must carry it.
      if (p.startedAt > loginEnd + 5) {
        after++;
        expect(seen?.cookie, p.name).toMatch(/^sid=s\d+$/);
      }
    }
    // Both sides of the rule were exercised.
    expect(before).toBeGreaterThan(2);
    expect(after).toBeGreaterThan(2);
  });
});

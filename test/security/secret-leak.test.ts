import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../electron/handlers/bootstrap';
import type { EventMap, InvokeChannel, InvokeInput, InvokeOutput } from '../../shared/ipc/contract';
import type { RunProgress } from '../../shared/model/run';
import { invokeChecked, startTestApp } from '../support/test-app';

// Alphanumeric, so URL-, JSON- and shell-encoding leave it unchanged and a plain grep finds any copy.
const SECRET = 'Zq7sEcReTvAlUe93kXw4Lp';
const PASSWORD = 'Pw0rdSeCrEt58hJ2';
/** A session cookie the server sets: kept in the (encrypted) cookie jar, sent back, never written in plain text. */
const COOKIE = 'CkSeSsIoN4r7Vq2Hm9';

/** Every form in which a leaked secret could be written: plain, base64 (Basic auth) and hex. */
const NEEDLES = [SECRET, PASSWORD, COOKIE, Buffer.from(SECRET).toString('base64'), Buffer.from(`alice:${PASSWORD}`).toString('base64'), Buffer.from(SECRET).toString('hex'), Buffer.from(COOKIE).toString('base64')];

interface Arrival {
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

let server: Server;
let base = '';
const arrivals: Arrival[] = [];
let dir = '';
let app: App;
const progress: RunProgress[] = [];

const call = <C extends InvokeChannel>(channel: C, arg: InvokeInput<C>): Promise<InvokeOutput<C>> => invokeChecked(app, channel, arg);

/** Shareable or persisted outputs (exports, history, masked variables, run summaries): none may carry a secret. */
const returned: { channel: string; text: string }[] = [];
async function callAndKeep<C extends InvokeChannel>(channel: C, arg: InvokeInput<C>): Promise<InvokeOutput<C>> {
  const value = await call(channel, arg);
  returned.push({ channel, text: JSON.stringify(value) ?? '' });
  return value;
}

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function until(check: () => boolean, ms: number): Promise<void> {
  for (let waited = 0; !check(); waited += 20) {
    if (waited > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      arrivals.push({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      // Never echo the request: a server that reflects the secret would make its own body a "leak".
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': `sid=${COOKIE}; Path=/; HttpOnly` }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = await mkdtemp(join(tmpdir(), 'salvo-leak-'));
  await mkdir(join(dir, 'user'));
  await mkdir(join(dir, 'reports'));
  const emit = <E extends keyof EventMap>(channel: E, payload: EventMap[E]): void => {
    if (channel === 'run:progress') progress.push(payload as RunProgress);
  };
  app = await startTestApp(join(dir, 'user'), { emit });
});

afterAll(async () => {
  await app?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

describe('secret values never reach disk or outputs in plain text', () => {
  it('saves, sends, exports, records history, runs and reports without writing a secret', async () => {
    const root = join(dir, 'collection');
    const tree = await call('collection:create', { root, name: 'Leak check' });
    const collectionId = tree.id;
    await call('env:save', {
      collectionId,
      environment: {
        name: 'dev',
        variables: [
          { name: 'base', value: base },
          { name: 'token', value: SECRET, secret: true },
          { name: 'password', value: PASSWORD, secret: true },
        ],
      },
    });
    await call('env:setActive', { collectionId, name: 'dev' });

    const { path: bearerPath } = await call('request:create', { collectionId, folder: '', name: 'Bearer' });
    const bearer = {
      name: 'Bearer',
      method: 'POST',
      url: '{{base}}/items?key={{token}}',
      headers: [{ name: 'X-Api-Key', value: '{{token}}', enabled: true }],
      body: { mode: 'json' as const, text: '{"token":"{{token}}"}' },
      auth: { type: 'bearer' as const, token: '{{token}}' },
    };
    const saved = await call('request:read', { collectionId, path: bearerPath });
    await call('request:save', { collectionId, path: bearerPath, request: { ...saved.request, ...bearer }, baseVersion: saved.version });
    const { path: basicPath } = await call('request:create', { collectionId, folder: '', name: 'Basic' });
    const basicSaved = await call('request:read', { collectionId, path: basicPath });
    await call('request:save', {
      collectionId,
      path: basicPath,
      request: { ...basicSaved.request, name: 'Basic', url: '{{base}}/basic', auth: { type: 'basic', username: 'alice', password: '{{password}}' } },
      baseVersion: basicSaved.version,
    });

    // The secrets really are used: the server receives them.
    const spec = (await call('request:read', { collectionId, path: bearerPath })).request;
    const view = await call('http:send', { id: 'leak-1', spec, context: { collectionId, requestPath: bearerPath, environment: 'dev' } });
    expect(JSON.stringify(view)).toContain('"status":200');
    const basicSpec = (await call('request:read', { collectionId, path: basicPath })).request;
    await call('http:send', { id: 'leak-2', spec: basicSpec, context: { collectionId, requestPath: basicPath, environment: 'dev' } });
    const first = arrivals[0];
    expect(first?.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(first?.headers['x-api-key']).toBe(SECRET);
    expect(first?.url).toContain(`key=${SECRET}`);
    expect(first?.body).toContain(SECRET);
    expect(arrivals[1]?.headers.authorization).toBe(`Basic ${Buffer.from(`alice:${PASSWORD}`).toString('base64')}`);
    // The first response's session cookie went into the collection's jar and came back with the second request.
    expect(first?.headers.cookie).toBeUndefined();
    expect(arrivals[1]?.headers.cookie).toBe(`sid=${COOKIE}`);
    // A request outside any collection uses the other jar (and fills it too).
    await call('http:send', { id: 'leak-3', spec: { method: 'GET', url: `${base}/outside` } });
    expect(arrivals[2]?.headers.cookie).toBeUndefined();

    // Exports are shareable: they are also written to disk, as a user would.
    const curl = await callAndKeep('export:curl', { spec, context: { collectionId, requestPath: bearerPath, environment: 'dev' } });
    await writeFile(join(dir, 'reports', 'request.sh'), curl);
    const postman = await callAndKeep('export:postman', { collectionId });
    await writeFile(join(dir, 'reports', 'collection.postman.json'), postman);
    await callAndKeep('history:list', {});
    await callAndKeep('env:read', { collectionId, name: 'dev' });
    await callAndKeep('vars:resolve', { collectionId, requestPath: bearerPath, environment: 'dev' });

    const { runId } = await callAndKeep('run:start', { collectionId, config: { name: 'leak', environment: 'dev', iterations: 2, stages: [{ name: 'main', targets: [], concurrency: 2 }], cookies: 'collection' } });
    await until(() => progress.some((p) => p.runId === runId && p.state !== 'running'), 15_000);
    expect(progress.filter((p) => p.runId === runId).at(-1)?.state).toBe('done');
    returned.push({ channel: 'run:progress', text: JSON.stringify(progress) });
    await callAndKeep('run:results', { runId });
    // http:send and run:result feed the response viewer, which may show the effective request; what
    // they keep on disk is covered by the file scan below.
    await call('run:result', { runId, seq: 0 });
    for (const format of ['json', 'junit', 'html'] as const) {
      await call('run:report', { runId, format, path: join(dir, 'reports', `run.${format === 'junit' ? 'xml' : format}`) });
    }
    await until(() => arrivals.length >= 7, 5_000);
    expect(arrivals.at(-1)?.headers.cookie).toBe(`sid=${COOKIE}`);
    expect(await call('cookies:list', { collectionId })).toEqual([expect.objectContaining({ name: 'sid', value: COOKIE, httpOnly: true })]);
    await app.close();
    // Both jars were saved (encrypted) under the user-data folder, none in the collection.
    expect((await listFiles(join(dir, 'user', 'cookies'))).filter((f) => f.endsWith('.jar'))).toHaveLength(2);

    const files = [...(await listFiles(root)), ...(await listFiles(join(dir, 'user'))), ...(await listFiles(join(dir, 'reports')))];
    expect(files.some((f) => f.endsWith('run.html'))).toBe(true);
    expect(files.length).toBeGreaterThan(6);
    const leaks: string[] = [];
    for (const file of files) {
      const bytes = await readFile(file);
      for (const needle of NEEDLES) if (bytes.includes(needle)) leaks.push(`${file.slice(dir.length)} contains ${needle}`);
    }
    for (const { channel, text } of returned) {
      for (const needle of NEEDLES) if (text.includes(needle)) leaks.push(`${channel} returned ${needle}`);
    }
    expect(leaks).toEqual([]);
  });
});

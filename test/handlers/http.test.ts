import { mkdtemp, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventMap } from '../../shared/ipc/contract';
import type { HistoryEntry } from '../../shared/ipc/history';
import { layerFrom } from '../../shared/lib/variables';
import type { VariableLayer } from '../../shared/lib/variables';
import type { SavedRequest } from '../../shared/model/collection';
import type { RequestSpec } from '../../shared/model/request';
import { createEngine } from '../../electron/engine';
import type { AppContext, CollectionAccess, EffectiveRequest } from '../../electron/handlers/context';
import { createEnvSecretStore } from '../../electron/secrets/env-secret-store';
import { createHttpHandlers } from '../../electron/handlers/http';
import { NO_CONSENT } from '../../electron/consent/consent-scope';
import { fileScope } from '../../electron/consent/file-scope';
import type { FileScope } from '../../electron/consent/file-scope';
import { echoHandler, startHttpServer } from '../servers/http-server';
import type { SeenRequest, TestServer } from '../servers/http-server';
import { spec } from '../engine/helpers';

/** A small real CollectionAccess: fixed layers per collection, folder auth inherited. */
class FixedCollections implements CollectionAccess {
  constructor(private readonly layers: readonly VariableLayer[], private readonly sensitive: readonly string[] = []) {}
  openRoot(): Promise<string> {
    return Promise.resolve('c1');
  }
  rootOf(): string {
    return '/tmp/c1';
  }
  nameOf(): string {
    return 'c1';
  }
  readRequest(): Promise<SavedRequest> {
    return Promise.reject(new Error('not used'));
  }
  listRequests(): Promise<string[]> {
    return Promise.resolve([]);
  }
  effective(_id: string, path: string | undefined, _env: string | undefined, s?: RequestSpec): Promise<EffectiveRequest> {
    if (s === undefined) return Promise.resolve({ path: path ?? '', name: 'x', spec: spec('http://unused'), layers: this.layers, sensitiveNames: this.sensitive });
    const auth = s.auth.type === 'inherit' ? ({ type: 'bearer', token: '{{token}}' } as const) : s.auth;
    return Promise.resolve({ path: path ?? '', name: 'x', spec: { ...s, auth }, layers: this.layers, sensitiveNames: this.sensitive });
  }
  activeEnvironment(): string | undefined {
    return 'dev';
  }
  filesOf(): FileScope {
    return fileScope(NO_CONSENT, () => ({ kind: 'collection', id: undefined, root: '/tmp/c1' }), '/tmp/c1');
  }
}

describe('http handlers', () => {
  let server: TestServer;
  const seen: SeenRequest[] = [];
  const events: Array<EventMap['http:chunk']> = [];
  const history: HistoryEntry[] = [];
  let ctx: AppContext;
  const layers = [
    layerFrom('collection', [
      { name: 'host', value: 'wrong' },
      { name: 'path', value: 'from-collection' },
      { name: 'token', value: 'TOPSECRET', secret: true },
    ]),
    layerFrom('environment', [{ name: 'host', value: '127.0.0.1' }]),
    layerFrom('folder', [{ name: 'path', value: 'from-folder' }]),
  ];
  const collections = new FixedCollections(layers);
  let handlers: ReturnType<typeof createHttpHandlers>['handlers'];
  let responses: ReturnType<typeof createHttpHandlers>['responses'];

  beforeAll(async () => {
    server = await startHttpServer((req, res, body) => {
      if (req.url === '/fast-stream') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        let n = 0;
        const write = (): void => {
          // 2,000 small writes in quick bursts: far more chunks than events allowed.
          for (let i = 0; i < 100; i++) res.write(`${String(n++).padStart(5, '0')}\n`);
          if (n < 2000) setImmediate(write);
          else res.end();
        };
        write();
        return;
      }
      if (req.url === '/big') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('z'.repeat(3000));
        return;
      }
      void echoHandler(seen)(req, res, body);
    });
    ctx = {
      engine: createEngine({ bodyCapBytes: 2048 }),
      emit: (channel, payload) => {
        if (channel === 'http:chunk') events.push(payload as EventMap['http:chunk']);
      },
      userDataDir: await mkdtemp(join(tmpdir(), 'salvo-http-handlers-')),
      secrets: createEnvSecretStore({}),
      mode: 'test',
    };
    ({ handlers, responses } = createHttpHandlers(ctx, { collections, history: { record: (e) => Promise.resolve(void history.push(e)) }, previewBytes: 1000 }));
  });
  afterAll(async () => {
    await ctx.engine.close();
    await server.close();
  });

  it('resolves variables from the layers (narrowest wins), sends, stores and records redacted history', async () => {
    const s = spec(`http://{{host}}:${server.port}/{{path}}/{{req}}`, { auth: { type: 'inherit' }, variables: [{ name: 'req', value: 'r1', enabled: true }] });
    const view = await handlers['http:send']({ id: 'h1', spec: s, context: { collectionId: 'c1' } });
    expect(view.status).toBe(200);
    expect(seen.at(-1)?.url).toBe('/from-folder/r1');
    expect(seen.at(-1)?.headers.authorization).toBe('Bearer TOPSECRET');
    // What was sent is shown redacted; the echoed body is the server's own answer and is shown as is.
    expect(JSON.stringify(view.sent)).not.toContain('TOPSECRET');
    expect(view.sent.headers.find(([n]) => n === 'Authorization')?.[1]).toBe('Bearer ••••••');
    expect(view.previewEncoding).toBe('text');
    expect(JSON.parse(view.preview)).toMatchObject({ url: '/from-folder/r1' });
    expect(responses.has('h1')).toBe(true);
    const entry = history.at(-1);
    expect(entry?.status).toBe(200);
    expect(JSON.stringify(entry)).not.toContain('TOPSECRET');
  });

  it('refuses to send with an unresolved variable, naming it', async () => {
    const before = seen.length;
    await expect(handlers['http:send']({ id: 'h2', spec: spec(`${server.url}/{{nope}}?a={{alsoNope}}`), context: {} })).rejects.toMatchObject({ info: { kind: 'unresolved-variable', detail: { names: ['alsoNope', 'nope'] } } });
    expect(seen.length).toBe(before);
  });

  it('uses only the spec variables without a collection', async () => {
    const view = await handlers['http:send']({ id: 'h3', spec: spec(`${server.url}/{{a}}`, { variables: [{ name: 'a', value: 'own', enabled: true }] }), context: {} });
    expect(view.status).toBe(200);
    expect(seen.at(-1)?.url).toBe('/own');
  });

  it('coalesces a fast stream into few ordered chunk events', async () => {
    events.length = 0;
    const view = await handlers['http:send']({ id: 'h4', spec: spec(`${server.url}/fast-stream`), context: {} });
    const mine = events.filter((e) => e.id === 'h4');
    expect(mine.map((e) => e.seq)).toEqual(mine.map((_, i) => i));
    const total = mine.reduce((n, e) => n + e.bytes, 0);
    expect(total).toBe(2000 * 6);
    expect(mine.map((e) => e.text).join('')).toBe(Array.from({ length: 2000 }, (_, i) => `${String(i).padStart(5, '0')}\n`).join(''));
    expect(mine.length).toBeLessThan(100);
    expect(view.previewTruncated).toBe(true);
    expect(view.preview.length).toBe(1000);
  });

  it('serves body slices, saves bodies atomically (spilled ones too) and releases them', async () => {
    const view = await handlers['http:send']({ id: 'h5', spec: spec(`${server.url}/big`), context: {} });
    expect(view.spilledToFile).toBe(true);
    expect(view.bodyBytes).toBe(3000);
    const slice = await handlers['http:body']({ id: 'h5', offset: 2990, limit: 100 });
    expect(slice).toMatchObject({ offset: 2990, totalBytes: 3000, encoding: 'text', data: 'z'.repeat(10), done: true });
    const target = join(ctx.userDataDir, 'saved.txt');
    expect(await handlers['http:saveBody']({ id: 'h5', path: target })).toEqual({ bytes: 3000 });
    expect(await readFile(target, 'utf8')).toBe('z'.repeat(3000));
    const stored = responses.get('h5');
    await handlers['http:release']({ id: 'h5' });
    await expect(handlers['http:body']({ id: 'h5', offset: 0, limit: 10 })).rejects.toMatchObject({ info: { kind: 'not-found' } });
    await new Promise((r) => setTimeout(r, 20));
    if (stored?.body.kind === 'file') expect(existsSync(stored.body.path)).toBe(false);
  });

  it('cancels an in-flight send by id', async () => {
    const silent = await import('../servers/raw-server').then((m) => m.startSilentServer());
    try {
      const pending = handlers['http:send']({ id: 'h6', spec: spec(`${silent.url}/`, {}, { headers: 5000, total: 10_000 }), context: {} });
      await new Promise((r) => setTimeout(r, 50));
      expect(await handlers['http:cancel']({ id: 'h6' })).toBe(true);
      const view = await pending;
      expect(view.error?.kind).toBe('cancelled');
    } finally {
      await silent.close();
    }
  });

  it('lists visible variables with scopes, secrets masked', async () => {
    const vars = await handlers['vars:resolve']({ collectionId: 'c1' });
    expect(vars).toEqual([
      { name: 'host', value: '127.0.0.1', secret: false, scope: 'environment' },
      { name: 'path', value: 'from-folder', secret: false, scope: 'folder' },
      { name: 'token', value: '••••••', secret: true, scope: 'collection' },
    ]);
    expect(await handlers['vars:resolve']({})).toEqual([]);
  });
});

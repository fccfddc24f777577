import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { EventMap } from '../../shared/ipc/contract';
import { startWebServer } from '../../electron/web/start-web-server';
import { BridgeClient } from '../../renderer/bridge/ws-client';
import type { SocketLike } from '../../renderer/bridge/ws-client';
import { createBridgeApi } from '../../renderer/bridge/bridge-api';

let dir: string;
let target: Server;
let targetPort = 0;
let hits = 0;
let server: Awaited<ReturnType<typeof startWebServer>>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'salvo-start-web-'));
  await mkdir(join(dir, 'renderer'));
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Salvo</title>');
  target = createServer((_req, res) => {
    hits++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
  await new Promise<void>((r) => target.listen(0, '127.0.0.1', () => r()));
  const address = target.address();
  targetPort = typeof address === 'object' && address !== null ? address.port : 0;
  server = await startWebServer({ userDataDir: join(dir, 'user'), rendererDir: join(dir, 'renderer') });
});

afterAll(async () => {
  await server.close();
  await new Promise<void>((r) => target.close(() => r()));
  await rm(dir, { recursive: true, force: true });
});

describe('startWebServer with the real handlers', () => {
  it('runs a batch over the bridge and streams its progress to the client', async () => {
    const client = new BridgeClient(`ws://127.0.0.1:${server.port}/bridge?token=${encodeURIComponent(server.token)}`, (u) => new WebSocket(u, { origin: server.origin }) as unknown as SocketLike);
    const api = createBridgeApi(client);
    try {
      const info = await api.invoke['app:info']({});
      expect(info).toMatchObject({ ok: true, value: { mode: 'web' } });
      // Browser mode: dialogs say unsupported, external links are refused.
      expect(await api.invoke['dialog:openFolder']({})).toEqual({ ok: true, value: { canceled: true, unsupported: true } });
      expect(await api.invoke['shell:openExternal']({ url: 'https://example.com/' })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });

      const tree = await api.invoke['collection:create']({ root: join(dir, 'api'), name: 'Web API' });
      if (!tree.ok) throw new Error(tree.error.message);
      const created = await api.invoke['request:create']({ collectionId: tree.value.id, folder: '', name: 'ping', request: { method: 'GET', url: `http://127.0.0.1:${targetPort}/ping` } });
      expect(created.ok).toBe(true);

      const events: Array<EventMap['run:progress']> = [];
      let finish: () => void = () => undefined;
      const finished = new Promise<void>((r) => (finish = r));
      api.on('run:progress', (p) => {
        events.push(p);
        if (p.state !== 'running') finish();
      });
      const started = await api.invoke['run:start']({ collectionId: tree.value.id, config: { name: 'web', iterations: 200, stages: [{ name: 'main', targets: [], concurrency: 20 }] } });
      if (!started.ok) throw new Error(started.error.message);
      expect(started.value.planned).toBe(200);
      await finished;
      const results = events.flatMap((e) => e.results);
      expect(events.at(-1)?.state).toBe('done');
      expect(new Set(results.map((r) => r.seq)).size).toBe(200);
      expect(hits).toBe(200);
      // Progress is coalesced: far fewer events than results.
      expect(events.length).toBeLessThan(200);
      const detail = await api.invoke['run:result']({ runId: started.value.runId, seq: 0 });
      expect(detail).toMatchObject({ ok: true, value: { status: 200 } });
    } finally {
      client.close();
    }
  });

  it('sends events to every connected client', async () => {
    const connect = (): { client: BridgeClient; api: ReturnType<typeof createBridgeApi> } => {
      const client = new BridgeClient(`ws://127.0.0.1:${server.port}/bridge?token=${encodeURIComponent(server.token)}`, (u) => new WebSocket(u, { origin: server.origin }) as unknown as SocketLike);
      return { client, api: createBridgeApi(client) };
    };
    const a = connect();
    const b = connect();
    try {
      await Promise.all([a.client.connect(), b.client.connect()]);
      const tree = await a.api.invoke['collection:create']({ root: join(dir, 'api2'), name: 'Second' });
      if (!tree.ok) throw new Error(tree.error.message);
      const heard = (api: typeof a.api): Promise<EventMap['collection:changed']> =>
        new Promise((resolve) => {
          const off = api.on('collection:changed', (e) => {
            if (e.tree.tree.children.some((c) => c.name === 'new')) {
              off();
              resolve(e);
            }
          });
        });
      const both = Promise.all([heard(a.api), heard(b.api)]);
      // A real change on disk through the handlers of client a: both clients hear about it.
      expect((await a.api.invoke['request:create']({ collectionId: tree.value.id, folder: '', name: 'new' })).ok).toBe(true);
      const [ea, eb] = await both;
      expect(ea.collectionId).toBe(tree.value.id);
      expect(eb.collectionId).toBe(tree.value.id);
    } finally {
      a.client.close();
      b.client.close();
    }
  });
});

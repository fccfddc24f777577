import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { Emit } from '../../shared/ipc/contract';
import type { ResultFrame, ServerFrame } from '../../shared/ipc/web-bridge';
import { createWebServer } from '../../electron/web/web-server';
import type { WebServer } from '../../electron/web/web-server';
import { createHandlersForTest } from './test-handlers';

let dir: string;
let rendererDir: string;
let server: WebServer;
let emit: Emit | undefined;
let appClosed = false;

interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function httpGet(path: string, headers: Record<string, string> = {}, host = '127.0.0.1'): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host, port: server.port, path, headers, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens a socket; resolves with it, or with the refusal status and body. */
function connect(query: string, origin: string | undefined): Promise<{ ws?: WebSocket; status?: number; body?: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/bridge${query}`, origin === undefined ? {} : { origin });
    ws.on('open', () => resolve({ ws }));
    ws.on('unexpected-response', (_req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    ws.on('error', (err) => reject(err));
  });
}

function nextFrame(ws: WebSocket, match: (f: ServerFrame) => boolean): Promise<ServerFrame> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer): void => {
      const frame = JSON.parse(data.toString()) as ServerFrame;
      if (!match(frame)) return;
      ws.off('message', onMessage);
      resolve(frame);
    };
    ws.on('message', onMessage);
  });
}

async function invoke(ws: WebSocket, id: number, channel: string, payload: unknown): Promise<ResultFrame['result']> {
  const answer = nextFrame(ws, (f) => f.t === 'result' && f.id === id);
  ws.send(JSON.stringify({ t: 'invoke', id, channel, payload }));
  return ((await answer) as ResultFrame).result;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'salvo-web-'));
  rendererDir = join(dir, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Salvo</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(dir, 'secret.txt'), 'outside the bundle');
  await symlink(join(dir, 'secret.txt'), join(rendererDir, 'link.txt'));
  server = await createWebServer({
    rendererDir,
    createApp: (push) => {
      emit = push;
      return Promise.resolve({ handlers: createHandlersForTest(join(dir, 'user'), push), close: () => ((appClosed = true), Promise.resolve()) });
    },
  });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const own = (): string => `http://127.0.0.1:${server.port}`;
const token = (): string => `?token=${encodeURIComponent(server.token)}`;

describe('browser-mode web server', () => {
  it('prints a loopback URL with the token in the fragment', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(40);
  });

  it('binds only 127.0.0.1', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
      .map((a) => a!.address);
    for (const address of external) {
      await expect(httpGet('/', {}, address)).rejects.toThrow(/ECONNREFUSED/);
    }
    // Also refused on the IPv6 loopback and the wildcard-looking 127.0.0.2 (only 127.0.0.1 listens).
    await expect(httpGet('/', {}, '127.0.0.2')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('serves the renderer with the CSP as a header', async () => {
    const index = await httpGet('/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Salvo</title>');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    const js = await httpGet('/assets/app.js');
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('refuses paths outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00index.html']) {
      const answer = await httpGet(path);
      expect([403, 404], path).toContain(answer.status);
      expect(answer.body).not.toContain('outside the bundle');
    }
    const link = await httpGet('/link.txt');
    expect(link.status).toBe(403);
    expect(link.body).not.toContain('outside the bundle');
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const answer = await httpGet('/', { Host: `evil.example:${server.port}` });
    expect(answer.status).toBe(403);
  });

  it('refuses a bridge upgrade without the token, saying why', async () => {
    const answer = await connect('', own());
    expect(answer.status).toBe(403);
    expect(answer.body).toMatch(/no token/);
  });

  it('refuses a wrong token', async () => {
    const answer = await connect('?token=nope', own());
    expect(answer.status).toBe(403);
    expect(answer.body).toMatch(/wrong token/);
  });

  it('refuses another Origin even with the right token', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${server.port + 1}`, 'null']) {
      const answer = await connect(token(), origin);
      expect(answer.status, origin).toBe(403);
      expect(answer.body).toMatch(/Origin .* is not allowed/);
    }
    const none = await connect(token(), undefined);
    expect(none.status).toBe(403);
  });

  it('lets a valid client invoke through dispatch and receive events', async () => {
    const { ws } = await connect(token(), own());
    expect(ws).toBeDefined();
    const client = ws!;
    try {
      const info = await invoke(client, 1, 'app:info', {});
      expect(info).toMatchObject({ ok: true, value: { mode: 'web', version: '0.0.0-test' } });
      const written = await invoke(client, 2, 'settings:write', { settings: { theme: 'dark' } });
      expect(written.ok).toBe(true);
      expect(await invoke(client, 3, 'settings:read', {})).toEqual({ ok: true, value: { theme: 'dark' } });
      // Validation happens in dispatch: bad payloads and unknown channels are errors as data.
      const bad = await invoke(client, 4, 'settings:write', { settings: 'no' });
      expect(bad).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
      const unknown = await invoke(client, 5, 'fs:readAnything', { path: '/etc/passwd' });
      expect(unknown).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringMatching(/unknown channel/) } });
      const dialog = await invoke(client, 6, 'dialog:openFile', {});
      expect(dialog).toEqual({ ok: true, value: { canceled: true, unsupported: true } });
      const external = await invoke(client, 7, 'shell:openExternal', { url: 'https://example.com/' });
      expect(external).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });

      const event = nextFrame(client, (f) => f.t === 'event');
      emit!('http:chunk', { id: 'r1', seq: 0, text: 'hello', bytes: 5 });
      expect(await event).toEqual({ t: 'event', channel: 'http:chunk', payload: { id: 'r1', seq: 0, text: 'hello', bytes: 5 } });
    } finally {
      client.close();
    }
  });

  it('closes a client that sends a malformed frame', async () => {
    const { ws } = await connect(token(), own());
    const closed = new Promise<number>((resolve) => ws!.on('close', (code) => resolve(code)));
    ws!.send('{"t":"invoke","id":"x"}');
    expect(await closed).toBe(1008);
  });

  it('closes clients, the port and the app on close', async () => {
    const local = await createWebServer({ rendererDir, createApp: (push) => Promise.resolve({ handlers: createHandlersForTest(join(dir, 'user2'), push), close: () => ((appClosed = true), Promise.resolve()) }) });
    const ws = new WebSocket(`ws://127.0.0.1:${local.port}/bridge?token=${encodeURIComponent(local.token)}`, { origin: local.origin });
    await new Promise<void>((resolve, reject) => {
      ws.on('open', () => resolve());
      ws.on('error', reject);
    });
    expect(local.clientCount()).toBe(1);
    const closed = new Promise<void>((resolve) => ws.on('close', () => resolve()));
    appClosed = false;
    await local.close();
    await closed;
    expect(appClosed).toBe(true);
    await expect(
      new Promise((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: local.port, path: '/' }, resolve);
        req.on('error', reject);
        req.end();
      }),
    ).rejects.toThrow(/ECONNREFUSED/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine';
import type { Engine } from '../../electron/engine';
import { echoHandler, startHttpServer } from '../servers/http-server';
import type { TestServer } from '../servers/http-server';
import { startProxy } from '../servers/proxy-server';
import { startRawServer } from '../servers/raw-server';
import { nextId, spec, text } from './helpers';

describe('cancel, streaming and proxy', () => {
  let engine: Engine;
  let server: TestServer;
  const hangClosed: number[] = [];

  beforeAll(async () => {
    engine = createEngine();
    server = await startHttpServer((req, res) => {
      if (req.url === '/stream') {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        let n = 0;
        const t = setInterval(() => {
          n += 1;
          res.write(`data: ${n}\n\n`);
          if (n === 5) {
            clearInterval(t);
            res.end();
          }
        }, 20);
        return;
      }
      if (req.url === '/hang') {
        req.socket.once('close', () => hangClosed.push(Date.now()));
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('started');
        return;
      }
      void echoHandler([])(req, res, Buffer.alloc(0));
    });
  });
  afterAll(async () => {
    await engine.close();
    await server.close();
  });

  it('delivers decoded chunks in order while the body arrives', async () => {
    const chunks: string[] = [];
    const times: number[] = [];
    const r = await engine.send(spec(`${server.url}/stream`), {
      id: nextId(),
      onChunk: (c) => {
        chunks.push(Buffer.from(c).toString());
        times.push(performance.now());
      },
    });
    expect(r.error).toBeUndefined();
    expect(chunks.join('')).toBe(text(r.body));
    expect(chunks.join('')).toBe([1, 2, 3, 4, 5].map((n) => `data: ${n}\n\n`).join(''));
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    // The first chunk arrived well before the end, i.e. it was streamed, not delivered at completion.
    expect((times[0] ?? 0) < (times.at(-1) ?? 0)).toBe(true);
  });

  it('cancels by id mid-body: result says cancelled, partial body kept, socket destroyed', async () => {
    const id = nextId();
    const pending = engine.send(spec(`${server.url}/hang`, {}, { bodyIdle: 5000, total: 10_000 }), {
      id,
      onChunk: () => {
        expect(engine.cancel(id)).toBe(true);
      },
    });
    const r = await pending;
    expect(r.error?.kind).toBe('cancelled');
    expect(r.incomplete).toBe(true);
    expect(text(r.body)).toBe('started');
    expect(engine.inFlight()).toBe(0);
    expect(engine.cancel(id)).toBe(false);
    // The socket of a cancelled request is destroyed, not left half-read in the pool.
    for (let i = 0; i < 50 && hangClosed.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(hangClosed.length).toBe(1);
    const next = await engine.send(spec(`${server.url}/ok`), { id: nextId() });
    expect(next.status).toBe(200);
  });

  it('cancels through an AbortSignal before any response', async () => {
    const silent = await startRawServer(() => undefined);
    try {
      const controller = new AbortController();
      const pending = engine.send(spec(`${silent.url}/`, {}, { headers: 5000, total: 10_000 }), { id: nextId(), signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      const r = await pending;
      expect(r.error?.kind).toBe('cancelled');
      expect(r.timings.total).toBeLessThan(2000);
      const already = await engine.send(spec(`${server.url}/ok`), { id: nextId(), signal: AbortSignal.abort() });
      expect(already.error?.kind).toBe('cancelled');
    } finally {
      await silent.close();
    }
  });

  it('refuses a second send with an id already in flight', async () => {
    const id = nextId();
    const first = engine.send(spec(`${server.url}/hang`, {}, { bodyIdle: 5000, total: 10_000 }), { id });
    const second = await engine.send(spec(`${server.url}/ok`), { id });
    expect(second.error?.kind).toBe('invalid-input');
    engine.cancel(id);
    expect((await first).error?.kind).toBe('cancelled');
  });

  it('sends through an HTTP proxy', async () => {
    const proxy = await startProxy();
    try {
      const r = await engine.send(spec(`${server.url}/via-proxy`, { options: { ...spec('x').options, proxyUrl: proxy.url } }), { id: nextId() });
      expect(r.error).toBeUndefined();
      expect(r.status).toBe(200);
      expect(proxy.seen.length).toBe(1);
      expect(proxy.seen[0]).toContain(`127.0.0.1:${server.port}`);
    } finally {
      await proxy.close();
    }
  });

  it('tunnels HTTPS through the proxy with CONNECT, verifying the target certificate', async () => {
    const { createTestCert } = await import('../servers/certs');
    const { startHttpsServer } = await import('../servers/http-server');
    const cert = await createTestCert();
    const secure = await startHttpsServer(echoHandler([]), cert);
    const proxy = await startProxy();
    try {
      const base = spec('x').options;
      const trusted = await engine.send(spec(`${secure.url}/tunnel`, { options: { ...base, proxyUrl: proxy.url, caFile: cert.certFile } }), { id: nextId() });
      expect(trusted.error).toBeUndefined();
      expect(trusted.status).toBe(200);
      expect(proxy.seen[0]).toBe(`CONNECT 127.0.0.1:${secure.port}`);
      const untrusted = await engine.send(spec(`${secure.url}/tunnel`, { options: { ...base, proxyUrl: proxy.url } }), { id: nextId() });
      expect(untrusted.error?.kind).toBe('tls');
    } finally {
      await proxy.close();
      await secure.close();
    }
  });

  it('reports an invalid proxy URL', async () => {
    const r = await engine.send(spec(`${server.url}/x`, { options: { ...spec('x').options, proxyUrl: 'not a url' } }), { id: nextId() });
    expect(r.error?.kind).toBe('invalid-url');
  });
});

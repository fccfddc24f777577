import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine';
import type { Engine } from '../../electron/engine';
import { echoHandler, startHttpServer } from '../servers/http-server';
import type { SeenRequest, TestServer } from '../servers/http-server';
import { nextId, spec, text } from './helpers';

describe('engine basics', () => {
  let engine: Engine;
  let server: TestServer;
  const seen: SeenRequest[] = [];

  beforeAll(async () => {
    engine = createEngine();
    server = await startHttpServer(echoHandler(seen));
  });
  afterAll(async () => {
    await engine.close();
    await server.close();
  });

  it('sends a GET and returns status, headers, body and sizes', async () => {
    const r = await engine.send(spec(`${server.url}/hello?x=1`, { params: [{ name: 'y', value: 'a b', enabled: true }, { name: 'z', value: 'off', enabled: false }] }), { id: nextId() });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(200);
    expect(r.statusText).toBe('OK');
    expect(r.httpVersion).toBe('1.1');
    expect(r.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1]).toBe('application/json');
    const body = JSON.parse(text(r.body)) as { url: string; headers: Record<string, string> };
    expect(body.url).toBe('/hello?x=1&y=a%20b');
    expect(body.headers['user-agent']).toMatch(/^salvo\//);
    expect(r.sizes.bodyDecoded).toBe(r.sizes.bodyWire);
    expect(r.sizes.headers).toBeGreaterThan(20);
    expect(r.remoteAddress).toBe('127.0.0.1');
    expect(r.remotePort).toBe(server.port);
    expect(r.isBinary).toBe(false);
    expect(r.charset).toBe('utf-8');
  });

  it('reuses the keep-alive socket for the second request to one origin', async () => {
    const local = createEngine();
    const s = await startHttpServer(echoHandler([]));
    try {
      const first = await local.send(spec(`${s.url}/a`), { id: nextId() });
      const second = await local.send(spec(`${s.url}/b`), { id: nextId() });
      expect(first.reusedConnection).toBe(false);
      expect(second.reusedConnection).toBe(true);
      expect(second.timings.connect).toBe(0);
      expect(second.timings.dns).toBe(0);
      expect(second.timings.tls).toBe(0);
      expect(s.connections()).toBe(1);
    } finally {
      await local.close();
      await s.close();
    }
  });

  it('reports timing phases that add up to about the total', async () => {
    const local = createEngine();
    const s = await startHttpServer((_req, res) => {
      setTimeout(() => res.end('x'.repeat(1000)), 30);
    });
    try {
      // Warm up on another origin: one-time lazy loading (undici's parser) is not a phase of this request.
      await local.send(spec(`${server.url}/warm`), { id: nextId() });
      const r = await local.send(spec(`${s.url}/slow`), { id: nextId() });
      const t = r.timings;
      const sum = t.dns + t.connect + t.tls + t.send + t.ttfb + t.download;
      expect(r.reusedConnection).toBe(false);
      expect(t.connect).toBeGreaterThan(0);
      expect(t.ttfb).toBeGreaterThanOrEqual(25);
      expect(sum).toBeLessThanOrEqual(t.total + 0.01);
      expect(t.total - sum).toBeLessThan(Math.max(10, t.total * 0.2));
    } finally {
      await local.close();
      await s.close();
    }
  });

  it('measures the DNS phase for a host name', async () => {
    const local = createEngine();
    try {
      const r = await local.send(spec(`http://localhost:${server.port}/dns`), { id: nextId() });
      expect(r.error).toBeUndefined();
      expect(r.timings.dns).toBeGreaterThan(0);
      expect(r.timings.connect).toBeGreaterThanOrEqual(0);
    } finally {
      await local.close();
    }
  });

  it('sends any method token, including custom ones', async () => {
    const r = await engine.send(spec(`${server.url}/m`, { method: 'PURGE' }), { id: nextId() });
    expect(r.status).toBe(200);
    expect(seen.at(-1)?.method).toBe('PURGE');
  });

  it('reports connection refused as its kind and never rejects', async () => {
    const { unusedPort } = await import('../servers/raw-server');
    const port = await unusedPort();
    const r = await engine.send(spec(`http://127.0.0.1:${port}/`), { id: nextId() });
    expect(r.error?.kind).toBe('connection-refused');
    expect(r.status).toBe(0);
  });

  it('turns a header value with a line break into invalid-input instead of sending it', async () => {
    const before = seen.length;
    const r = await engine.send(spec(`${server.url}/h`, { headers: [{ name: 'X-Inject', value: 'a\r\nX-Evil: 1', enabled: true }] }), { id: nextId() });
    expect(r.error?.kind).toBe('invalid-input');
    const bad = await engine.send(spec(`${server.url}/h`, { headers: [{ name: 'Bad Name', value: 'v', enabled: true }] }), { id: nextId() });
    expect(bad.error?.kind).toBe('invalid-input');
    expect(seen.length).toBe(before);
    expect(engine.inFlight()).toBe(0);
  });

  it('reports an invalid URL before sending', async () => {
    const r = await engine.send(spec('ftp://example.com/x'), { id: nextId() });
    expect(r.error?.kind).toBe('invalid-url');
    const r2 = await engine.send(spec('http://'), { id: nextId() });
    expect(r2.error?.kind).toBe('invalid-url');
  });
});

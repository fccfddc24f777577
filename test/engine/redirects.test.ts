import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine';
import type { Engine } from '../../electron/engine';
import { createTestCert } from '../servers/certs';
import { echoHandler, startHttpServer, startHttpsServer } from '../servers/http-server';
import type { SeenRequest, TestServer } from '../servers/http-server';
import { nextId, spec, text } from './helpers';

describe('redirects followed by Salvo', () => {
  let engine: Engine;
  let a: TestServer;
  let b: TestServer;
  const seenB: SeenRequest[] = [];
  const seenA: SeenRequest[] = [];

  beforeAll(async () => {
    engine = createEngine();
    b = await startHttpServer(echoHandler(seenB));
    const echoA = echoHandler(seenA);
    a = await startHttpServer((req, res, body) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const m = /^\/r(\d{3})$/.exec(url.pathname);
      if (m?.[1] !== undefined) {
        res.writeHead(Number(m[1]), { location: url.searchParams.get('to') ?? '/final' });
        res.end('moved');
        return;
      }
      if (url.pathname === '/loop') {
        res.writeHead(302, { location: '/loop' });
        res.end();
        return;
      }
      if (url.pathname.startsWith('/chain/')) {
        const n = Number(url.pathname.slice(7));
        res.writeHead(302, { location: n > 0 ? `/chain/${n - 1}` : '/final' });
        res.end();
        return;
      }
      void echoA(req, res, body);
    });
  });
  afterAll(async () => {
    await engine.close();
    await a.close();
    await b.close();
  });

  const post = { method: 'POST', body: { mode: 'json' as const, text: '{"k":1}' } };

  it.each([301, 302, 303])('turns POST into a bodiless GET on %i', async (status) => {
    const r = await engine.send(spec(`${a.url}/r${status}`, post), { id: nextId() });
    expect(r.status).toBe(200);
    expect(r.redirects).toHaveLength(1);
    expect(r.redirects[0]).toMatchObject({ method: 'POST', status, location: '/final', droppedCredentials: false, downgrade: false });
    const final = seenA.at(-1);
    expect(final?.method).toBe('GET');
    expect(final?.body.length).toBe(0);
    expect(final?.headers['content-type']).toBeUndefined();
    expect(r.method).toBe('GET');
    expect(r.url).toBe(`${a.url}/final`);
  });

  it.each([307, 308])('keeps method and body on %i', async (status) => {
    const r = await engine.send(spec(`${a.url}/r${status}`, post), { id: nextId() });
    expect(r.status).toBe(200);
    const final = seenA.at(-1);
    expect(final?.method).toBe('POST');
    expect(final?.body.toString()).toBe('{"k":1}');
    expect(final?.headers['content-type']).toBe('application/json');
  });

  it('records every hop of a chain', async () => {
    const r = await engine.send(spec(`${a.url}/chain/3`), { id: nextId() });
    expect(r.status).toBe(200);
    expect(r.redirects.map((h) => h.url)).toEqual([`${a.url}/chain/3`, `${a.url}/chain/2`, `${a.url}/chain/1`, `${a.url}/chain/0`]);
  });

  it('ends a loop with too-many-redirects, never with the last 3xx as success', async () => {
    const r = await engine.send(spec(`${a.url}/loop`, { options: { ...spec('x').options, maxRedirects: 5 } }), { id: nextId() });
    expect(r.error?.kind).toBe('too-many-redirects');
    expect(r.redirects).toHaveLength(5);
    expect(r.status).toBe(302);
  });

  it('returns the 3xx itself when following is off', async () => {
    const r = await engine.send(spec(`${a.url}/r302`, { options: { ...spec('x').options, followRedirects: false } }), { id: nextId() });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(302);
    expect(text(r.body)).toBe('moved');
    expect(r.redirects).toHaveLength(0);
  });

  it('keeps credentials on a same-origin hop', async () => {
    await engine.send(spec(`${a.url}/r302?to=/same`, { auth: { type: 'bearer', token: 'T' }, headers: [{ name: 'Cookie', value: 'c=1', enabled: true }] }), { id: nextId() });
    expect(seenA.at(-1)?.headers.authorization).toBe('Bearer T');
    expect(seenA.at(-1)?.headers.cookie).toBe('c=1');
  });

  it('drops Authorization, Cookie, Proxy-Authorization, sensitive and secret-bearing headers and query params across origins', async () => {
    const to = encodeURIComponent(`${b.url}/landing?token=SEKRET&api_key=k&keep=1&other=xSEKRETx`);
    const r = await engine.send(
      spec(`${a.url}/r307?to=${to}`, {
        auth: { type: 'basic', username: 'u', password: 'p' },
        headers: [
          { name: 'Cookie', value: 'sid=1', enabled: true },
          { name: 'Proxy-Authorization', value: 'Basic eA==', enabled: true },
          { name: 'X-Session', value: 'abc', enabled: true },
          { name: 'X-Derived', value: 'Token SEKRET', enabled: true },
          { name: 'X-Plain', value: 'visible', enabled: true },
        ],
      }),
      { id: nextId(), secretValues: ['SEKRET'], sensitiveNames: ['X-Session', 'api_key'] },
    );
    expect(r.status).toBe(200);
    const got = seenB.at(-1);
    expect(got?.headers.authorization).toBeUndefined();
    expect(got?.headers.cookie).toBeUndefined();
    expect(got?.headers['proxy-authorization']).toBeUndefined();
    expect(got?.headers['x-session']).toBeUndefined();
    expect(got?.headers['x-derived']).toBeUndefined();
    expect(got?.headers['x-plain']).toBe('visible');
    expect(got?.url).toBe('/landing?keep=1');
    expect(r.redirects[0]?.droppedCredentials).toBe(true);
    expect(JSON.stringify(r.redirects)).not.toContain('SEKRET');
    expect(JSON.stringify(r.sent)).not.toContain('SEKRET');
  });

  it('does not answer a digest challenge from another origin', async () => {
    const to = encodeURIComponent(`${b.url}/x`);
    await engine.send(spec(`${a.url}/r302?to=${to}`, { auth: { type: 'digest', username: 'u', password: 'p' } }), { id: nextId() });
    expect(seenB.at(-1)?.headers.authorization).toBeUndefined();
  });

  it('flags an https to http downgrade', async () => {
    const cert = await createTestCert();
    const secure = await startHttpsServer((_req, res) => {
      res.writeHead(302, { location: `${b.url}/plain` });
      res.end();
    }, cert);
    try {
      const r = await engine.send(spec(`${secure.url}/go`, { options: { ...spec('x').options, caFile: cert.certFile } }), { id: nextId() });
      expect(r.status).toBe(200);
      expect(r.redirects[0]?.downgrade).toBe(true);
    } finally {
      await secure.close();
    }
  });

  it('reports an unusable Location as a protocol error', async () => {
    const r = await engine.send(spec(`${a.url}/r302?to=${encodeURIComponent('javascript:alert(1)')}`), { id: nextId() });
    expect(r.error?.kind).toBe('protocol');
  });
});

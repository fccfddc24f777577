import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SalvoCookieJar } from '../../electron/cookies/cookie-jar';
import { createEngine } from '../../electron/engine';
import type { Engine } from '../../electron/engine';
import { nextId, spec } from '../engine/helpers';
import { createTestCert } from '../servers/certs';
import { setUrl, startCookieServer, startSecureCookieServer } from './cookie-server';
import type { CookieServer } from './cookie-server';

describe('the engine with a cookie jar', () => {
  let engine: Engine;
  let a: CookieServer;
  let b: CookieServer;
  let secure: CookieServer;
  let caFile: string;

  beforeAll(async () => {
    engine = createEngine();
    a = await startCookieServer();
    b = await startCookieServer();
    const cert = await createTestCert();
    caFile = cert.certFile;
    secure = await startSecureCookieServer(cert);
  });
  afterAll(async () => {
    await engine.close();
    await a.close();
    await b.close();
    await secure.close();
  });

  const send = (url: string, jar: SalvoCookieJar | undefined, partial: Parameters<typeof spec>[1] = {}) => engine.send(spec(url, partial), { id: nextId('cookie'), ...(jar === undefined ? {} : { cookies: jar }) });

  it('sends the session cookie a login response set', async () => {
    const jar = new SalvoCookieJar();
    const login = await send(setUrl(a.url, '/login', 'sid=abc123; Path=/; HttpOnly', 'theme=dark'), jar);
    expect(login.status).toBe(200);
    expect(a.lastCookie('/login')).toBeUndefined();
    const next = await send(`${a.url}/me`, jar);
    expect(next.status).toBe(200);
    expect(a.lastCookie('/me')).toBe('sid=abc123; theme=dark');
    // The response view shows the header that went out.
    expect(next.sent.headers).toContainEqual(['Cookie', 'sid=abc123; theme=dark']);
    // Another jar is another session.
    await send(`${a.url}/me`, new SalvoCookieJar());
    expect(a.lastCookie('/me')).toBeUndefined();
  });

  it('matches paths: a cookie for /api is not sent to /other', async () => {
    const jar = new SalvoCookieJar();
    await send(setUrl(a.url, '/api/login', 'token=t1; Path=/api'), jar);
    await send(`${a.url}/api/items`, jar);
    expect(a.lastCookie('/api/items')).toBe('token=t1');
    await send(`${a.url}/other`, jar);
    expect(a.lastCookie('/other')).toBeUndefined();
    await send(`${a.url}/apix`, jar);
    expect(a.lastCookie('/apix')).toBeUndefined();
  });

  it('drops expired cookies: a past Expires is not kept, Max-Age=0 deletes', async () => {
    const jar = new SalvoCookieJar();
    await send(setUrl(a.url, '/set', 'keep=1', 'gone=1', 'stale=1; Expires=Wed, 21 Oct 2015 07:28:00 GMT'), jar);
    await send(`${a.url}/check1`, jar);
    expect(a.lastCookie('/check1')).toBe('keep=1; gone=1');
    await send(setUrl(a.url, '/set', 'gone=; Max-Age=0'), jar);
    await send(`${a.url}/check2`, jar);
    expect(a.lastCookie('/check2')).toBe('keep=1');
    expect((await jar.list()).map((c) => c.name)).toEqual(['keep']);
  });

  it('keeps Secure cookies to https: set over https, not sent over http, refused from http', async () => {
    const jar = new SalvoCookieJar();
    await send(setUrl(secure.url, '/set', 'sec=s1; Secure', 'plain=p1'), jar, { options: { ...spec('x').options, caFile } });
    await send(`${secure.url}/check`, jar, { options: { ...spec('x').options, caFile } });
    expect(secure.lastCookie('/check')).toBe('sec=s1; plain=p1');
    // Same host (127.0.0.1), plain http: the Secure cookie stays home.
    await send(`${a.url}/check-http`, jar);
    expect(a.lastCookie('/check-http')).toBe('plain=p1');
    await send(setUrl(a.url, '/set', 'fromhttp=1; Secure'), jar);
    expect((await jar.list()).map((c) => c.name).sort()).toEqual(['plain', 'sec']);
  });

  it('refuses cookies for another domain', async () => {
    const jar = new SalvoCookieJar();
    await send(setUrl(a.url, '/set', 'evil=1; Domain=example.com', 'ok=1'), jar);
    await send(`${a.url}/check`, jar);
    expect(a.lastCookie('/check')).toBe('ok=1');
  });

  it('stores the Set-Cookie of a redirect hop and sends it on the next hop', async () => {
    const jar = new SalvoCookieJar();
    const r = await send(setUrl(a.url, '/redirect', 'sid=from-redirect') + `&to=${encodeURIComponent('/home')}`, jar);
    expect(r.status).toBe(200);
    expect(r.redirects).toHaveLength(1);
    expect(a.lastCookie('/home')).toBe('sid=from-redirect');
  });

  it('replaces a cookie changed by a redirect hop instead of resending the old value', async () => {
    const jar = new SalvoCookieJar();
    await send(setUrl(a.url, '/set', 'step=1'), jar);
    await send(setUrl(a.url, '/redirect', 'step=2') + `&to=${encodeURIComponent('/after')}`, jar);
    expect(a.lastCookie('/redirect')).toBe('step=1');
    expect(a.lastCookie('/after')).toBe('step=2');
  });

  it('on a cross-origin hop drops the typed Cookie header but sends the jar cookies that match the new URL', async () => {
    const jar = new SalvoCookieJar();
    // Host-only cookies of 127.0.0.1 match every port of it (RFC 6265 cookies ignore ports).
    await send(setUrl(a.url, '/set', 'sid=jar'), jar);
    const to = `${b.url}/landing`;
    const r = await send(`${a.url}/redirect?to=${encodeURIComponent(to)}`, jar, { headers: [{ name: 'Cookie', value: 'typed=secret', enabled: true }] });
    expect(r.status).toBe(200);
    expect(a.lastCookie('/redirect')).toBe('typed=secret; sid=jar');
    expect(b.lastCookie('/landing')).toBe('sid=jar');
  });

  it('merges a typed Cookie header: the typed value wins for the same name, one header goes out', async () => {
    const jar = new SalvoCookieJar();
    await send(setUrl(a.url, '/set', 'sid=from-jar', 'lang=en'), jar);
    await send(`${a.url}/merged`, jar, { headers: [{ name: 'cookie', value: 'sid=typed', enabled: true }] });
    expect(a.lastCookie('/merged')).toBe('sid=typed; lang=en');
    expect(a.seen.at(-1)?.cookieLines).toHaveLength(1);
  });

  it('with useCookieJar off neither sends nor stores', async () => {
    const jar = new SalvoCookieJar();
    await send(setUrl(a.url, '/set', 'sid=1'), jar);
    const off = { options: { ...spec('x').options, useCookieJar: false } };
    await send(`${a.url}/off`, jar, off);
    expect(a.lastCookie('/off')).toBeUndefined();
    await send(setUrl(a.url, '/set', 'other=2'), jar, off);
    expect((await jar.list()).map((c) => c.name)).toEqual(['sid']);
  });

  it('stores cookies of an error response too (a 401 that ends a session)', async () => {
    const jar = new SalvoCookieJar();
    await send(setUrl(a.url, '/set', 'sid=1'), jar);
    await send(setUrl(a.url, '/logout', 'sid=; Max-Age=0'), jar);
    expect(await jar.list()).toEqual([]);
  });

  it('answers an empty jar synchronously (nothing to wait for on the hot path)', () => {
    const jar = new SalvoCookieJar();
    expect(jar.cookieHeaderFor(new URL(`${a.url}/x`))).toBeUndefined();
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../electron/handlers/bootstrap';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../shared/ipc/channels';
import type { Handlers } from '../../shared/ipc/contract';
import { dispatch } from '../../shared/ipc/dispatch';
import { startTestApp } from '../support/test-app';

let dir = '';
let app: App;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'salvo-cookie-ipc-'));
  app = await startTestApp(join(dir, 'user'));
});
afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

const good = { name: 'sid', value: 'abc', domain: 'api.test', path: '/', secure: false, httpOnly: false, hostOnly: true };
const call = (channel: string, payload: unknown) => dispatch(app.handlers as Handlers, channel, payload);

describe('cookies IPC', () => {
  it('is on the allowlists', () => {
    for (const c of ['cookies:list', 'cookies:delete', 'cookies:clear', 'cookies:set']) expect(Object.hasOwn(INVOKE_CHANNELS, c)).toBe(true);
    expect(Object.hasOwn(EVENT_CHANNELS, 'cookies:changed')).toBe(true);
  });

  it.each([
    ['a name with a space', { cookie: { ...good, name: 'a b' } }, 'cookie.name'],
    ['an empty name', { cookie: { ...good, name: '' } }, 'cookie.name'],
    ['a value with a semicolon (header injection)', { cookie: { ...good, value: 'x; Domain=evil.test' } }, 'cookie.value'],
    ['a value with CR LF', { cookie: { ...good, value: 'x\r\nSet-Cookie: y=1' } }, 'cookie.value'],
    ['a domain with a path', { cookie: { ...good, domain: 'api.test/x' } }, 'cookie.domain'],
    ['a domain with a port', { cookie: { ...good, domain: 'api.test:8080' } }, 'cookie.domain'],
    ['a path without a leading slash', { cookie: { ...good, path: 'v1' } }, 'cookie.path'],
    ['an unknown SameSite', { cookie: { ...good, sameSite: 'sometimes' } }, 'cookie.sameSite'],
    ['a non-numeric expiry', { cookie: { ...good, expires: 'tomorrow' } }, 'cookie.expires'],
    ['a huge value', { cookie: { ...good, value: 'v'.repeat(5000) } }, 'cookie.value'],
    ['an oversized collection id', { collectionId: 'x'.repeat(200), cookie: good }, 'collectionId'],
  ])('cookies:set refuses %s', async (_label, payload, where) => {
    const r = await call('cookies:set', payload);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('invalid-input');
      expect(r.error.message).toContain(`at ${where}`);
    }
  });

  it('cookies:delete needs a whole key', async () => {
    const r = await call('cookies:delete', { key: { name: 'sid', domain: 'api.test' } });
    expect(r).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  });

  it('an unknown collection has no jar', async () => {
    const r = await call('cookies:list', { collectionId: 'no-such-collection' });
    expect(r).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

  it('a valid payload round-trips through the default jar', async () => {
    expect(await call('cookies:set', { cookie: { name: 'sid', value: '"quoted"', domain: 'API.Test' } })).toMatchObject({ ok: true, value: { name: 'sid', value: '"quoted"', domain: 'api.test', path: '/', hostOnly: true } });
    expect(await call('cookies:list', {})).toMatchObject({ ok: true, value: [{ name: 'sid' }] });
    expect(await call('cookies:delete', { key: { name: 'sid', domain: 'api.test', path: '/' } })).toEqual({ ok: true, value: true });
    expect(await call('cookies:clear', {})).toEqual({ ok: true, value: undefined });
  });
});

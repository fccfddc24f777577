import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCmd } from '../../electron/cli/run';
import { parseRunArgs } from '../../electron/cli/run-args';
import { send } from '../../electron/cli/send';
import { parseSendArgs } from '../../electron/cli/send-args';
import { bufferIo } from '../cli/buffer-io';
import { writeCollection } from '../runner/collection-fixture';
import { setUrl, startCookieServer } from './cookie-server';
import type { CookieServer } from './cookie-server';

let server: CookieServer;
let root = '';
let work = '';

beforeAll(async () => {
  server = await startCookieServer();
  work = await mkdtemp(join(tmpdir(), 'salvo-cli-cookies-'));
  root = await writeCollection(
    'Session',
    [
      { path: 'login.yaml', request: { name: 'Log in', url: setUrl(server.url, '/login', 'sid=cli-session; Path=/; HttpOnly') } },
      { path: 'me.yaml', request: { name: 'Me', url: `${server.url}/me` } },
    ],
    { name: 'local', variables: {} },
  );
});
afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

describe('salvo run and cookies', () => {
  it('a login flow works: the run keeps the session cookie in its own in-memory jar', async () => {
    const io = bufferIo({ cwd: work });
    expect(await runCmd([root, '--env', 'local'], io)).toBe(0);
    expect(server.lastCookie('/me')).toBe('sid=cli-session');
    // Each invocation starts empty: nothing carried over from the previous run.
    expect(await runCmd([root, '--env', 'local', '--request', 'me.yaml'], bufferIo({ cwd: work }))).toBe(0);
    expect(server.lastCookie('/me')).toBeUndefined();
  });

  it('--no-cookies sends none', async () => {
    expect(await runCmd([root, '--env', 'local', '--no-cookies'], bufferIo({ cwd: work }))).toBe(0);
    expect(server.seen.at(-1)?.path).toBe('/me');
    expect(server.lastCookie('/me')).toBeUndefined();
    expect(parseRunArgs([root, '--no-cookies']).noCookies).toBe(true);
    expect(parseRunArgs([root]).noCookies).toBe(false);
  });
});

describe('salvo send and cookies', () => {
  const redirect = (): string => `${setUrl(server.url, '/redirect', 'sid=hop')}&to=${encodeURIComponent('/landed')}`;

  it('carries a cookie set by a redirect hop to the next hop', async () => {
    expect(await send([redirect()], bufferIo({ cwd: work }))).toBe(0);
    expect(server.lastCookie('/landed')).toBe('sid=hop');
  });

  it('--no-cookies turns the jar off', async () => {
    expect(await send([redirect(), '--no-cookies'], bufferIo({ cwd: work }))).toBe(0);
    expect(server.seen.at(-1)?.path).toBe('/landed');
    expect(server.lastCookie('/landed')).toBeUndefined();
    expect(parseSendArgs(['http://x/', '--no-cookies'], work).spec.options.useCookieJar).toBe(false);
  });
});

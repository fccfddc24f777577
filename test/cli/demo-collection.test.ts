import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import { startDemoServer } from '../../scripts/demo-server.mjs';
import { bufferIo } from './buffer-io';

// The README's walk-through: the shipped example collection against the demo API, through the CLI dispatcher.
let server: Server;
let dir = '';

function io(env: Record<string, string>): ReturnType<typeof bufferIo> {
  return bufferIo({ cwd: dir, env });
}

beforeAll(async () => {
  server = await startDemoServer(0);
  const port = (server.address() as AddressInfo).port;
  dir = await mkdtemp(join(tmpdir(), 'salvo-demo-'));
  await cp('examples/demo', join(dir, 'demo'), { recursive: true });
  const envFile = join(dir, 'demo', 'environments', 'local.yaml');
  await writeFile(envFile, (await readFile(envFile, 'utf8')).replace('http://127.0.0.1:4010', `http://127.0.0.1:${port}`));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

it('runs the example collection concurrently, chaining the login token into the users requests', async () => {
  const term = io({ SALVO_SECRET_LOCAL_PASSWORD: 'demo-password' });
  const code = await main(['run', join(dir, 'demo'), '--env', 'local', '--concurrency', '4', '--iterations', '2'], term);
  expect(term.err()).toBe('');
  expect(code).toBe(0);
  expect(term.out()).toMatch(/10 done of 10 planned/);
  expect(term.out()).toMatch(/Passed \/ failed\s+10 \/ 0/);
});

it('runs the saved smoke configuration (sequential login stage, concurrent users stage)', async () => {
  const term = io({ SALVO_SECRET_LOCAL_PASSWORD: 'demo-password' });
  expect(await main(['run', join(dir, 'demo'), '--config', 'smoke'], term)).toBe(0);
  expect(term.out()).toMatch(/4 done of 4 planned/);
});

it('fails with exit 1 when the secret is missing, since the login assertion fails', async () => {
  const term = io({});
  expect(await main(['run', join(dir, 'demo'), '--env', 'local'], term)).toBe(1);
});

it('answers unknown commands with usage and exit 2', async () => {
  const term = io({});
  expect(await main(['frobnicate'], term)).toBe(2);
  expect(term.err()).toMatch(/unknown command/);
});

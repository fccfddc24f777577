import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCmd } from '../../electron/cli/run';
import { bufferIo } from '../cli/buffer-io';
import { startTarget } from '../runner/target-server';
import type { TargetServer } from '../runner/target-server';
import { writeCollection } from '../runner/collection-fixture';

// `salvo run` reads a body file outside the collection only with --allow-external-files, for that
// invocation: a request file claiming consent (`allowExternalFiles: true`) grants nothing.
let target: TargetServer;
let root = '';
let outside = '';

beforeAll(async () => {
  target = await startTarget();
  outside = await mkdtemp(join(tmpdir(), 'salvo-cli-outside-'));
  await writeFile(join(outside, 'payload.bin'), 'OUTSIDE-PAYLOAD');
  root = await writeCollection('Upload', [{ path: 'upload.yaml', request: { name: 'Upload', method: 'POST', url: `${target.url}/echo/upload`, body: { mode: 'binary', path: join(outside, 'payload.bin') } } }]);
  await writeFile(join(root, 'upload.yaml'), `name: Upload\nmethod: POST\nurl: ${target.url}/echo/upload\nbody:\n  mode: binary\n  path: ${join(outside, 'payload.bin')}\noptions:\n  allowExternalFiles: true\n`);
});

afterAll(async () => {
  await target.close();
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

it('without the flag the run fails naming the file and the flag, and sends nothing', async () => {
  const io = bufferIo({ cwd: root });
  expect(await runCmd([root], io)).toBe(1);
  expect(io.out()).toContain(join(outside, 'payload.bin'));
  expect(io.out()).toContain('--allow-external-files');
  expect(target.arrivals.some((a) => a.path.includes('/echo/upload'))).toBe(false);
});

it('with --allow-external-files the file is sent, for that invocation only', async () => {
  const io = bufferIo({ cwd: root });
  expect(await runCmd([root, '--allow-external-files'], io)).toBe(0);
  expect(target.arrivals.some((a) => a.path.includes('/echo/upload'))).toBe(true);
  const next = bufferIo({ cwd: root });
  expect(await runCmd([root], next)).toBe(1);
});

import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CollectionService } from '../../electron/collections/service';
import { createEngine } from '../../electron/engine';
import type { AppContext } from '../../electron/handlers/context';
import { createRunHandlers } from '../../electron/handlers/runs';
import { createEnvSecretStore } from '../../electron/secrets/env-secret-store';
import type { EventMap } from '../../shared/ipc/contract';
import { RequestOptionsSchema } from '../../shared/model/request';
import { RunConfigSchema } from '../../shared/model/run';
import type { RunProgress } from '../../shared/model/run';
import { writeCollection } from './collection-fixture';
import { startTarget, until } from './target-server';
import type { TargetServer } from './target-server';

// A batch run applies the same file rule as a single send: body files are relative to the
// collection and stay inside it unless the request carries the user's consent.
let target: TargetServer;
let root = '';
let outside = '';
const events: RunProgress[] = [];
let service: CollectionService;
let ctx: AppContext;
let runs: ReturnType<typeof createRunHandlers>;

beforeAll(async () => {
  target = await startTarget();
  outside = await mkdtemp(join(tmpdir(), 'salvo-outside-'));
  await writeFile(join(outside, 'id_rsa'), 'PRIVATE');
  const upload = (name: string, path: string, allowExternalFiles = false) => ({
    path: `${name}.yaml`,
    request: { name, method: 'POST', url: `${target.url}/echo/${name}`, body: { mode: 'binary' as const, path }, options: RequestOptionsSchema.parse({ allowExternalFiles }) },
  });
  root = await writeCollection('Files', [upload('inside', 'files/a.bin'), upload('outside', join(outside, 'id_rsa')), upload('linked', 'files/link.bin'), upload('consented', join(outside, 'id_rsa'), true)]);
  await mkdir(join(root, 'files'));
  await writeFile(join(root, 'files', 'a.bin'), 'A');
  await symlink(join(outside, 'id_rsa'), join(root, 'files', 'link.bin'));
  const emit = <E extends keyof EventMap>(channel: E, payload: EventMap[E]): void => {
    if (channel === 'run:progress') events.push(payload as RunProgress);
  };
  const userData = await mkdtemp(join(tmpdir(), 'salvo-userdata-'));
  const secrets = createEnvSecretStore({});
  service = new CollectionService({ emit, secrets, userDataDir: userData, watch: false });
  ctx = { engine: createEngine(), emit, userDataDir: userData, secrets, mode: 'test' };
  runs = createRunHandlers(ctx, { collections: service.access() });
});

afterAll(async () => {
  await runs.close();
  await ctx.engine.close();
  await service.closeAll();
  await target.close();
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

it('sends files inside the collection and consented ones; refuses outside ones and links that lead outside, unsent', async () => {
  const collectionId = await service.access().openRoot(root);
  const { runId } = await runs.handlers['run:start']({ collectionId, config: RunConfigSchema.parse({ stages: [{ name: 'all', targets: [], concurrency: 2 }] }) });
  await until(() => events.some((e) => e.runId === runId && e.state !== 'running'), 10_000);
  const results = events.filter((e) => e.runId === runId).flatMap((e) => e.results);
  const byName = new Map(results.map((r) => [r.name, r]));
  expect(byName.get('inside')?.status).toBe(200);
  expect(byName.get('consented')?.status).toBe(200);
  for (const name of ['outside', 'linked']) {
    expect(byName.get(name)?.errorKind).toBe('invalid-input');
    expect(byName.get(name)?.errorMessage).toMatch(/outside the collection/);
  }
  const arrived = target.arrivals.map((a) => a.path);
  expect(arrived.some((p) => p.includes('/echo/inside'))).toBe(true);
  expect(arrived.some((p) => p.includes('/echo/outside') || p.includes('/echo/linked'))).toBe(false);
});

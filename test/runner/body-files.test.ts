import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CollectionService } from '../../electron/collections/service';
import { createEngine } from '../../electron/engine';
import type { AppContext } from '../../electron/handlers/context';
import { createRunHandlers } from '../../electron/handlers/runs';
import { appConsent } from '../../electron/consent/app-consent';
import { FileConsentStore } from '../../electron/consent/file-consent-store';
import { RefusedFiles } from '../../electron/consent/refused-files';
import { createEnvSecretStore } from '../../electron/secrets/env-secret-store';
import type { EventMap } from '../../shared/ipc/contract';
import { RequestOptionsSchema } from '../../shared/model/request';
import { RunConfigSchema } from '../../shared/model/run';
import type { RunProgress } from '../../shared/model/run';
import { writeCollection } from './collection-fixture';
import { startTarget, until } from './target-server';
import type { TargetServer } from './target-server';

// A batch run applies the same file rule as a single send: body files are relative to the
// collection and stay inside it unless the user consented; a request file that claims consent
// (`allowExternalFiles: true`, as older versions wrote) grants nothing.
let target: TargetServer;
let root = '';
let outside = '';
const events: RunProgress[] = [];
let service: CollectionService;
let ctx: AppContext;
let runs: ReturnType<typeof createRunHandlers>;
let store: FileConsentStore;

beforeAll(async () => {
  target = await startTarget();
  outside = await mkdtemp(join(tmpdir(), 'salvo-outside-'));
  await writeFile(join(outside, 'id_rsa'), 'PRIVATE');
  const upload = (name: string, path: string) => ({
    path: `${name}.yaml`,
    request: { name, method: 'POST', url: `${target.url}/echo/${name}`, body: { mode: 'binary' as const, path }, options: RequestOptionsSchema.parse({}) },
  });
  root = await writeCollection('Files', [upload('inside', 'files/a.bin'), upload('outside', join(outside, 'id_rsa')), upload('linked', 'files/link.bin'), upload('claims-consent', join(outside, 'id_rsa'))]);
  // The hostile line an old or shared request file may carry.
  const claims = join(root, 'claims-consent.yaml');
  await writeFile(claims, (await readFile(claims, 'utf8')).replace(/\n$/, '\noptions:\n  allowExternalFiles: true\n'));
  await mkdir(join(root, 'files'));
  await writeFile(join(root, 'files', 'a.bin'), 'A');
  await symlink(join(outside, 'id_rsa'), join(root, 'files', 'link.bin'));
  const emit = <E extends keyof EventMap>(channel: E, payload: EventMap[E]): void => {
    if (channel === 'run:progress') events.push(payload as RunProgress);
  };
  const userData = await mkdtemp(join(tmpdir(), 'salvo-userdata-'));
  const secrets = createEnvSecretStore({});
  store = await FileConsentStore.open(userData);
  service = new CollectionService({ emit, secrets, userDataDir: userData, watch: false, consent: appConsent(store, new RefusedFiles()) });
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

async function runAll(collectionId: string, onlyFailedOf?: string): Promise<{ runId: string; byName: Map<string, RunProgress['results'][number]> }> {
  const { runId } = await runs.handlers['run:start']({ collectionId, config: RunConfigSchema.parse({ stages: [{ name: 'all', targets: [], concurrency: 2 }] }), ...(onlyFailedOf === undefined ? {} : { onlyFailedOf }) });
  await until(() => events.some((e) => e.runId === runId && e.state !== 'running'), 10_000);
  const results = events.filter((e) => e.runId === runId).flatMap((e) => e.results);
  return { runId, byName: new Map(results.map((r) => [r.name, r])) };
}

it('sends files inside the collection; refuses outside ones, links that lead outside and a request file claiming consent, unsent, naming the file', async () => {
  const collectionId = await service.access().openRoot(root);
  const { byName } = await runAll(collectionId);
  expect(byName.get('inside')?.status).toBe(200);
  for (const name of ['outside', 'linked', 'claims-consent']) {
    expect(byName.get(name)?.errorKind).toBe('invalid-input');
    expect(byName.get(name)?.errorMessage).toMatch(/outside the collection/);
    expect(byName.get(name)?.errorMessage).toContain(join(outside, 'id_rsa'));
  }
  const arrived = target.arrivals.map((a) => a.path);
  expect(arrived.some((p) => p.includes('/echo/inside'))).toBe(true);
  expect(arrived.some((p) => p.includes('/echo/outside') || p.includes('/echo/linked') || p.includes('/echo/claims-consent'))).toBe(false);
});

it("after the user's consent for that file, re-running the failed requests sends them", async () => {
  const collectionId = await service.access().openRoot(root);
  const first = await runAll(collectionId);
  expect(first.byName.get('outside')?.passed).toBe(false);
  await store.grant(service.access().filesOf(collectionId).scope(), [join(outside, 'id_rsa')]);
  const again = await runAll(collectionId, first.runId);
  expect([...again.byName.keys()].sort()).toEqual(['claims-consent', 'linked', 'outside']);
  for (const r of again.byName.values()) expect(r.status).toBe(200);
});

import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import type { TLSSocket } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../electron/handlers/bootstrap';
import type { NativeBridge } from '../../electron/handlers/context';
import { CONSENT_FILE } from '../../electron/consent/file-consent-store';
import type { EventMap, InvokeArg, InvokeChannel, InvokeOutput } from '../../shared/ipc/contract';
import type { RunProgress } from '../../shared/model/run';
import { RunConfigSchema } from '../../shared/model/run';
import { RequestSpecSchema } from '../../shared/model/request';
import { createTestCa, createTestCert } from '../servers/certs';
import { echoHandler, startHttpServer, startHttpsServer } from '../servers/http-server';
import type { SeenRequest, TestServer } from '../servers/http-server';
import { invokeDirect, startTestApp } from '../support/test-app';

// A shared collection that claims consent for itself, in a request file and in a certificate
// entry (what older versions wrote), against real servers: nothing outside its folder may be read
// until the user allows exactly those files, through the handler, and the grant lives in userData.

const COLLECTION_ID = 'hostile-col-0001';

let work = '';
let userData = '';
let root = '';
let outside = '';
let plain: TestServer;
let tlsServer: TestServer;
const seen: SeenRequest[] = [];
const tlsSeen: string[] = [];
const progress: RunProgress[] = [];
let app: App;
const picks: string[] = [];

const native: NativeBridge = {
  openFolder: () => Promise.resolve({ canceled: true }),
  // Stands in for the native dialog main owns: what the user chose in it.
  openFile: () => Promise.resolve(picks.length > 0 ? { canceled: false, path: picks.shift() ?? '' } : { canceled: true }),
  saveFile: () => Promise.resolve({ canceled: true }),
  openExternal: () => Promise.resolve(),
};

const call = <C extends InvokeChannel>(channel: C, arg: InvokeArg<C>): Promise<InvokeOutput<C>> => invokeDirect(app, channel, arg);

function start(): Promise<App> {
  return startTestApp(userData, {
    native,
    emit: <E extends keyof EventMap>(channel: E, payload: EventMap[E]) => {
      if (channel === 'run:progress') progress.push(payload as RunProgress);
    },
  });
}

async function folderSnapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) out.set(join(e.parentPath, e.name), await readFile(join(e.parentPath, e.name), 'utf8'));
  return out;
}

/** Sends a saved request as the window does: its saved spec, by path. */
async function sendSaved(collectionId: string, path: string): Promise<InvokeOutput<'http:send'>> {
  const { request } = await call('request:read', { collectionId, path });
  const { name: _n, ...spec } = request;
  return call('http:send', { id: `send-${Math.random()}`, spec, context: { collectionId, requestPath: path } });
}

async function rejection(p: Promise<unknown>): Promise<{ kind: string; detail: Record<string, unknown> }> {
  return p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (err: unknown) => (err as { info: { kind: string; detail: Record<string, unknown> } }).info,
  );
}

async function runAll(collectionId: string, onlyFailedOf?: string): Promise<{ runId: string; results: RunProgress['results'] }> {
  const { runId } = await call('run:start', { collectionId, config: RunConfigSchema.parse({ stages: [{ name: 'all', targets: [], concurrency: 2 }] }), ...(onlyFailedOf === undefined ? {} : { onlyFailedOf }) });
  for (let i = 0; i < 400 && !progress.some((p) => p.runId === runId && p.state !== 'running'); i++) await new Promise((r) => setTimeout(r, 25));
  return { runId, results: progress.filter((p) => p.runId === runId).flatMap((p) => p.results) };
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'salvo-consent-'));
  userData = join(work, 'user');
  root = join(work, 'shared-collection');
  outside = join(work, 'home');
  await mkdir(root);
  await mkdir(outside);
  await writeFile(join(outside, 'id_rsa'), 'PRIVATE-KEY-BYTES');
  await writeFile(join(outside, 'unrelated.txt'), 'NOT REFERENCED');
  const ca = await createTestCa();
  const client = await createTestCert({ ca, cn: 'users-own-identity' });
  await writeFile(join(outside, 'client.pem'), client.cert);
  await writeFile(join(outside, 'client-key.pem'), client.key);
  plain = await startHttpServer(echoHandler(seen));
  tlsServer = await startHttpsServer(
    (req, res) => {
      const cn = String((req.socket as TLSSocket).getPeerCertificate().subject?.CN ?? 'none');
      tlsSeen.push(cn);
      res.end(cn);
    },
    await createTestCert({ ca }),
    { requestClientCert: ca.cert },
  );
  await writeFile(join(root, 'ca.pem'), ca.cert);
  const host = `127.0.0.1:${new URL(tlsServer.url).port}`;
  // Hand-written, as a hostile or old collection would ship them.
  await writeFile(
    join(root, 'salvo.yaml'),
    `name: Shared\nformatVersion: 1\nid: ${COLLECTION_ID}\ncertificates:\n  - host: "${host}"\n    caFile: ca.pem\n    certFile: ${join(outside, 'client.pem')}\n    keyFile: ${join(outside, 'client-key.pem')}\n    allowExternalFiles: true\norder:\n  - steal.yaml\n  - who.yaml\n`,
  );
  await writeFile(join(root, 'steal.yaml'), `name: Steal\nmethod: POST\nurl: ${plain.url}/collect\nbody:\n  mode: binary\n  path: ${join(outside, 'id_rsa')}\noptions:\n  allowExternalFiles: true\n`);
  await writeFile(join(root, 'who.yaml'), `name: Who\nmethod: GET\nurl: ${tlsServer.url}/who\n`);
  app = await start();
});

afterAll(async () => {
  await app.close();
  await plain.close();
  await tlsServer.close();
  await rm(work, { recursive: true, force: true });
});

describe('consent for files outside a collection', () => {
  it('a collection claiming consent in its request file and certificate entry reads nothing outside its folder (send and run)', async () => {
    const { id } = await call('collection:open', { root });
    const body = await rejection(sendSaved(id, 'steal.yaml'));
    expect(body).toMatchObject({ kind: 'invalid-input', detail: { reason: 'external-file', paths: [join(outside, 'id_rsa')] } });
    const tls = await rejection(sendSaved(id, 'who.yaml'));
    expect(tls).toMatchObject({ kind: 'invalid-input', detail: { reason: 'external-file', paths: [join(outside, 'client.pem'), join(outside, 'client-key.pem')] } });
    const { results } = await runAll(id);
    expect(results.map((r) => [r.name, r.errorKind])).toEqual(expect.arrayContaining([['Steal', 'invalid-input'], ['Who', 'invalid-input']]));
    expect(results.find((r) => r.name === 'Steal')?.errorMessage).toContain(join(outside, 'id_rsa'));
    expect(results.find((r) => r.name === 'Who')?.errorMessage).toContain(join(outside, 'client-key.pem'));
    expect(seen).toHaveLength(0);
    expect(tlsSeen).toHaveLength(0);
    // The app lists what was refused, so the user can allow it; nothing is granted.
    expect(await call('files:listExternal', { collectionId: id })).toEqual({ granted: [], refused: [join(outside, 'client-key.pem'), join(outside, 'client.pem'), join(outside, 'id_rsa')] });
  });

  it('refuses a grant for a file no saved request or certificate entry of the collection references', async () => {
    const { id } = await call('collection:open', { root });
    const refused = await rejection(call('files:grantExternal', { collectionId: id, paths: [join(outside, 'unrelated.txt')] }));
    expect(refused).toMatchObject({ kind: 'invalid-input', detail: { reason: 'not-referenced' } });
    // All or nothing: a referenced file next to an unreferenced one is not granted either.
    await rejection(call('files:grantExternal', { collectionId: id, paths: [join(outside, 'id_rsa'), '/etc/passwd'] }));
    expect((await call('files:listExternal', { collectionId: id })).granted).toEqual([]);
  });

  it('a grant through the handler allows exactly those files, is kept in userData (not in the collection) and survives a restart', async () => {
    let { id } = await call('collection:open', { root });
    const before = await folderSnapshot(root);
    const view = await call('files:grantExternal', { collectionId: id, paths: [join(outside, 'id_rsa'), join(outside, 'client.pem'), join(outside, 'client-key.pem')] });
    expect(view).toEqual({ granted: [join(outside, 'client-key.pem'), join(outside, 'client.pem'), join(outside, 'id_rsa')], refused: [] });
    const sent = await sendSaved(id, 'steal.yaml');
    expect(sent.status).toBe(200);
    expect(seen.at(-1)?.body.toString()).toBe('PRIVATE-KEY-BYTES');
    expect((await sendSaved(id, 'who.yaml')).preview).toBe('users-own-identity');
    expect(await folderSnapshot(root)).toEqual(before);
    const stored = JSON.parse(await readFile(join(userData, CONSENT_FILE), 'utf8')) as { grants: Record<string, string[]> };
    expect(stored.grants[`id:${COLLECTION_ID}`]).toEqual([join(outside, 'client-key.pem'), join(outside, 'client.pem'), join(outside, 'id_rsa')]);

    await app.close();
    app = await start();
    ({ id } = await call('collection:open', { root }));
    expect((await sendSaved(id, 'steal.yaml')).status).toBe(200);
    const { results } = await runAll(id);
    expect(results.map((r) => r.passed)).toEqual([true, true]);

    // Withdrawn: refused again, at once.
    await call('files:revokeExternal', { collectionId: id, paths: [join(outside, 'id_rsa')] });
    await rejection(sendSaved(id, 'steal.yaml'));
  });

  it('an old file with the field still opens; saving it writes no consent and grants nothing', async () => {
    const { id } = await call('collection:open', { root });
    const { request, version } = await call('request:read', { collectionId: id, path: 'steal.yaml' });
    expect('allowExternalFiles' in request.options).toBe(false);
    await call('request:save', { collectionId: id, path: 'steal.yaml', request: { ...request, url: `${plain.url}/collect?v=2` }, baseVersion: version, force: false });
    expect(await readFile(join(root, 'steal.yaml'), 'utf8')).not.toContain('allowExternalFiles');
    const certs = await call('collection:readCertificates', { collectionId: id });
    await call('collection:saveCertificates', { collectionId: id, certificates: certs.map(({ hasPassphrase: _h, ...entry }) => entry) });
    expect(await readFile(join(root, 'salvo.yaml'), 'utf8')).not.toContain('allowExternalFiles');
    expect((await call('files:listExternal', { collectionId: id })).granted).not.toContain(join(outside, 'id_rsa'));
    await rejection(sendSaved(id, 'steal.yaml'));
  });

  it('outside collections a file needs consent too: granted only after a send refused it, or when picked', async () => {
    const spec = RequestSpecSchema.parse({ method: 'POST', url: `${plain.url}/scratch`, body: { mode: 'binary', path: join(outside, 'id_rsa') } });
    const count = seen.length;
    await rejection(call('files:grantExternal', { paths: [join(outside, 'id_rsa')] }));
    const refused = await rejection(call('http:send', { id: 'scratch-1', spec, context: {} }));
    expect(refused.detail).toMatchObject({ reason: 'external-file', paths: [join(outside, 'id_rsa')] });
    expect(seen.length).toBe(count);
    await call('files:grantExternal', { paths: [join(outside, 'id_rsa')] });
    expect((await call('http:send', { id: 'scratch-2', spec, context: {} })).status).toBe(200);
    // A collection's consent and the outside one are separate.
    const { id } = await call('collection:open', { root });
    await rejection(sendSaved(id, 'steal.yaml'));

    // The native picker is consent for the file chosen in it, for the scope it was opened for.
    picks.push(join(outside, 'unrelated.txt'));
    expect(await call('files:pick', { collectionId: id, title: 'Choose' })).toEqual({ canceled: false, path: join(outside, 'unrelated.txt') });
    expect((await call('files:listExternal', { collectionId: id })).granted).toContain(join(outside, 'unrelated.txt'));
    expect((await call('files:listExternal', {})).granted).not.toContain(join(outside, 'unrelated.txt'));
  });
});

import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import type { TLSSocket } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCmd } from '../../electron/cli/run';
import type { App } from '../../electron/handlers/bootstrap';
import type { EventMap, InvokeArg, InvokeChannel, InvokeOutput } from '../../shared/ipc/contract';
import type { RunProgress } from '../../shared/model/run';
import { RunConfigSchema } from '../../shared/model/run';
import { RequestSpecSchema } from '../../shared/model/request';
import { bufferIo } from '../cli/buffer-io';
import { createTestCa, createTestCert } from '../servers/certs';
import { startHttpsServer } from '../servers/http-server';
import type { TestServer } from '../servers/http-server';
import { invokeDirect, startTestApp } from '../support/test-app';

// A request's own TLS options (CA, client certificate, key, PFX) name files Salvo reads, so they
// follow the body-file rule: relative to the collection folder, outside it only with the user's
// consent. A hostile shared request must not make Salvo load ~/.ssh/id_rsa as a client key.

let work = '';
let userData = '';
let root = '';
let outside = '';
let server: TestServer;
/** Common names of the client certificates the server saw (a handshake that got through). */
const seen: string[] = [];
const progress: RunProgress[] = [];
let app: App;

const call = <C extends InvokeChannel>(channel: C, arg: InvokeArg<C>): Promise<InvokeOutput<C>> => invokeDirect(app, channel, arg);

function start(): Promise<App> {
  return startTestApp(userData, {
    emit: <E extends keyof EventMap>(channel: E, payload: EventMap[E]) => {
      if (channel === 'run:progress') progress.push(payload as RunProgress);
    },
  });
}

async function sendSaved(collectionId: string, path: string): Promise<InvokeOutput<'http:send'>> {
  const { request } = await call('request:read', { collectionId, path });
  const { name: _n, ...spec } = request;
  return call('http:send', { id: `send-${Math.random()}`, spec, context: { collectionId, requestPath: path } });
}

async function rejection(p: Promise<unknown>): Promise<{ kind: string; message: string; detail: Record<string, unknown> }> {
  return p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (err: unknown) => (err as { info: { kind: string; message: string; detail: Record<string, unknown> } }).info,
  );
}

async function runOne(collectionId: string, target: string): Promise<RunProgress['results']> {
  const { runId } = await call('run:start', { collectionId, config: RunConfigSchema.parse({ stages: [{ name: 'one', targets: [target], concurrency: 1 }] }) });
  for (let i = 0; i < 400 && !progress.some((p) => p.runId === runId && p.state !== 'running'); i++) await new Promise((r) => setTimeout(r, 25));
  return progress.filter((p) => p.runId === runId).flatMap((p) => p.results);
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'salvo-request-tls-'));
  userData = join(work, 'user');
  root = join(work, 'shared-collection');
  outside = join(work, 'home');
  await mkdir(join(root, 'certs'), { recursive: true });
  await mkdir(outside);
  const ca = await createTestCa();
  const inside = await createTestCert({ ca, cn: 'collection-identity' });
  const own = await createTestCert({ ca, cn: 'users-own-identity' });
  server = await startHttpsServer(
    (req, res) => {
      const cn = String((req.socket as TLSSocket).getPeerCertificate().subject?.CN ?? 'none');
      seen.push(cn);
      res.end(cn);
    },
    await createTestCert({ ca }),
    { requestClientCert: ca.cert },
  );
  await writeFile(join(root, 'certs', 'ca.pem'), ca.cert);
  await writeFile(join(root, 'certs', 'client.pem'), inside.cert);
  await writeFile(join(root, 'certs', 'client-key.pem'), inside.key);
  await writeFile(join(outside, 'client.pem'), own.cert);
  await writeFile(join(outside, 'client-key.pem'), own.key);
  await writeFile(join(outside, 'identity.p12'), 'NOT-READ-WITHOUT-CONSENT');
  await writeFile(join(outside, 'unrelated.pem'), 'NOT REFERENCED');
  // A link inside the folder that leads out of it is outside.
  await symlink(join(outside, 'client.pem'), join(root, 'certs', 'linked.pem'));
  await symlink(join(outside, 'client-key.pem'), join(root, 'certs', 'linked-key.pem'));
  const url = `${server.url}/who`;
  // Hand-written, as a shared collection would ship them; relative paths are the collection's.
  await writeFile(join(root, 'salvo.yaml'), 'name: Shared\nformatVersion: 1\nid: tls-files-col-01\norder:\n  - inside.yaml\n  - own.yaml\n  - linked.yaml\n  - pfx.yaml\n');
  await writeFile(join(root, 'inside.yaml'), `name: Inside\nmethod: GET\nurl: ${url}\noptions:\n  caFile: certs/ca.pem\n  clientCertFile: certs/client.pem\n  clientKeyFile: certs/client-key.pem\n`);
  await writeFile(
    join(root, 'own.yaml'),
    `name: Own\nmethod: GET\nurl: ${url}\noptions:\n  caFile: certs/ca.pem\n  clientCertFile: ${join(outside, 'client.pem')}\n  clientKeyFile: ${join(outside, 'client-key.pem')}\n  allowExternalFiles: true\n`,
  );
  await writeFile(join(root, 'linked.yaml'), `name: Linked\nmethod: GET\nurl: ${url}\noptions:\n  caFile: certs/ca.pem\n  clientCertFile: certs/linked.pem\n  clientKeyFile: certs/linked-key.pem\n`);
  await writeFile(join(root, 'pfx.yaml'), `name: Pfx\nmethod: GET\nurl: ${url}\noptions:\n  caFile: certs/ca.pem\n  clientPfxFile: ${join(outside, 'identity.p12')}\n`);
  app = await start();
});

afterAll(async () => {
  await app.close();
  await server.close();
  await rm(work, { recursive: true, force: true });
});

describe("a request's own TLS files", () => {
  it('inside the collection they are read relative to its folder, without asking', async () => {
    const { id } = await call('collection:open', { root });
    const view = await sendSaved(id, 'inside.yaml');
    expect(view.error).toBeUndefined();
    expect(view.preview).toBe('collection-identity');
  });

  it('outside it (a link leading out included) nothing is read or sent until the user allows exactly those files', async () => {
    const { id } = await call('collection:open', { root });
    const count = seen.length;
    const own = await rejection(sendSaved(id, 'own.yaml'));
    // The CA inside the folder needs nothing; the two outside files are named, in one error.
    expect(own).toMatchObject({ kind: 'invalid-input', detail: { reason: 'external-file', paths: [join(outside, 'client.pem'), join(outside, 'client-key.pem')] } });
    expect(own.message).toContain("request's TLS files");
    const linked = await rejection(sendSaved(id, 'linked.yaml'));
    expect(linked.detail).toMatchObject({ reason: 'external-file', paths: [join(outside, 'client.pem'), join(outside, 'client-key.pem')] });
    const pfx = await rejection(sendSaved(id, 'pfx.yaml'));
    expect(pfx.detail).toMatchObject({ reason: 'external-file', paths: [join(outside, 'identity.p12')] });
    const results = await runOne(id, 'own.yaml');
    expect(results.map((r) => [r.name, r.errorKind])).toEqual([['Own', 'invalid-input']]);
    expect(results[0]?.errorMessage).toContain(join(outside, 'client-key.pem'));
    expect(seen.length).toBe(count);
    expect((await call('files:listExternal', { collectionId: id })).refused).toEqual([join(outside, 'client-key.pem'), join(outside, 'client.pem'), join(outside, 'identity.p12')]);
  });

  it('a grant must name files a saved request references; then send and run read them, and revoking refuses again', async () => {
    const { id } = await call('collection:open', { root });
    const unrelated = await rejection(call('files:grantExternal', { collectionId: id, paths: [join(outside, 'client.pem'), join(outside, 'unrelated.pem')] }));
    expect(unrelated).toMatchObject({ kind: 'invalid-input', detail: { reason: 'not-referenced', paths: [join(outside, 'unrelated.pem')] } });
    // An unsaved edit naming another file is not a reference either.
    const { request } = await call('request:read', { collectionId: id, path: 'own.yaml' });
    const { name: _n, ...spec } = request;
    await rejection(call('http:send', { id: 'unsaved', spec: { ...spec, options: { ...spec.options, clientKeyFile: join(outside, 'unrelated.pem') } }, context: { collectionId: id, requestPath: 'own.yaml' } }));
    await rejection(call('files:grantExternal', { collectionId: id, paths: [join(outside, 'unrelated.pem')] }));

    const view = await call('files:grantExternal', { collectionId: id, paths: [join(outside, 'client.pem'), join(outside, 'client-key.pem')] });
    expect(view.granted).toEqual([join(outside, 'client-key.pem'), join(outside, 'client.pem')]);
    expect((await sendSaved(id, 'own.yaml')).preview).toBe('users-own-identity');
    // The links lead to the granted files: the linked request is allowed as well.
    expect((await sendSaved(id, 'linked.yaml')).preview).toBe('users-own-identity');
    const results = await runOne(id, 'own.yaml');
    expect(results.map((r) => [r.name, r.passed])).toEqual([['Own', true]]);

    await app.close();
    app = await start();
    const reopened = (await call('collection:open', { root })).id;
    expect((await sendSaved(reopened, 'own.yaml')).preview).toBe('users-own-identity');
    await call('files:revokeExternal', { collectionId: reopened, paths: [join(outside, 'client-key.pem')] });
    expect((await rejection(sendSaved(reopened, 'own.yaml'))).detail).toMatchObject({ reason: 'external-file', paths: [join(outside, 'client-key.pem')] });
  });

  it('outside collections every TLS file needs consent, granted only after a send refused it', async () => {
    const spec = RequestSpecSchema.parse({
      method: 'GET',
      url: `${server.url}/scratch`,
      options: { caFile: join(root, 'certs', 'ca.pem'), clientCertFile: join(outside, 'client.pem'), clientKeyFile: join(outside, 'client-key.pem') },
    });
    const wanted = [join(root, 'certs', 'ca.pem'), join(outside, 'client.pem'), join(outside, 'client-key.pem')];
    await rejection(call('files:grantExternal', { paths: wanted }));
    const count = seen.length;
    const refused = await rejection(call('http:send', { id: 'scratch-1', spec, context: {} }));
    expect(refused.detail).toMatchObject({ reason: 'external-file', paths: wanted });
    expect(seen.length).toBe(count);
    await call('files:grantExternal', { paths: wanted });
    expect((await call('http:send', { id: 'scratch-2', spec, context: {} })).preview).toBe('users-own-identity');
  });

  it('salvo run reads them only with --allow-external-files, for that invocation', async () => {
    const io = bufferIo({ cwd: work });
    expect(await runCmd([root, '--request', 'own.yaml'], io)).toBe(1);
    expect(io.out()).toContain(join(outside, 'client-key.pem'));
    expect(io.out()).toContain('--allow-external-files');
    const count = seen.length;
    const allowed = bufferIo({ cwd: work });
    expect(await runCmd([root, '--request', 'own.yaml', '--request', 'inside.yaml', '--allow-external-files'], allowed)).toBe(0);
    expect(seen.slice(count).sort()).toEqual(['collection-identity', 'users-own-identity']);
    expect(await runCmd([root, '--request', 'own.yaml'], bufferIo({ cwd: work }))).toBe(1);
  });
});

import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ID_REGISTRY_FILE } from '../../electron/collections/id-registry';
import type { InvokeArg, InvokeChannel, InvokeOutput } from '../../shared/ipc/contract';
import { echoHandler, startHttpServer } from '../servers/http-server';
import type { SeenRequest, TestServer } from '../servers/http-server';
import { RestartableApp } from '../support/test-app';

// A collection id is plain text anyone can copy (a public repository's is public). A folder that
// claims the id of a collection the user has, while that collection is still where the app saw it,
// must get none of its secret values, file consent or cookies; a moved collection keeps them.

const PUBLIC_ID = 'public-repo-id-0001';
const SECRET = 'oRiGiNaL-SeCrEt-4k2j';
const COOKIE = 'OrIgInAlSeSsIoN9';

let work = '';
let userData = '';
let outside = '';
let server: TestServer;
const seen: SeenRequest[] = [];
let app: RestartableApp;

const call = <C extends InvokeChannel>(channel: C, arg: InvokeArg<C>): Promise<InvokeOutput<C>> => app.call(channel, arg);
// Closing flushes what the app keeps (jars, registries) to disk, as quitting does.
const restart = (): Promise<void> => app.restart();

/** A collection with the public id, a secret variable and a request that posts a file outside its folder. */
async function makeCollection(root: string): Promise<void> {
  await mkdir(join(root, 'environments'), { recursive: true });
  await writeFile(join(root, 'salvo.yaml'), `name: Public API\nformatVersion: 1\nid: ${PUBLIC_ID}\n`);
  await writeFile(join(root, 'environments', 'local.yaml'), 'name: local\nvariables:\n  - name: token\n    value: ""\n    secret: true\n');
  await writeFile(join(root, 'upload.yaml'), `name: Upload\nmethod: POST\nurl: ${server.url}/upload\nbody:\n  mode: binary\n  path: ${join(outside, 'id_rsa')}\n`);
}

async function token(collectionId: string): Promise<string | undefined> {
  const env = await call('env:read', { collectionId, name: 'local', reveal: true });
  return env.variables.find((v) => v.name === 'token')?.value;
}

async function setToken(collectionId: string, value: string): Promise<void> {
  const env = await call('env:read', { collectionId, name: 'local', reveal: false });
  await call('env:save', { collectionId, environment: { ...env, variables: env.variables.map((v) => (v.name === 'token' ? { ...v, value } : v)) } });
}

/** Sends the saved upload request as the window does; the error kind and reason when refused. */
async function upload(collectionId: string): Promise<string> {
  const { request } = await call('request:read', { collectionId, path: 'upload.yaml' });
  const { name: _n, ...spec } = request;
  return call('http:send', { id: `u-${Math.random()}`, spec, context: { collectionId, requestPath: 'upload.yaml' } }).then(
    (view) => (view.error === undefined ? 'sent' : view.error.kind),
    (err: unknown) => String((err as { info?: { detail?: { reason?: string } } }).info?.detail?.reason),
  );
}

async function cookieValues(collectionId: string): Promise<string[]> {
  return (await call('cookies:list', { collectionId })).map((c) => c.value);
}

/** Gives the collection at `root` a secret, consent for its outside file and a cookie. */
async function furnish(root: string): Promise<string> {
  const { id } = await call('collection:open', { root });
  await setToken(id, SECRET);
  await call('files:grantExternal', { collectionId: id, paths: [join(outside, 'id_rsa')] });
  await call('cookies:set', { collectionId: id, cookie: { name: 'sid', value: COOKIE, domain: '127.0.0.1', path: '/', secure: false, httpOnly: false, hostOnly: true } });
  expect(await upload(id)).toBe('sent');
  return id;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'salvo-copied-id-'));
  userData = join(work, 'user');
  outside = join(work, 'home');
  await mkdir(outside);
  await writeFile(join(outside, 'id_rsa'), 'PRIVATE-KEY-BYTES');
  server = await startHttpServer(echoHandler(seen));
  app = new RestartableApp(userData);
  await app.start();
});

afterAll(async () => {
  await app.close();
  await server.close();
  await rm(work, { recursive: true, force: true });
});

describe('a copied collection id does not inherit the original collection', () => {
  it('a copy next to the original gets no secret, consent or cookie of it; the original keeps them', async () => {
    const original = join(work, 'original');
    await makeCollection(original);
    const originalId = await furnish(original);
    await restart();

    // A hostile download that copied the id (here: the whole folder, as a clone would).
    const copy = join(work, 'downloads', 'hostile');
    await cp(original, copy, { recursive: true });
    const yamlBefore = await readFile(join(copy, 'salvo.yaml'), 'utf8');
    const sentBefore = seen.length;
    const { id: copyId } = await call('collection:open', { root: copy });
    expect(await token(copyId)).toBe('');
    expect(await upload(copyId)).toBe('external-file');
    expect(await cookieValues(copyId)).toEqual([]);
    expect(seen.length).toBe(sentBefore);
    // The copy's own secret stays its own (under its folder), and its salvo.yaml is never rewritten for this.
    await setToken(copyId, 'copy-only-value');
    expect(await token(copyId)).toBe('copy-only-value');
    expect(await readFile(join(copy, 'salvo.yaml'), 'utf8')).toBe(yamlBefore);

    const { id: againId } = await call('collection:open', { root: original });
    expect(againId).not.toBe(copyId);
    expect(await token(againId)).toBe(SECRET);
    expect(await upload(againId)).toBe('sent');
    expect(await cookieValues(againId)).toEqual([COOKIE]);
    expect(originalId).toBeTypeOf('string');

    // Still a copy after a restart, opened first this time.
    await restart();
    const { id: copyAgain } = await call('collection:open', { root: copy });
    expect(await token(copyAgain)).toBe('copy-only-value');
    expect(await upload(copyAgain)).toBe('external-file');
    const registry = JSON.parse(await readFile(join(userData, ID_REGISTRY_FILE), 'utf8')) as { roots: Record<string, string> };
    expect(registry.roots[PUBLIC_ID]).toBe(original);
  });

  it('a copy opened after the original is deleted is the collection moved: everything follows', async () => {
    await restart();
    const copy = join(work, 'downloads', 'hostile');
    const original = join(work, 'original');
    await rm(original, { recursive: true });
    const { id } = await call('collection:open', { root: copy });
    expect(await token(id)).toBe(SECRET);
    expect(await upload(id)).toBe('sent');
    expect(await cookieValues(id)).toEqual([COOKIE]);
    const registry = JSON.parse(await readFile(join(userData, ID_REGISTRY_FILE), 'utf8')) as { roots: Record<string, string> };
    expect(registry.roots[PUBLIC_ID]).toBe(copy);
  });

  it('an original whose salvo.yaml no longer has the id lets another folder take it (a move)', async () => {
    await restart();
    const first = join(work, 'first');
    await makeCollection(first);
    await writeFile(join(first, 'salvo.yaml'), `name: First\nformatVersion: 1\nid: other-id-0002\n`);
    await call('collection:open', { root: first });
    const second = join(work, 'second');
    await makeCollection(second);
    await writeFile(join(second, 'salvo.yaml'), `name: Second\nformatVersion: 1\nid: other-id-0002\n`);
    const { id: refused } = await call('collection:open', { root: second });
    await setToken(refused, 'by-path');
    await restart();
    // The first folder gets another id: the second one may now take over the first id.
    await writeFile(join(first, 'salvo.yaml'), `name: First\nformatVersion: 1\nid: renamed-id-0003\n`);
    const { id } = await call('collection:open', { root: second });
    expect(await token(id)).toBe('by-path');
    const registry = JSON.parse(await readFile(join(userData, ID_REGISTRY_FILE), 'utf8')) as { roots: Record<string, string> };
    expect(registry.roots['other-id-0002']).toBe(second);
  });
});

import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvokeArg, InvokeChannel, InvokeOutput } from '../../shared/ipc/contract';
import { RequestSpecSchema } from '../../shared/model/request';
import { setUrl, startCookieServer } from './cookie-server';
import type { CookieServer } from './cookie-server';
import { RestartableApp } from '../support/test-app';

// A collection's cookie jar belongs to its stable id, so moving (or renaming) its folder keeps the
// session; a jar an earlier version kept under the folder path moves to the id, still encrypted.

const VALUE = 'MoVeDsEsSiOn7f3q';

let work = '';
let userData = '';
let server: CookieServer;
let app: RestartableApp;

const call = <C extends InvokeChannel>(channel: C, arg: InvokeArg<C>): Promise<InvokeOutput<C>> => app.call(channel, arg);
// Closing flushes what the app keeps (jars, registries) to disk, as quitting does.
const restart = (): Promise<void> => app.restart();

async function send(collectionId: string, url: string): Promise<void> {
  const view = await call('http:send', { id: `c-${Math.random()}`, spec: RequestSpecSchema.parse({ method: 'GET', url }), context: { collectionId } });
  expect(view.error).toBeUndefined();
}

async function jarFilesHold(text: string): Promise<boolean> {
  const dir = join(userData, 'cookies');
  for (const f of await readdir(dir)) if ((await readFile(join(dir, f), 'utf8')).includes(text)) return true;
  return false;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'salvo-jar-move-'));
  userData = join(work, 'user');
  server = await startCookieServer();
  app = new RestartableApp(userData);
  await app.start();
});

afterAll(async () => {
  await app.close();
  await server.close();
  await rm(work, { recursive: true, force: true });
});

describe('a collection cookie jar follows the collection id', () => {
  it('move the folder, reopen: the cookies are still there and sent', async () => {
    const root = join(work, 'api');
    let { id } = await call('collection:create', { root, name: 'api' });
    await send(id, setUrl(server.url, '/login', `sid=${VALUE}; Path=/`));
    expect((await call('cookies:list', { collectionId: id })).map((c) => c.value)).toEqual([VALUE]);
    await restart();

    const moved = join(work, 'elsewhere', 'api-renamed');
    await mkdir(join(work, 'elsewhere'));
    await rename(root, moved);
    ({ id } = await call('collection:open', { root: moved }));
    expect((await call('cookies:list', { collectionId: id })).map((c) => c.value)).toEqual([VALUE]);
    await send(id, `${server.url}/me`);
    expect(server.lastCookie('/me')).toBe(`sid=${VALUE}`);
    expect(await jarFilesHold(VALUE)).toBe(false);
  });

  it('an old collection (no id yet): its path-keyed jar moves under the id it gets, and then survives a move', async () => {
    const root = join(work, 'legacy');
    await mkdir(root);
    // As an earlier version left it: no id in salvo.yaml, so the jar is kept under the folder path.
    await writeFile(join(root, 'salvo.yaml'), 'name: Legacy\nformatVersion: 1\n');
    let { id } = await call('collection:open', { root });
    await send(id, setUrl(server.url, '/login', 'legacy=1; Path=/'));
    await restart();
    ({ id } = await call('collection:open', { root }));
    await send(id, setUrl(server.url, '/login', 'unsaved=2; Path=/'));
    // The first real change of salvo.yaml gives it an id (one added line); the jar in use follows
    // it, unsaved changes included, even with no cookie use before the app quits.
    const tree = await call('collection:saveSettings', { collectionId: id, settings: { ...(await call('collection:tree', { collectionId: id })).settings, name: 'Legacy API' } });
    expect(tree.settings.id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    await restart();

    const moved = join(work, 'legacy-moved');
    await rename(root, moved);
    ({ id } = await call('collection:open', { root: moved }));
    expect((await call('cookies:list', { collectionId: id })).map((c) => c.name).sort()).toEqual(['legacy', 'unsaved']);
    expect(await jarFilesHold('unsaved')).toBe(false);
  });
});

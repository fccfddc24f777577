import { cp, readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCollectionHandlers } from '../../electron/handlers/collections';
import type { CollectionTree, FolderNode } from '../../shared/model/collection';
import { resolveRequest } from '../../shared/lib/variables';
import { tempDir, testContext } from './helpers';

const DEMO = join(import.meta.dirname, '../../examples/demo');

function paths(node: FolderNode): string[] {
  return node.children.flatMap((c) => (c.type === 'request' ? [c.path] : [c.path + '/', ...paths(c)]));
}

describe('collection operations', () => {
  let dir: string;
  let root: string;
  let cleanup: () => Promise<void>;
  let h: ReturnType<typeof createCollectionHandlers>;
  let id: string;
  const tree = (): Promise<CollectionTree> => h.handlers['collection:tree']({ collectionId: id });

  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    root = join(dir, 'demo');
    await cp(DEMO, root, { recursive: true });
    h = createCollectionHandlers(testContext(join(dir, 'user')).ctx);
    id = (await h.handlers['collection:open']({ root })).id;
  });
  afterEach(async () => {
    await h.close();
    await cleanup();
  });

  it('creates a collection with salvo.yaml and a .gitignore listing .env', async () => {
    const created = await h.handlers['collection:create']({ root: join(dir, 'fresh'), name: 'Fresh' });
    expect(created.name).toBe('Fresh');
    // A new collection gets its stable id (secrets are kept under it) right after the format version.
    expect(await readFile(join(dir, 'fresh', 'salvo.yaml'), 'utf8')).toMatch(/^name: Fresh\nformatVersion: 1\nid: [0-9a-f-]{36}\n$/);
    expect((await readFile(join(dir, 'fresh', '.gitignore'), 'utf8')).split('\n')).toContain('.env');
    await expect(h.handlers['collection:create']({ root: join(dir, 'fresh'), name: 'Again' })).rejects.toMatchObject({ info: { kind: 'conflict' } });
    const listed = await h.handlers['collection:list']({});
    expect(listed.map((c) => c.name).sort()).toEqual(['Demo API', 'Fresh']);
  });

  it('renames, moves, duplicates, reorders and deletes requests and folders', async () => {
    const renamed = await h.handlers['item:rename']({ collectionId: id, path: 'users/get-user.yaml', name: 'Fetch one user' });
    expect(renamed.path).toBe('users/fetch-one-user.yaml');
    expect((await readFile(join(root, renamed.path), 'utf8')).split('\n')[0]).toBe('name: Fetch one user');
    // The folder order follows the rename.
    expect(paths((await tree()).tree).filter((p) => p.startsWith('users/') && p.endsWith('.yaml'))).toEqual(['users/list-users.yaml', 'users/fetch-one-user.yaml', 'users/create-user.yaml']);

    const moved = await h.handlers['item:move']({ collectionId: id, path: renamed.path, toFolder: 'auth', index: 0 });
    expect(moved.path).toBe('auth/fetch-one-user.yaml');
    expect(paths((await tree()).tree)).toEqual(['health.yaml', 'auth/', 'auth/fetch-one-user.yaml', 'auth/login.yaml', 'users/', 'users/list-users.yaml', 'users/create-user.yaml']);

    const dup = await h.handlers['item:duplicate']({ collectionId: id, path: 'users/list-users.yaml' });
    expect(dup.path).toBe('users/list-users-copy.yaml');
    expect((await h.handlers['request:read']({ collectionId: id, path: dup.path })).request.name).toBe('List users copy');
    expect(paths((await tree()).tree).filter((p) => p.startsWith('users/') && p.endsWith('.yaml'))).toEqual(['users/list-users.yaml', 'users/list-users-copy.yaml', 'users/create-user.yaml']);

    const folderDup = await h.handlers['item:duplicate']({ collectionId: id, path: 'users' });
    expect(folderDup.path).toBe('users-copy');
    expect((await h.handlers['folder:readSettings']({ collectionId: id, path: 'users-copy' })).name).toBe('Users copy');
    expect((await readdir(join(root, 'users-copy'))).sort()).toEqual(['create-user.yaml', 'folder.yaml', 'list-users-copy.yaml', 'list-users.yaml']);

    await h.handlers['folder:reorder']({ collectionId: id, path: '', order: ['users', 'health.yaml', 'nonexistent', 'auth'] });
    expect((await tree()).tree.children.map((c) => c.path)).toEqual(['users', 'health.yaml', 'auth', 'users-copy']);

    const renamedFolder = await h.handlers['item:rename']({ collectionId: id, path: 'users-copy', name: 'People' });
    expect(renamedFolder.path).toBe('people');
    expect((await h.handlers['folder:readSettings']({ collectionId: id, path: 'people' })).name).toBe('People');

    await h.handlers['item:delete']({ collectionId: id, path: 'people' });
    await h.handlers['item:delete']({ collectionId: id, path: 'health.yaml' });
    await expect(stat(join(root, 'people'))).rejects.toThrow();
    expect((await tree()).tree.children.map((c) => c.path)).toEqual(['users', 'auth']);
    await expect(h.handlers['item:move']({ collectionId: id, path: 'users', toFolder: 'users', index: 0 })).rejects.toMatchObject({ info: { kind: 'invalid-input' } });
  });

  it('saves collection and folder settings', async () => {
    const t = await tree();
    const next = await h.handlers['collection:saveSettings']({ collectionId: id, settings: { ...t.settings, headers: [...t.settings.headers, { name: 'X-Trace', value: '1', enabled: true }] } });
    expect(next.settings.headers.map((x) => x.name)).toEqual(['Accept', 'X-Trace']);
    await h.handlers['folder:create']({ collectionId: id, parent: 'users', name: 'Admin Tools' });
    expect(await readFile(join(root, 'users', 'admin-tools', 'folder.yaml'), 'utf8')).toBe('name: Admin Tools\n');
    const s = await h.handlers['folder:readSettings']({ collectionId: id, path: 'users/admin-tools' });
    await h.handlers['folder:saveSettings']({ collectionId: id, path: 'users/admin-tools', settings: { ...s, auth: { type: 'basic', username: 'root', password: '{{rootPassword}}' } } });
    expect(await readFile(join(root, 'users', 'admin-tools', 'folder.yaml'), 'utf8')).toContain('type: basic');
  });

  it('effective() merges default headers, inherits auth up the folders and layers variables', async () => {
    await h.handlers['env:setActive']({ collectionId: id, name: 'local' });
    const eff = await h.access.effective(id, 'users/get-user.yaml', undefined);
    expect(eff.spec.headers.map((x) => `${x.name}: ${x.value}`)).toEqual(['Accept: application/json', 'X-Client: salvo-demo']);
    expect(eff.spec.auth).toEqual({ type: 'bearer', token: '{{token}}' });
    expect(eff.layers.map((l) => l.scope)).toEqual(['collection', 'environment', 'folder']);
    expect(eff.sensitiveNames).toContain('Authorization');
    const resolved = resolveRequest(eff.spec, [...eff.layers, { scope: 'runtime', values: new Map([['token', 't0k']]) }]);
    expect(resolved.unresolved).toEqual([]);
    expect(resolved.value.url).toBe('http://127.0.0.1:4010/users/1');
    // A request header replaces a default of the same name.
    const own = await h.access.effective(id, 'health.yaml', '', { ...(await h.access.readRequest(id, 'health.yaml')), headers: [{ name: 'accept', value: 'text/plain', enabled: true }] });
    expect(own.spec.headers).toEqual([{ name: 'accept', value: 'text/plain', enabled: true }]);
    expect(own.layers.map((l) => l.scope)).toEqual(['collection']);
    expect(await h.access.listRequests(id, '')).toEqual(['health.yaml', 'auth/login.yaml', 'users/list-users.yaml', 'users/get-user.yaml', 'users/create-user.yaml']);
    expect(await h.access.listRequests(id, 'users')).toHaveLength(3);
    expect(h.access.activeEnvironment(id)).toBe('local');
    expect(h.access.nameOf(id)).toBe('Demo API');
  });

  it('keeps the active environment across restarts (in userDataDir, not the collection)', async () => {
    await h.handlers['env:setActive']({ collectionId: id, name: 'local' });
    await h.close();
    h = createCollectionHandlers(testContext(join(dir, 'user')).ctx);
    const t = await h.handlers['collection:open']({ root });
    expect(t.activeEnvironment).toBe('local');
    await expect(h.handlers['env:setActive']({ collectionId: t.id, name: 'nope' })).rejects.toMatchObject({ info: { kind: 'not-found' } });
  });
});

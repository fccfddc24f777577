import { cp, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCollectionHandlers } from '../../electron/handlers/collections';
import { SavedRequestSchema } from '../../shared/model/collection';
import { tempDir, testContext } from './helpers';

const DEMO = join(import.meta.dirname, '../../examples/demo');

describe('collection format round trips', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let h: ReturnType<typeof createCollectionHandlers>;

  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    await cp(DEMO, join(dir, 'demo'), { recursive: true });
    h = createCollectionHandlers(testContext(join(dir, 'user')).ctx);
  });
  afterEach(async () => {
    await h.close();
    await cleanup();
  });

  it('opens the example collection without problems, in saved order', async () => {
    const tree = await h.handlers['collection:open']({ root: join(dir, 'demo') });
    expect(tree.problems).toEqual([]);
    expect(tree.name).toBe('Demo API');
    expect(tree.tree.children.map((c) => c.path)).toEqual(['health.yaml', 'auth', 'users']);
    const users = tree.tree.children[2];
    expect(users?.type === 'folder' && users.children.map((c) => c.name)).toEqual(['List users', 'Get user', 'Create user']);
    expect(tree.environments).toEqual(['local']);
  });

  it('save → load gives the same request, and saving it unchanged rewrites nothing (bytes and mtime)', async () => {
    const tree = await h.handlers['collection:open']({ root: join(dir, 'demo') });
    for (const path of ['health.yaml', 'auth/login.yaml', 'users/list-users.yaml', 'users/create-user.yaml']) {
      const file = join(dir, 'demo', path);
      const before = await readFile(file);
      const mtime = (await stat(file)).mtimeMs;
      const { request, version } = await h.handlers['request:read']({ collectionId: tree.id, path });
      const saved = await h.handlers['request:save']({ collectionId: tree.id, path, request, baseVersion: version, force: false });
      expect(saved.version).toBe(version);
      expect(await readFile(file)).toEqual(before);
      expect((await stat(file)).mtimeMs).toBe(mtime);
      expect((await h.handlers['request:read']({ collectionId: tree.id, path })).request).toEqual(request);
    }
  });

  it('a full request survives save → load equal', async () => {
    const tree = await h.handlers['collection:open']({ root: join(dir, 'demo') });
    const request = SavedRequestSchema.parse({
      name: 'Everything',
      method: 'PATCH',
      url: 'https://{{host}}/a?b=1',
      description: 'multi\nline description',
      params: [{ name: 'q', value: 'x y', enabled: false, description: 'search' }],
      headers: [{ name: 'X-A', value: '1' }, { name: 'X-A', value: '2' }],
      body: { mode: 'multipart', fields: [{ kind: 'text', name: 'a', value: '1' }, { kind: 'file', name: 'f', path: 'files/a.bin', contentType: 'application/octet-stream', fileName: 'a.bin', enabled: false }] },
      auth: { type: 'apikey', key: 'X-Key', value: '{{key}}', in: 'query' },
      options: { timeouts: { connect: 1000, headers: 30_000, bodyIdle: 30_000, total: 5000 }, followRedirects: false, maxRedirects: 3, verifyTls: false, http2: true, proxyUrl: 'http://proxy:8080' },
      variables: [{ name: 'v', value: '1' }],
      assertions: [{ type: 'json-equals', path: '$.a', value: { nested: [1, 'two', null] } }],
      extractions: [{ from: 'regex', variable: 'id', pattern: 'id=(\\d+)', group: 1 }],
      notes: ['[disabled test script]\npm.test()'],
    });
    const { path } = await h.handlers['request:create']({ collectionId: tree.id, folder: 'users', name: 'Everything', request });
    expect(path).toBe('users/everything.yaml');
    const saved = await h.handlers['request:save']({ collectionId: tree.id, path, request, force: false });
    const back = await h.handlers['request:read']({ collectionId: tree.id, path });
    expect(back.request).toEqual(request);
    expect(back.version).toBe(saved.version);
  });

  it('a one-field edit is a one-line diff', async () => {
    const tree = await h.handlers['collection:open']({ root: join(dir, 'demo') });
    const path = 'users/create-user.yaml';
    const file = join(dir, 'demo', path);
    const before = (await readFile(file, 'utf8')).split('\n');
    const { request, version } = await h.handlers['request:read']({ collectionId: tree.id, path });
    await h.handlers['request:save']({ collectionId: tree.id, path, request: { ...request, url: '{{baseUrl}}/people' }, baseVersion: version, force: false });
    const after = (await readFile(file, 'utf8')).split('\n');
    expect(after.length).toBe(before.length);
    const changed = after.map((line, i) => (line === before[i] ? -1 : i)).filter((i) => i >= 0);
    expect(changed).toHaveLength(1);
    expect(after[changed[0] as number]).toBe('url: "{{baseUrl}}/people"');
  });

  it('defaults are omitted so a new request file stays small', async () => {
    const tree = await h.handlers['collection:open']({ root: join(dir, 'demo') });
    const { path } = await h.handlers['request:create']({ collectionId: tree.id, folder: '', name: 'Ping' });
    expect(await readFile(join(dir, 'demo', path), 'utf8')).toBe('name: Ping\nmethod: GET\nurl: ""\nauth:\n  type: inherit\n');
  });

  it('hand-written files without a name take it from the file name', async () => {
    await writeFile(join(dir, 'demo', 'bare.yaml'), 'method: GET\nurl: http://x\n');
    const tree = await h.handlers['collection:open']({ root: join(dir, 'demo') });
    expect(tree.tree.children.find((c) => c.path === 'bare.yaml')?.name).toBe('bare');
  });
});

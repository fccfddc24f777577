import { cp, writeFile, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCollectionHandlers } from '../../electron/handlers/collections';
import type { EventMap } from '../../shared/ipc/contract';
import { tempDir, testContext, waitFor } from './helpers';

const DEMO = join(import.meta.dirname, '../../examples/demo');

describe('collection watcher', () => {
  let dir: string;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    await cp(DEMO, join(dir, 'demo'), { recursive: true });
  });
  afterEach(() => cleanup());

  it('emits collection:changed with the new tree within a second of an external edit', async () => {
    const { ctx, events } = testContext(join(dir, 'user'));
    const h = createCollectionHandlers(ctx);
    try {
      const root = join(dir, 'demo');
      const { id } = await h.handlers['collection:open']({ root });
      // chokidar needs a moment to arm its watches after open.
      await new Promise((r) => setTimeout(r, 300));
      events.length = 0;
      const file = join(root, 'users', 'get-user.yaml');
      await writeFile(file, (await readFile(file, 'utf8')).replace('name: Get user', 'name: Get user (from git pull)'));
      const changed = (): EventMap['collection:changed'] | undefined =>
        events.map((e) => e.payload as EventMap['collection:changed']).find((p) => p.collectionId === id && p.changedPaths.includes('users/get-user.yaml'));
      expect(await waitFor(() => changed() !== undefined, 1000)).toBe(true);
      const users = changed()?.tree.tree.children.find((c) => c.path === 'users');
      expect(users?.type === 'folder' && users.children.map((c) => c.name)).toContain('Get user (from git pull)');

      events.length = 0;
      await writeFile(join(root, 'new-one.yaml'), 'name: New one\nmethod: GET\nurl: http://x\n');
      await rm(join(root, 'health.yaml'));
      expect(await waitFor(() => events.some((e) => (e.payload as EventMap['collection:changed']).tree.tree.children.some((c) => c.path === 'new-one.yaml')), 1000)).toBe(true);
      const last = events[events.length - 1]?.payload as EventMap['collection:changed'];
      expect(last.tree.tree.children.some((c) => c.path === 'health.yaml')).toBe(false);
    } finally {
      await h.close();
    }
  });
});

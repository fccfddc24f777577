import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCollectionHandlers } from '../../electron/handlers/collections';
import type { EventMap } from '../../shared/ipc/contract';
import { tempDir, testContext, waitFor } from './helpers';

const DEMO = join(import.meta.dirname, '../../examples/demo');
/** Debounce (150 ms) plus room for chokidar on a loaded machine: long enough for an echo to show up if it were sent. */
const QUIET_MS = 900;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('the watcher does not echo our own writes', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let h: ReturnType<typeof createCollectionHandlers>;
  let events: Array<EventMap['collection:changed']>;
  let id: string;
  let root: string;

  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    root = join(dir, 'demo');
    await cp(DEMO, root, { recursive: true });
    const t = testContext(join(dir, 'user'));
    events = [];
    h = createCollectionHandlers({ ...t.ctx, emit: (channel, payload) => (channel === 'collection:changed' ? void events.push(payload as EventMap['collection:changed']) : undefined) });
    id = (await h.handlers['collection:open']({ root })).id;
    // chokidar needs a moment to arm its watches after open.
    await sleep(300);
    events.length = 0;
  });
  afterEach(async () => {
    await h.close();
    await cleanup();
  });

  it('one collection:changed per save, request, settings, environment, rename, move and delete alike', async () => {
    const read = await h.handlers['request:read']({ collectionId: id, path: 'users/get-user.yaml' });
    await h.handlers['request:save']({ collectionId: id, path: 'users/get-user.yaml', request: { ...read.request, url: `${read.request.url}?v=2` }, baseVersion: read.version, force: false });
    await sleep(QUIET_MS);
    expect(events.map((e) => e.changedPaths)).toEqual([['users/get-user.yaml']]);

    const steps: Array<() => Promise<unknown>> = [
      async () => h.handlers['collection:saveSettings']({ collectionId: id, settings: { ...(await h.handlers['collection:tree']({ collectionId: id })).settings, description: 'changed' } }),
      async () => h.handlers['env:save']({ collectionId: id, environment: { name: 'local', variables: [{ name: 'baseUrl', value: 'http://127.0.0.1:1', enabled: true, secret: false }] } }),
      () => h.handlers['item:rename']({ collectionId: id, path: 'health.yaml', name: 'Ping' }),
      () => h.handlers['item:move']({ collectionId: id, path: 'ping.yaml', toFolder: 'auth' }),
      () => h.handlers['item:rename']({ collectionId: id, path: 'users', name: 'People' }),
      () => h.handlers['item:duplicate']({ collectionId: id, path: 'people' }),
      () => h.handlers['folder:create']({ collectionId: id, parent: '', name: 'Admin' }),
      () => h.handlers['item:delete']({ collectionId: id, path: 'auth/ping.yaml' }),
    ];
    for (const step of steps) {
      events.length = 0;
      await step();
      await sleep(QUIET_MS);
      expect(events.length, `${step.toString()} ${JSON.stringify(events.map((e) => e.changedPaths))}`).toBe(1);
    }
  });

  it('an external edit right after our save is still reported, and a save over it is a conflict', async () => {
    const file = join(root, 'users', 'get-user.yaml');
    const read = await h.handlers['request:read']({ collectionId: id, path: 'users/get-user.yaml' });
    const saved = await h.handlers['request:save']({ collectionId: id, path: 'users/get-user.yaml', request: { ...read.request, name: 'Ours' }, baseVersion: read.version, force: false });
    // Inside the watcher's debounce window of our own write.
    await writeFile(file, (await readFile(file, 'utf8')).replace('name: Ours', 'name: Theirs'));
    const theirs = (): boolean => events.some((e) => JSON.stringify(e.tree.tree).includes('"Theirs"'));
    expect(await waitFor(theirs, 2000)).toBe(true);
    expect(events[0]?.changedPaths).toEqual(['users/get-user.yaml']);
    expect(JSON.stringify(events[events.length - 1]?.tree.tree)).toContain('"Theirs"');
    await expect(h.handlers['request:save']({ collectionId: id, path: 'users/get-user.yaml', request: { ...read.request, name: 'Ours again' }, baseVersion: saved.version, force: false })).rejects.toMatchObject({ info: { kind: 'conflict' } });
  });

  it('an external edit of another file in the same burst as our save is reported alone', async () => {
    const read = await h.handlers['request:read']({ collectionId: id, path: 'users/get-user.yaml' });
    await h.handlers['request:save']({ collectionId: id, path: 'users/get-user.yaml', request: { ...read.request, name: 'Ours' }, baseVersion: read.version, force: false });
    await writeFile(join(root, 'outside.yaml'), 'name: Outside\nmethod: GET\nurl: http://x\n');
    expect(await waitFor(() => events.length >= 2, 2000)).toBe(true);
    await sleep(QUIET_MS);
    expect(events.map((e) => e.changedPaths)).toEqual([['users/get-user.yaml'], ['outside.yaml']]);
  });
});

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STATE_FILE } from '../../electron/collections/active-environments';
import { createCollectionHandlers } from '../../electron/handlers/collections';
import { newRequestSpec } from '../../shared/model/request';
import { tempDir, testContext } from './helpers';

// The active environment is the user's choice, kept in userData: under the collection's stable id
// when it has one, so it follows the folder when it moves; an earlier version's choice kept under
// the folder path moves to the id once.

let dir = '';
let cleanup: () => Promise<void> = () => Promise.resolve();
let h: ReturnType<typeof createCollectionHandlers>;

const userData = (): string => join(dir, 'user');
const state = async (): Promise<{ active?: Record<string, string>; activeById?: Record<string, string> }> => JSON.parse(await readFile(join(userData(), STATE_FILE), 'utf8')) as never;

async function restart(): Promise<void> {
  await h.close();
  h = createCollectionHandlers(testContext(userData()).ctx);
}

/** A collection as an earlier version left it: environments `dev` and `prod`, and maybe no id. */
async function writeOld(root: string, id?: string): Promise<void> {
  await mkdir(join(root, 'environments'), { recursive: true });
  await writeFile(join(root, 'salvo.yaml'), `name: Old\nformatVersion: 1\n${id === undefined ? '' : `id: ${id}\n`}`);
  await writeFile(join(root, 'environments', 'dev.yaml'), 'name: dev\nvariables:\n  - name: base\n    value: http://dev.test\n');
  await writeFile(join(root, 'environments', 'prod.yaml'), 'name: prod\nvariables:\n  - name: base\n    value: http://prod.test\n');
}

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('salvo-active-env-'));
  h = createCollectionHandlers(testContext(userData()).ctx);
});
afterEach(async () => {
  await h.close();
  await cleanup();
});

describe('the active environment follows the collection id', () => {
  it('move the folder, reopen: the same environment is active and used', async () => {
    const root = join(dir, 'api');
    let { id, settings } = await h.handlers['collection:create']({ root, name: 'api' });
    await h.handlers['env:save']({ collectionId: id, environment: { name: 'staging', variables: [{ name: 'base', value: 'http://staging.test', enabled: true, secret: false }] } });
    await h.handlers['env:setActive']({ collectionId: id, name: 'staging' });
    expect(await state()).toEqual({ active: {}, activeById: { [settings.id ?? '']: 'staging' } });
    await restart();

    const moved = join(dir, 'moved', 'api-renamed');
    await mkdir(join(dir, 'moved'));
    await rename(root, moved);
    const tree = await h.handlers['collection:open']({ root: moved });
    ({ id } = tree);
    expect(tree.activeEnvironment).toBe('staging');
    expect(h.access.activeEnvironment(id)).toBe('staging');
    const eff = await h.access.effective(id, undefined, undefined, newRequestSpec({ url: '{{base}}/x' }));
    expect(eff.layers.find((l) => l.scope === 'environment')?.values.get('base')).toBe('http://staging.test');

    // A new collection made at the old folder has its own choice (none).
    ({ settings } = await h.handlers['collection:create']({ root, name: 'newcomer' }));
    expect((await h.handlers['collection:open']({ root })).activeEnvironment).toBeUndefined();
    expect(settings.id).not.toBe(tree.settings.id);
  });

  it('a choice an earlier version kept under the folder path moves to the id at open, once', async () => {
    const root = join(dir, 'old');
    await writeOld(root, 'old-collection-0001');
    await mkdir(userData(), { recursive: true });
    await writeFile(join(userData(), STATE_FILE), `${JSON.stringify({ active: { [root]: 'prod', '/some/other/folder': 'dev' } })}\n`);
    await restart();
    expect((await h.handlers['collection:open']({ root })).activeEnvironment).toBe('prod');
    expect(await state()).toEqual({ active: { '/some/other/folder': 'dev' }, activeById: { 'old-collection-0001': 'prod' } });
    await restart();
    const moved = join(dir, 'old-moved');
    await rename(root, moved);
    expect((await h.handlers['collection:open']({ root: moved })).activeEnvironment).toBe('prod');
  });

  it('a collection without an id keeps its choice under the path until it gets one, then the choice moves with it', async () => {
    const root = join(dir, 'no-id');
    await writeOld(root);
    const { id } = await h.handlers['collection:open']({ root });
    await h.handlers['env:setActive']({ collectionId: id, name: 'dev' });
    expect(await state()).toEqual({ active: { [root]: 'dev' }, activeById: {} });
    // Its first real change of salvo.yaml writes an id; the choice goes with it at once.
    const tree = await h.handlers['collection:saveSettings']({ collectionId: id, settings: { ...h.service.get(id).loaded.settings, name: 'Now with id' } });
    const newId = tree.settings.id ?? '';
    expect(newId).not.toBe('');
    expect(tree.activeEnvironment).toBe('dev');
    expect(await state()).toEqual({ active: {}, activeById: { [newId]: 'dev' } });
    await restart();
    const moved = join(dir, 'no-id-moved');
    await rename(root, moved);
    const reopened = await h.handlers['collection:open']({ root: moved });
    expect(reopened.activeEnvironment).toBe('dev');
    // Clearing the choice clears it under the id.
    await h.handlers['env:setActive']({ collectionId: reopened.id, name: undefined });
    expect(await state()).toEqual({ active: {}, activeById: {} });
  });
});

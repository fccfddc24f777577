import { cp, mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCollectionHandlers } from '../../electron/handlers/collections';
import { SalvoError } from '../../shared/model/errors';
import type { CollectionTree } from '../../shared/model/collection';
import { slugify, splitRelPath } from '../../electron/collections/names';
import { locateReferencedFile } from '../../electron/collections/safe-path';
import { tempDir, testContext } from './helpers';

const DEMO = join(import.meta.dirname, '../../examples/demo');

async function kindOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    return err instanceof SalvoError ? err.info.kind : `other: ${String(err)}`;
  }
}

describe('collection safety', () => {
  let dir: string;
  let root: string;
  let cleanup: () => Promise<void>;
  let h: ReturnType<typeof createCollectionHandlers>;
  let tree: CollectionTree;

  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    root = join(dir, 'demo');
    await cp(DEMO, root, { recursive: true });
    h = createCollectionHandlers(testContext(join(dir, 'user')).ctx);
  });
  afterEach(async () => {
    await h.close();
    await cleanup();
  });

  const open = async (): Promise<CollectionTree> => (tree = await h.handlers['collection:open']({ root }));

  it('reports corrupt and invalid files with path, line and reason, skips them and keeps the rest', async () => {
    await writeFile(join(root, 'broken.yaml'), 'name: Broken\nmethod: GET\nurl: [unclosed\n');
    await writeFile(join(root, 'users', 'invalid.yaml'), 'name: Invalid\nmethod: GET\nurl: http://x\nbody:\n  mode: nonsense\n');
    await writeFile(join(root, 'users', 'polluted.yaml'), 'name: P\nmethod: GET\nurl: http://x\nheaders:\n  - name: a\n    value: b\n    __proto__:\n      polluted: true\n');
    await writeFile(join(root, 'environments', 'bad.yaml'), 'name: bad\nvariables: 3\n');
    await open();
    const byPath = new Map(tree.problems.map((p) => [p.path, p]));
    expect(byPath.get('broken.yaml')?.line).toBeGreaterThanOrEqual(3);
    expect(byPath.get('broken.yaml')?.reason).toMatch(/flow sequence/i);
    expect(byPath.get('users/invalid.yaml')?.line).toBe(5);
    expect(byPath.get('users/invalid.yaml')?.reason).toMatch(/body/);
    expect(byPath.get('users/polluted.yaml')?.reason).toMatch(/__proto__/);
    expect(byPath.get('users/polluted.yaml')?.line).toBe(7);
    expect(byPath.get('environments/bad.yaml')?.line).toBe(2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The rest still opens.
    expect(tree.tree.children.map((c) => c.path)).toEqual(['health.yaml', 'auth', 'users']);
    expect(tree.environments).toEqual(['local']);
    // A corrupt file is not overwritten without the user's explicit choice.
    const request = (await h.handlers['request:read']({ collectionId: tree.id, path: 'health.yaml' })).request;
    expect(await kindOf(h.handlers['request:save']({ collectionId: tree.id, path: 'broken.yaml', request, force: false }))).toBe('conflict');
    expect(await readFile(join(root, 'broken.yaml'), 'utf8')).toContain('[unclosed');
    await h.handlers['request:save']({ collectionId: tree.id, path: 'broken.yaml', request, force: true });
    expect(await readFile(join(root, 'broken.yaml'), 'utf8')).toContain('Health check');
    // Deleting is the other way out for a corrupt file.
    await h.handlers['item:delete']({ collectionId: tree.id, path: 'users/invalid.yaml' });
    expect((await readdir(join(root, 'users'))).includes('invalid.yaml')).toBe(false);
  });

  it('rejects oversized and alias-bomb files clearly', async () => {
    await writeFile(join(root, 'huge.yaml'), `name: Huge\nmethod: GET\nurl: "${'x'.repeat(5 * 1024 * 1024 + 10)}"\n`);
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    await writeFile(join(root, 'bomb.yaml'), `name: Bomb\nmethod: GET\nurl: x\nvariables:\n  - name: b\n    value: x\n${bomb.map((l) => `x${l}`).join('\n')}\n`);
    await writeFile(join(root, 'deep.yaml'), `name: Deep\nmethod: GET\nurl: x\nvariables: ${'['.repeat(20000)}${']'.repeat(20000)}\n`);
    await writeFile(join(root, 'nested.yaml'), `name: N\nmethod: GET\nurl: x\nvariables: ${'['.repeat(100)}${']'.repeat(100)}\n`);
    await open();
    const reasons = new Map(tree.problems.map((p) => [p.path, p.reason]));
    expect(reasons.get('huge.yaml')).toMatch(/larger than/);
    expect(reasons.get('deep.yaml')).toMatch(/nested too deeply|deeper than/);
    expect(reasons.get('nested.yaml')).toMatch(/nested deeper than 64 levels/);
    expect(reasons.get('bomb.yaml')).toMatch(/alias/i);
  });

  it('refuses traversal, absolute, reserved and NUL paths on every operation', async () => {
    await open();
    const id = tree.id;
    const request = (await h.handlers['request:read']({ collectionId: id, path: 'health.yaml' })).request;
    for (const path of ['../escape.yaml', 'users/../../escape.yaml', '/etc/passwd.yaml', 'C:/x.yaml', 'users\\..\\x.yaml', 'a\u0000b.yaml', 'CON.yaml', 'users/nul.yaml', 'x.yaml.', 'users/ ']) {
      expect(await kindOf(h.handlers['request:save']({ collectionId: id, path, request, force: true })), path).toBe('invalid-input');
      expect(await kindOf(h.handlers['request:read']({ collectionId: id, path })), path).toBe('invalid-input');
    }
    expect(await kindOf(h.handlers['item:delete']({ collectionId: id, path: '..' }))).toBe('invalid-input');
    expect(await kindOf(h.handlers['item:move']({ collectionId: id, path: 'health.yaml', toFolder: '../x' }))).toBe('invalid-input');
    expect(await kindOf(h.handlers['request:save']({ collectionId: id, path: 'environments/local.yaml', request, force: true }))).toBe('invalid-input');
    expect(await readdir(dir)).toEqual(expect.not.arrayContaining(['escape.yaml']));
  });

  it('turns hostile display names into safe file names inside the folder', async () => {
    await open();
    for (const name of ['../../etc/passwd', 'CON', '__proto__', 'a/b\\c', '...', 'x'.repeat(250), 'nul.txt', 'café au lait']) {
      const { path } = await h.handlers['request:create']({ collectionId: tree.id, folder: 'users', name });
      expect(() => splitRelPath(path)).not.toThrow();
      expect(path.startsWith('users/')).toBe(true);
      expect(path.split('/')).toHaveLength(2);
      expect(path.length).toBeLessThan(100);
    }
    expect(slugify('café au lait')).toBe('cafe-au-lait');
    const folder = await h.handlers['folder:create']({ collectionId: tree.id, parent: '', name: 'environments' });
    expect(folder.path).not.toBe('environments');
  });

  it('never reads or writes through symbolic links', async () => {
    const outside = join(dir, 'outside');
    await mkdir(outside);
    await writeFile(join(outside, 'victim.yaml'), 'name: Victim\nmethod: GET\nurl: http://victim\n');
    await symlink(outside, join(root, 'linked'));
    await symlink(join(outside, 'victim.yaml'), join(root, 'victim.yaml'));
    await open();
    expect(tree.problems.map((p) => p.path).sort()).toEqual(['linked', 'victim.yaml']);
    const request = (await h.handlers['request:read']({ collectionId: tree.id, path: 'health.yaml' })).request;
    expect(await kindOf(h.handlers['request:save']({ collectionId: tree.id, path: 'linked/new.yaml', request, force: true }))).toBe('invalid-input');
    expect(await kindOf(h.handlers['request:save']({ collectionId: tree.id, path: 'victim.yaml', request, force: true }))).toBe('invalid-input');
    expect(await kindOf(h.handlers['request:read']({ collectionId: tree.id, path: 'linked/victim.yaml' }))).toBe('invalid-input');
    expect(await readdir(outside)).toEqual(['victim.yaml']);
    expect(await readFile(join(outside, 'victim.yaml'), 'utf8')).toContain('Victim');
  });

  it('tells whether a file referenced by a request stays inside the collection (links followed)', async () => {
    await open();
    await mkdir(join(root, 'files'));
    await writeFile(join(root, 'files', 'a.bin'), 'a');
    await writeFile(join(dir, 'secret.txt'), 's');
    await symlink(join(dir, 'secret.txt'), join(root, 'files', 'sneaky.bin'));
    expect(await locateReferencedFile(tree.root, 'files/a.bin')).toEqual({ absolute: join(tree.root, 'files', 'a.bin'), insideCollection: true });
    expect((await locateReferencedFile(tree.root, '../secret.txt')).insideCollection).toBe(false);
    expect((await locateReferencedFile(tree.root, join(dir, 'secret.txt'))).insideCollection).toBe(false);
    expect((await locateReferencedFile(tree.root, 'files/sneaky.bin')).insideCollection).toBe(false);
    expect((await locateReferencedFile(tree.root, 'files/missing.bin')).insideCollection).toBe(true);
  });

  it('detects a newer external change on save (conflict) and lets force win', async () => {
    await open();
    const path = 'users/get-user.yaml';
    const { request, version } = await h.handlers['request:read']({ collectionId: tree.id, path });
    const file = join(root, path);
    await writeFile(file, (await readFile(file, 'utf8')).replace('Get user', 'Get user (edited in vim)'));
    expect(await kindOf(h.handlers['request:save']({ collectionId: tree.id, path, request: { ...request, method: 'HEAD' }, baseVersion: version, force: false }))).toBe('conflict');
    expect(await readFile(file, 'utf8')).toContain('edited in vim');
    await h.handlers['request:save']({ collectionId: tree.id, path, request: { ...request, method: 'HEAD' }, baseVersion: version, force: true });
    expect(await readFile(file, 'utf8')).toContain('method: HEAD');
  });

  it('serialises concurrent saves of one file: the last one wins and the file is never torn', async () => {
    await open();
    const path = 'users/get-user.yaml';
    const { request } = await h.handlers['request:read']({ collectionId: tree.id, path });
    const saves = Array.from({ length: 30 }, (_, i) => h.handlers['request:save']({ collectionId: tree.id, path, request: { ...request, description: `v${i} ${'x'.repeat(i * 500)}` }, force: false }));
    const results = await Promise.all(saves);
    const final = await h.handlers['request:read']({ collectionId: tree.id, path });
    expect(final.request.description?.startsWith('v29 ')).toBe(true);
    expect(final.version).toBe(results[29]?.version);
    expect((await readdir(join(root, 'users'))).filter((n) => n.startsWith('.salvo-tmp-'))).toEqual([]);
  });

  it('drops stray temp files on open and does not list them', async () => {
    await writeFile(join(root, '.salvo-tmp-health.yaml.abc123'), 'name: half');
    await writeFile(join(root, 'users', '.salvo-tmp-x.yaml.def456'), 'garbage');
    await open();
    expect((await readdir(root)).some((n) => n.startsWith('.salvo-tmp-'))).toBe(false);
    expect((await readdir(join(root, 'users'))).some((n) => n.startsWith('.salvo-tmp-'))).toBe(false);
  });
});

import { mkdir, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CollectionIdRegistry, ID_REGISTRY_FILE } from '../../electron/collections/id-registry';
import { CollectionService } from '../../electron/collections/service';
import { createEnvSecretStore } from '../../electron/secrets/env-secret-store';
import { tempDir } from './helpers';

async function folderWithId(root: string, id: string): Promise<string> {
  await mkdir(root, { recursive: true });
  await writeFile(join(root, 'salvo.yaml'), `name: C\nformatVersion: 1\nid: ${id}\n`);
  return root;
}

describe('collection id registry', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir('salvo-ids-'));
  });
  afterEach(() => cleanup());

  it('binds an unseen id, refuses a copy while the original holds it, accepts a move, and persists', async () => {
    const user = join(dir, 'user');
    const a = await folderWithId(join(dir, 'a'), 'test-id-0001');
    const b = await folderWithId(join(dir, 'b'), 'test-id-0001');
    const reg = await CollectionIdRegistry.open(user);
    expect(await reg.claim('test-id-0001', a)).toBe(true);
    expect(await reg.claim('test-id-0001', a)).toBe(true);
    expect(await reg.claim('test-id-0001', b)).toBe(false);
    expect((await CollectionIdRegistry.open(user)).rootOf('test-id-0001')).toBe(a);
    // A salvo.yaml that no longer parses but still names the id keeps it (the user's file, being edited).
    await writeFile(join(a, 'salvo.yaml'), 'name: [broken\nid: test-id-0001\n');
    expect(await reg.claim('test-id-0001', b)).toBe(false);
    await rm(a, { recursive: true });
    expect(await reg.claim('test-id-0001', b)).toBe(true);
    expect((await CollectionIdRegistry.open(user)).rootOf('test-id-0001')).toBe(b);
  });

  it('a link left where the folder was moved from leads to the same folder: a move, not a copy', async () => {
    const reg = await CollectionIdRegistry.open(join(dir, 'user'));
    const old = await folderWithId(join(dir, 'old'), 'test-id-0002');
    expect(await reg.claim('test-id-0002', old)).toBe(true);
    const moved = join(dir, 'moved');
    await rename(old, moved);
    await symlink(moved, old);
    expect(await reg.claim('test-id-0002', moved)).toBe(true);
    expect(reg.rootOf('test-id-0002')).toBe(moved);
  });

  it('two folders claiming one unseen id at once: exactly one gets it', async () => {
    const reg = await CollectionIdRegistry.open(join(dir, 'user'));
    const x = await folderWithId(join(dir, 'x'), 'test-id-0003');
    const y = await folderWithId(join(dir, 'y'), 'test-id-0003');
    const answers = await Promise.all([reg.claim('test-id-0003', x), reg.claim('test-id-0003', y)]);
    expect(answers.filter(Boolean)).toHaveLength(1);
  });

  it('the CLI service (bindIds false) takes the id as written and writes no registry', async () => {
    const user = join(dir, 'cli-state');
    await mkdir(user);
    const root = await folderWithId(join(dir, 'col'), 'test-id-0004');
    const service = new CollectionService({ emit: () => undefined, secrets: createEnvSecretStore({}), userDataDir: user, watch: false, bindIds: false });
    const c = await service.openRoot(root);
    expect(c.secretScope().id).toBe('test-id-0004');
    await service.closeAll();
    expect(await readdir(user)).not.toContain(ID_REGISTRY_FILE);
  });
});

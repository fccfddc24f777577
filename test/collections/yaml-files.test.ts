import { cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCollectionHandlers } from '../../electron/handlers/collections';
import { RunConfigSchema } from '../../shared/model/run';
import { tempDir, testContext } from './helpers';

const DEMO = join(import.meta.dirname, '../../examples/demo');

describe('run configuration files (runs/*.yaml)', () => {
  let dir: string;
  let root: string;
  let cleanup: () => Promise<void>;
  let h: ReturnType<typeof createCollectionHandlers>;
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

  it('writes, lists and reads validated YAML; bad files are problems with a line; names and links are checked', async () => {
    const id = await h.access.openRoot(root);
    const runs = h.service.yamlFiles(id, 'runs', RunConfigSchema);
    // The example collection ships one run configuration.
    const shipped = await runs.list();
    expect(shipped.problems).toEqual([]);
    expect(shipped.items.map((i) => [i.name, i.value.stages.map((s) => s.concurrency)])).toEqual([['smoke', [1, 4]]]);
    await runs.delete('smoke');
    const rel = await runs.write('nightly', { name: 'Nightly', stages: [{ name: 'all', targets: ['users'], concurrency: 4 }] });
    expect(rel).toBe('runs/nightly.yaml');
    expect(await readFile(join(root, rel), 'utf8')).toContain('name: Nightly');
    await writeFile(join(root, 'runs', 'broken.yaml'), 'name: x\nstages:\n  - concurrency: -1\n');
    const listed = await runs.list();
    expect(listed.items.map((i) => i.name)).toEqual(['nightly']);
    expect(listed.items[0]?.value.stages[0]?.concurrency).toBe(4);
    expect(listed.problems).toHaveLength(1);
    expect(listed.problems[0]?.reason).toMatch(/runs\/broken.yaml:3/);
    await expect(runs.write('../escape', { name: 'x' })).rejects.toMatchObject({ info: { kind: 'invalid-input' } });
    await mkdir(join(dir, 'elsewhere'));
    await symlink(join(dir, 'elsewhere', 'linked.yaml'), join(root, 'runs', 'linked.yaml'));
    await expect(runs.write('linked', { name: 'x' })).rejects.toMatchObject({ info: { kind: 'invalid-input' } });
    await runs.delete('nightly');
    expect(await runs.read('nightly')).toBeUndefined();
    // runs/ is not part of the request tree.
    expect((await h.handlers['collection:tree']({ collectionId: id })).tree.children.map((c) => c.path)).toEqual(['health.yaml', 'auth', 'users']);
  });
});

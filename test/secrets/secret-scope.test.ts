import { cp, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCollectionHandlers } from '../../electron/handlers/collections';
import { EncryptedFileSecretStore } from '../../electron/secrets/encrypted-file-store';
import { createNodeCipher } from '../../electron/secrets/node-cipher';
import { variableSecret } from '../../electron/secrets/secret-key';
import { resolveRequest } from '../../shared/lib/variables';
import { tempDir, testContext } from '../collections/helpers';

const DEMO = join(import.meta.dirname, '../../examples/demo');
const SECRET = 'mOvEd-SeCrEt-9f3k2';

/** The password the login request would send, resolved from the collection's active layers. */
async function sentPassword(h: ReturnType<typeof createCollectionHandlers>, id: string): Promise<string> {
  const eff = await h.access.effective(id, 'auth/login.yaml', 'local');
  const body = resolveRequest(eff.spec, eff.layers).value.body;
  return body.mode === 'json' ? ((JSON.parse(body.text) as { password?: string }).password ?? '') : '';
}

async function storeKeys(userData: string): Promise<string[]> {
  return Object.keys((JSON.parse(await readFile(join(userData, 'secrets.json'), 'utf8')) as { entries: Record<string, string> }).entries);
}

describe('secrets follow the collection, not its folder', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let userData: string;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    userData = join(dir, 'user');
    await cp(DEMO, join(dir, 'demo'), { recursive: true });
  });
  afterEach(() => cleanup());

  it('a secret saved in the app still resolves after the folder is moved and reopened', async () => {
    const before = join(dir, 'demo');
    const original = await readFile(join(before, 'salvo.yaml'), 'utf8');
    let h = createCollectionHandlers(testContext(userData).ctx);
    let id = (await h.handlers['collection:open']({ root: before })).id;
    const env = await h.handlers['env:read']({ collectionId: id, name: 'local', reveal: false });
    await h.handlers['env:save']({ collectionId: id, environment: { ...env, variables: env.variables.map((v) => (v.name === 'password' ? { ...v, value: SECRET } : v)) } });
    // Saving the first secret wrote the id, as one added line (a one-line diff to commit).
    const withId = await readFile(join(before, 'salvo.yaml'), 'utf8');
    const idLine = withId.split('\n').find((l) => l.startsWith('id: '));
    expect(idLine).toMatch(/^id: [0-9a-f-]{36}$/);
    expect(withId.replace(`${idLine ?? ''}\n`, '')).toBe(original);
    expect(await sentPassword(h, id)).toBe(SECRET);
    await h.close();

    const after = join(dir, 'elsewhere', 'renamed-demo');
    await cp(before, after, { recursive: true });
    await cp(before, join(dir, 'backup'), { recursive: true });
    await rename(before, join(dir, 'gone'));
    h = createCollectionHandlers(testContext(userData).ctx);
    try {
      id = (await h.handlers['collection:open']({ root: after })).id;
      expect(await sentPassword(h, id)).toBe(SECRET);
      expect((await h.handlers['env:read']({ collectionId: id, name: 'local', reveal: true })).variables.find((v) => v.name === 'password')?.value).toBe(SECRET);
      // Saving settings later keeps the id, and an unchanged save rewrites nothing.
      const tree = await h.handlers['collection:tree']({ collectionId: id });
      await h.handlers['collection:saveSettings']({ collectionId: id, settings: { ...tree.settings, id: 'someone-elses-id' } });
      expect(await readFile(join(after, 'salvo.yaml'), 'utf8')).toBe(withId);
      // A second copy next to the moved one (same id) is a copy, not the collection: none of its values.
      const twin = (await h.handlers['collection:open']({ root: join(dir, 'backup') })).id;
      expect(await sentPassword(h, twin)).toBe('');
      expect(await sentPassword(h, id)).toBe(SECRET);
    } finally {
      await h.close();
    }
    expect((await readFile(join(userData, 'secrets.json'), 'utf8')).includes(SECRET)).toBe(false);
  });

  it('values an earlier version kept under the folder path move under a new id on open, once', async () => {
    const root = join(dir, 'demo');
    const original = await readFile(join(root, 'salvo.yaml'), 'utf8');
    // Exactly what earlier versions stored: the key built from the absolute folder path.
    const legacy = new EncryptedFileSecretStore(userData, createNodeCipher(userData));
    await legacy.set(variableSecret({ root, id: undefined }, 'local', 'password'), SECRET);
    expect(await storeKeys(userData)).toEqual([`salvo-secret:v1:${JSON.stringify([root, 'local', 'password'])}`]);

    let h = createCollectionHandlers(testContext(userData).ctx);
    let id = (await h.handlers['collection:open']({ root })).id;
    const text = await readFile(join(root, 'salvo.yaml'), 'utf8');
    const newId = /^id: (\S+)$/m.exec(text)?.[1] ?? '';
    expect(newId).toMatch(/^[0-9a-f-]{36}$/);
    expect(text.replace(`id: ${newId}\n`, '')).toBe(original);
    expect(await storeKeys(userData)).toEqual([`salvo-secret:v2:${JSON.stringify(['id', newId, 'variable', 'local', 'password'])}`]);
    expect(await sentPassword(h, id)).toBe(SECRET);
    await h.close();

    // Reopening changes nothing more; moving the folder keeps the value.
    const moved = join(dir, 'moved');
    await rename(root, moved);
    h = createCollectionHandlers(testContext(userData).ctx);
    try {
      id = (await h.handlers['collection:open']({ root: moved })).id;
      expect(await readFile(join(moved, 'salvo.yaml'), 'utf8')).toBe(text);
      expect(await sentPassword(h, id)).toBe(SECRET);
    } finally {
      await h.close();
    }
  });

  it('a collection whose salvo.yaml cannot take an id keeps the path key and still opens', async () => {
    const root = join(dir, 'demo');
    // A salvo.yaml that does not validate cannot be rewritten (the user must fix it first).
    await writeFile(join(root, 'salvo.yaml'), 'name: Demo API\nformatVersion: "one"\n');
    const legacy = new EncryptedFileSecretStore(userData, createNodeCipher(userData));
    await legacy.set(variableSecret({ root, id: undefined }, 'local', 'password'), SECRET);
    const h = createCollectionHandlers(testContext(userData).ctx);
    try {
      const tree = await h.handlers['collection:open']({ root });
      expect(tree.problems.map((p) => p.path)).toContain('salvo.yaml');
      expect(tree.settings.id).toBeUndefined();
      expect(await sentPassword(h, tree.id)).toBe(SECRET);
      // Saving a secret falls back to the path key rather than failing.
      const env = await h.handlers['env:read']({ collectionId: tree.id, name: 'local', reveal: false });
      await h.handlers['env:save']({ collectionId: tree.id, environment: { ...env, variables: [...env.variables, { name: 'extra', value: 'x-secret', enabled: true, secret: true }] } });
      expect(await readFile(join(root, 'salvo.yaml'), 'utf8')).toBe('name: Demo API\nformatVersion: "one"\n');
      expect((await storeKeys(userData)).every((k) => k.startsWith('salvo-secret:v1:'))).toBe(true);
    } finally {
      await h.close();
    }
  });

  it('an imported collection gets its own id', async () => {
    const h = createCollectionHandlers(testContext(userData).ctx);
    try {
      const text = 'curl -H "X-Api-Key: {{key}}" https://api.example.com/items';
      const a = await h.handlers['import:run']({ source: { text }, into: join(dir, 'a') });
      const b = await h.handlers['import:run']({ source: { text }, into: join(dir, 'b') });
      expect(a.tree.settings.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(b.tree.settings.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(a.tree.settings.id).not.toBe(b.tree.settings.id);
    } finally {
      await h.close();
    }
  });
});

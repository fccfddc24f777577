import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCollectionHandlers } from '../../electron/handlers/collections';
import { importText } from '../../electron/importers/index';
import type { FolderNode } from '../../shared/model/collection';
import { tempDir, testContext } from '../collections/helpers';
import { requestsByPath } from './helpers';

const FIXTURES = join(import.meta.dirname, '../fixtures/imports');

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) out.push(relative(dir, join(e.parentPath, e.name)));
  return out.sort();
}

function names(node: FolderNode, trail = ''): string[] {
  return node.children.flatMap((c) => (c.type === 'request' ? [trail + c.name] : names(c, `${trail}${c.name}/`)));
}

describe('import:run and export:postman', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let h: ReturnType<typeof createCollectionHandlers>;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    h = createCollectionHandlers(testContext(join(dir, 'user')).ctx);
  });
  afterEach(async () => {
    await h.close();
    await cleanup();
  });

  it('writes every sample as a collection that opens without problems, in the imported order', async () => {
    for (const f of ['postman-v2.1.json', 'postman-v2.0.json', 'insomnia-v4.json', 'openapi-3.0.json', 'openapi-3.1.yaml', 'curl-chrome.sh']) {
      const into = join(dir, f.replace(/\W/g, '-'));
      const { tree, report } = await h.handlers['import:run']({ source: { path: join(FIXTURES, f) }, into });
      expect(tree.problems, f).toEqual([]);
      expect(names(tree.tree), f).toEqual([...requestsByPath(importText(await readFile(join(FIXTURES, f), 'utf8')).collection).keys()]);
      expect(tree.environments.length, f).toBe(report.environments);
      expect((await readFile(join(into, '.gitignore'), 'utf8')).split('\n')).toContain('.env');
    }
    await expect(h.handlers['import:run']({ source: { path: join(FIXTURES, 'postman-v2.0.json') }, into: join(dir, 'postman-v2-0-json') })).rejects.toMatchObject({ info: { kind: 'conflict' } });
    await expect(h.handlers['import:run']({ source: { path: join(dir, 'missing.json') }, into: join(dir, 'x') })).rejects.toMatchObject({ info: { kind: 'not-found' } });
  });

  it('hostile names in an imported file stay inside the collection folder', async () => {
    const hostile = {
      info: { name: '../../outside', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [
        { name: '../../../etc', item: [{ name: '../../passwd', request: { method: 'GET', url: 'http://x' } }] },
        { name: '/abs/path', request: { method: 'GET', url: 'http://x' } },
        { name: 'CON', request: { method: 'GET', url: 'http://x' } },
        { name: 'environments', item: [{ name: 'x', request: 'http://x' }] },
        { name: 'salvo', request: 'http://x' },
        { name: 'folder', request: 'http://x' },
        { name: '__proto__', request: 'http://x' },
      ],
    };
    const into = join(dir, 'hostile');
    const { tree } = await h.handlers['import:run']({ source: { text: JSON.stringify(hostile) }, into });
    // Nothing was written next to (or above) the target folder.
    expect((await readdir(dir)).filter((n) => n !== 'user')).toEqual(['hostile']);
    const files = await filesUnder(into);
    expect(files).toEqual(['.gitignore', 'abs-path.yaml', 'con-item.yaml', 'environments-2/x.yaml', 'environments-2/folder.yaml', 'etc/folder.yaml', 'etc/passwd.yaml', 'folder-2.yaml', '__proto__-item.yaml', 'salvo.yaml', 'salvo-2.yaml'].sort());
    expect(tree.problems).toEqual([]);
    expect(names(tree.tree)).toEqual(['../../../etc/../../passwd', '/abs/path', 'CON', 'environments/x', 'salvo', 'folder', '__proto__']);
  });

  it('import:curl gives a spec for the URL bar; export:curl without a context leaves {{variables}}', async () => {
    const spec = await h.handlers['import:curl']({ text: "curl -u me:{{pw}} 'https://{{host}}/a' -d 'x=1'" });
    expect(spec).toMatchObject({ method: 'POST', url: 'https://{{host}}/a', auth: { type: 'basic', username: 'me', password: '{{pw}}' }, body: { mode: 'form' } });
    expect('name' in spec).toBe(false);
    const curl = await h.handlers['export:curl']({ spec, context: {} });
    expect(curl).toContain("'https://{{host}}/a'");
    expect(curl).toContain("-u 'me:{{pw}}'");
    await expect(h.handlers['import:curl']({ text: 'http GET example.com' })).rejects.toMatchObject({ info: { kind: 'invalid-input' } });
  });

  it('export:postman → import gives back the same requests; secret values are exported empty', async () => {
    const { tree } = await h.handlers['import:run']({ source: { path: join(FIXTURES, 'postman-v2.1.json') }, into: join(dir, 'pet') });
    const exported = await h.handlers['export:postman']({ collectionId: tree.id });
    expect(JSON.parse(exported).info.schema).toContain('v2.1.0');
    const original = requestsByPath(importText(await readFile(join(FIXTURES, 'postman-v2.1.json'), 'utf8')).collection);
    const again = importText(exported).collection;
    const back = requestsByPath(again);
    expect([...back.keys()]).toEqual([...original.keys()]);
    for (const [k, r] of original) {
      const b = back.get(k);
      const pick = (x: typeof r | undefined) => x && { method: x.method, url: x.url, params: x.params, headers: x.headers, body: x.body, auth: x.auth, description: x.description };
      expect(pick(b), k).toEqual(pick(r));
    }
    expect(again.variables.find((v) => v.name === 'adminKey')).toMatchObject({ value: '', secret: true });
    expect(again.auth).toEqual({ type: 'bearer', token: '{{token}}' });
  });
});

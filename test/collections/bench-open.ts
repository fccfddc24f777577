// Benchmark (not a test): open / reload / save costs for a large generated collection.
// Run: node --import tsx test/collections/bench-open.ts [requests]
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCollectionHandlers } from '../../electron/handlers/collections';
import { serializeRequest } from '../../electron/collections/format';
import { SavedRequestSchema } from '../../shared/model/collection';
import { testContext } from './helpers';

const total = Number(process.argv[2] ?? 2000);
const perFolder = 40;
const dir = await mkdtemp(join(tmpdir(), 'salvo-bench-'));
const root = join(dir, 'big');
await mkdir(root);
await writeFile(join(root, 'salvo.yaml'), 'name: Big\nformatVersion: 1\n');
for (let i = 0; i < total; i++) {
  const folder = join(root, `folder-${Math.floor(i / perFolder)}`);
  if (i % perFolder === 0) await mkdir(folder);
  const r = SavedRequestSchema.parse({ name: `Request ${i}`, method: 'POST', url: `{{baseUrl}}/items/${i}`, headers: [{ name: 'X-N', value: String(i) }], body: { mode: 'json', text: JSON.stringify({ i, pad: 'x'.repeat(200) }, null, 2) }, assertions: [{ type: 'status-equals', value: 200 }] });
  await writeFile(join(folder, `request-${i}.yaml`), serializeRequest(r));
}
const h = createCollectionHandlers(testContext(join(dir, 'user'), 'cli').ctx);
const time = async (label: string, n: number, fn: () => Promise<unknown>): Promise<[string, number]> => {
  const t0 = performance.now();
  for (let k = 0; k < n; k++) await fn();
  return [label, (performance.now() - t0) / n];
};
const rows: Array<[string, number]> = [];
let id = '';
rows.push(await time(`open ${total} requests`, 1, async () => (id = (await h.handlers['collection:open']({ root })).id)));
const path = 'folder-0/request-0.yaml';
const { request } = await h.handlers['request:read']({ collectionId: id, path });
rows.push(await time('save unchanged (skipped write)', 20, () => h.handlers['request:save']({ collectionId: id, path, request, force: false })));
let n = 0;
rows.push(await time('save changed (+ tree reload)', 10, () => h.handlers['request:save']({ collectionId: id, path, request: { ...request, description: `v${n++}` }, force: false })));
rows.push(await time('effective()', 200, () => h.access.effective(id, path, '')));
await h.close();
await rm(dir, { recursive: true, force: true });
const base = rows[rows.length - 1]?.[1] ?? 1;
console.log(`| operation | ms | ratio to effective() |\n|---|---:|---:|`);
for (const [label, ms] of rows) console.log(`| ${label} | ${ms.toFixed(2)} | ${(ms / base).toFixed(1)} |`);

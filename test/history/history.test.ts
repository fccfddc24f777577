import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHistoryHandlers } from '../../electron/handlers/history';
import { HistoryStore } from '../../electron/history/history-store';
import type { HistoryEntry } from '../../shared/ipc/history';
import { newRequestSpec } from '../../shared/model/request';
import { tempDir, testContext } from '../collections/helpers';

function entry(i: number, over: Partial<HistoryEntry> = {}): HistoryEntry {
  const url = `http://127.0.0.1:4010/items/${i}`;
  return { id: `e${i}`, at: 1_700_000_000_000 + i, method: i % 2 === 0 ? 'GET' : 'POST', url, status: i % 5 === 0 ? 500 : 200, errorKind: undefined, durationMs: i, bytes: i * 10, spec: newRequestSpec({ url }), ...over };
}

describe('history', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir('salvo-hist-')));
  afterEach(() => cleanup());

  it('records, lists newest first, searches by method / URL / status, deletes and clears; survives restarts', async () => {
    const { handlers, recorder } = createHistoryHandlers(testContext(dir).ctx);
    for (let i = 1; i <= 20; i++) await recorder.record(entry(i));
    expect((await handlers['history:list']({ query: '', limit: 3 })).map((e) => e.id)).toEqual(['e20', 'e19', 'e18']);
    expect((await handlers['history:list']({ query: 'post 500', limit: 100 })).map((e) => e.id)).toEqual(['e15', 'e5']);
    expect((await handlers['history:list']({ query: 'items/1', limit: 100 })).map((e) => e.id)).toEqual(['e19', 'e18', 'e17', 'e16', 'e15', 'e14', 'e13', 'e12', 'e11', 'e10', 'e1']);
    await handlers['history:delete']({ id: 'e19' });
    const again = createHistoryHandlers(testContext(dir).ctx);
    expect((await again.handlers['history:list']({ query: '', limit: 2 })).map((e) => e.id)).toEqual(['e20', 'e18']);
    await again.handlers['history:clear']({});
    expect(await again.handlers['history:list']({ query: '', limit: 10 })).toEqual([]);
    expect(await createHistoryHandlers(testContext(dir).ctx).handlers['history:list']({ query: '', limit: 10 })).toEqual([]);
  });

  it('stays bounded: compacts the file to the last N entries', async () => {
    const store = new HistoryStore(dir, 50);
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.record(entry(i))));
    const listed = await store.list('', 1000);
    expect(listed).toHaveLength(50);
    expect(listed[0]?.id).toBe('e199');
    expect(listed[49]?.id).toBe('e150');
    const lines = (await readFile(store.file, 'utf8')).trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(75);
    expect((await new HistoryStore(dir, 50).list('', 1000)).map((e) => e.id)).toEqual(listed.map((e) => e.id));
  });

  it('skips a torn or corrupt line instead of failing', async () => {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'history.jsonl'), `${JSON.stringify(entry(1))}\n{"id":"torn","at":\nnot json\n${JSON.stringify({ id: 'x' })}\n${JSON.stringify(entry(2))}\n`);
    expect((await new HistoryStore(dir).list('', 10)).map((e) => e.id)).toEqual(['e2', 'e1']);
  });

  it('redacts Authorization / Cookie headers and auth secrets defensively', async () => {
    const store = new HistoryStore(dir);
    const spec = newRequestSpec({
      url: 'http://x.test/?appid=KEY123&q=1',
      headers: [{ name: 'Authorization', value: 'Bearer TOPSECRET', enabled: true }, { name: 'cookie', value: 'sid=SESSION1', enabled: true }, { name: 'X-Other', value: 'fine', enabled: true }],
      auth: { type: 'apikey', key: 'appid', value: 'KEY123', in: 'query' },
    });
    await store.record(entry(1, { url: 'http://x.test/?appid=KEY123&q=1', spec }));
    await store.record(entry(2, { spec: newRequestSpec({ url: 'http://x.test', auth: { type: 'basic', username: 'me', password: 'PASSWORD9' } }) }));
    const text = await readFile(store.file, 'utf8');
    for (const secret of ['TOPSECRET', 'SESSION1', 'KEY123', 'PASSWORD9']) expect(text).not.toContain(secret);
    const [second, first] = await store.list('', 10);
    expect(first?.spec.headers.map((h) => h.value)).toEqual(['••••••', '••••••', 'fine']);
    expect(first?.url).toBe('http://x.test/?appid=••••••&q=1');
    expect(second?.spec.auth).toEqual({ type: 'basic', username: 'me', password: '••••••' });
  });
});

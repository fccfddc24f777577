import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataFile } from '../../electron/runner/data-file';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'salvo-data-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('data files', () => {
  it('reads CSV with a header row (quotes, BOM, empty lines)', async () => {
    const file = join(dir, 'rows.csv');
    await writeFile(file, '\uFEFFuser,note\nada,"hello, world"\n\ngrace,"say ""hi"""\n');
    const rows = await loadDataFile(file);
    expect(rows.map((r) => Object.fromEntries(r))).toEqual([
      { user: 'ada', note: 'hello, world' },
      { user: 'grace', note: 'say "hi"' },
    ]);
  });
  it('reads a JSON array of objects; non-strings become JSON text; __proto__ is just a name', async () => {
    const file = join(dir, 'rows.json');
    await writeFile(file, '[{"id":1,"name":"a","tags":["x"]},{"__proto__":"p","id":2}]');
    const rows = await loadDataFile(file);
    expect(Object.fromEntries(rows[0] ?? new Map())).toEqual({ id: '1', name: 'a', tags: '["x"]' });
    expect(rows[1]?.get('__proto__')).toBe('p');
    expect(({} as Record<string, unknown>)['p']).toBeUndefined();
  });
  it('gives clear errors for bad files', async () => {
    const notArray = join(dir, 'obj.json');
    await writeFile(notArray, '{"a":1}');
    await expect(loadDataFile(notArray)).rejects.toMatchObject({ info: { kind: 'invalid-input' } });
    const badCsv = join(dir, 'bad.csv');
    await writeFile(badCsv, 'a,b\n1,2,3\n');
    await expect(loadDataFile(badCsv)).rejects.toMatchObject({ info: { kind: 'invalid-input' } });
    await expect(loadDataFile(join(dir, 'missing.csv'))).rejects.toMatchObject({ info: { kind: 'io' } });
  });
});

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportCmd } from '../../electron/cli/export';
import { importCmd } from '../../electron/cli/import';
import { importText } from '../../electron/importers/index';
import { parseCurl } from '../../electron/importers/curl';
import { tempDir } from '../collections/helpers';
import { bufferIo } from './buffer-io';

const FIXTURES = join(import.meta.dirname, '../fixtures/imports');
const DEMO = join(import.meta.dirname, '../../examples/demo');

function io(cwd: string, stdin = ''): ReturnType<typeof bufferIo> {
  return bufferIo({ cwd, stdin });
}

describe('salvo import / salvo export', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir('salvo-cli-')));
  afterEach(() => cleanup());

  it('imports a file (format detected), prints the report and exits 0 even with unmapped items', async () => {
    const t = io(dir);
    expect(await importCmd([join(FIXTURES, 'postman-v2.1.json'), '--into', 'pets'], t)).toBe(0);
    expect(t.out()).toContain('Imported 11 requests, 3 folders, 0 environments (postman) into');
    expect(t.out()).toContain('Not mapped (7):');
    expect(t.out()).toContain('  - Store/OAuth call: auth type "oauth2" is not supported (set to none)');
    expect(await readFile(join(dir, 'pets', 'salvo.yaml'), 'utf8')).toContain('name: Petstore (Postman 2.1)');
  });

  it('imports from stdin with an explicit format', async () => {
    const t = io(dir, "curl -X POST https://x.test/a -d '{\"a\":1}'");
    expect(await importCmd(['-', '--into', join(dir, 'one'), '--format', 'curl'], t)).toBe(0);
    expect(t.out()).toContain('Imported 1 request, 0 folders, 0 environments (curl)');
    expect(t.out()).toContain('Everything was mapped.');
  });

  it('exits 2 with a reason for unreadable, unrecognised or misused input', async () => {
    const cases: Array<[string[], string, RegExp]> = [
      [['missing.json', '--into', 'x'], '', /cannot read missing.json/],
      [['-', '--into', 'x'], '{"hello":"world"}', /unrecognised input/],
      [['-', '--into', 'x', '--format', 'openapi'], 'not: [valid', /invalid YAML/],
      [['-', '--into', 'x', '--format', 'soap'], '', /unknown format "soap"/],
      [['-'], '', /missing --into/],
      [['--into', 'x'], '', /missing input file/],
      [['-', '--into', 'x'], 'curl', /no URL|unrecognised/],
    ];
    for (const [argv, stdin, message] of cases) {
      const t = io(dir, stdin);
      expect(await importCmd(argv, t), argv.join(' ')).toBe(2);
      expect(t.err(), argv.join(' ')).toMatch(message);
    }
    await writeFile(join(dir, 'bin.json'), Buffer.from([0xff, 0xfe, 0x00, 0x01]));
    const t = io(dir);
    expect(await importCmd(['bin.json', '--into', 'y'], t)).toBe(2);
    // Importing twice into the same folder is refused, not merged.
    expect(await importCmd([join(FIXTURES, 'postman-v2.0.json'), '--into', 'z'], io(dir))).toBe(0);
    const again = io(dir);
    expect(await importCmd([join(FIXTURES, 'postman-v2.0.json'), '--into', 'z'], again)).toBe(2);
    expect(again.err()).toMatch(/already exists/);
    // Nor into a folder that holds other files.
    await writeFile(join(dir, 'notes.txt'), 'mine');
    const busy = io(dir);
    expect(await importCmd([join(FIXTURES, 'postman-v2.0.json'), '--into', '.'], busy)).toBe(2);
    expect(busy.err()).toMatch(/not empty/);
    expect(await readFile(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('exports the example collection as Postman v2.1 and as cURL', async () => {
    const p = io(dir);
    expect(await exportCmd([DEMO, '--format', 'postman'], p)).toBe(0);
    const back = importText(p.out()).collection;
    expect(back.name).toBe('Demo API');
    expect(back.items.map((i) => (i.kind === 'folder' ? i.folder.name : i.request.name))).toEqual(['Health check', 'Auth', 'Users']);
    // Default headers (collection, then folder) are folded into each request.
    const users = back.items[2];
    const list = users?.kind === 'folder' ? users.folder.items[0] : undefined;
    expect(list?.kind === 'request' && list.request.headers.map((x) => x.name)).toEqual(['Accept', 'X-Client']);

    const one = io(dir);
    expect(await exportCmd([DEMO, '--format=curl', '--request', 'users/create-user.yaml'], one)).toBe(0);
    const parsed = parseCurl(one.out()).request;
    expect(parsed).toMatchObject({ method: 'POST', url: '{{baseUrl}}/users', body: { mode: 'json' } });

    const all = io(dir);
    expect(await exportCmd([DEMO, '--format', 'curl'], all)).toBe(0);
    expect(all.out().match(/^curl /gm)).toHaveLength(5);
    expect(all.out()).toContain('# Log in (auth/login.yaml)');
  });

  it('export exits 2 for a folder that is not a collection, a missing request or bad usage', async () => {
    const cases: Array<[string[], RegExp]> = [
      [[dir, '--format', 'postman'], /not a readable Salvo collection|no salvo.yaml/],
      [[DEMO, '--format', 'curl', '--request', 'nope.yaml'], /no such request/],
      [[DEMO, '--format', 'curl', '--request', '../etc/passwd'], /unsafe path/],
      [[DEMO, '--format', 'har'], /unknown format "har"/],
      [[DEMO], /missing --format/],
      [[DEMO, '--format', 'postman', '--request', 'x.yaml'], /--request goes with --format curl/],
    ];
    for (const [argv, message] of cases) {
      const t = io(dir);
      expect(await exportCmd(argv, t), argv.join(' ')).toBe(2);
      expect(t.err(), argv.join(' ')).toMatch(message);
    }
  });
});

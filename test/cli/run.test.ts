import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCmd } from '../../electron/cli/run';
import type { CliIo } from '../../electron/cli/io';
import { writeCollection } from '../runner/collection-fixture';
import { startTarget } from '../runner/target-server';
import type { TargetServer } from '../runner/target-server';
import { checkJunit, parseXml } from '../runner/xml-checker';

let target: TargetServer;
let good = '';
let mixed = '';
let work = '';

function io(extra: Partial<CliIo> = {}): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (t: string) => (out += t), isTTY: false },
    stderr: { write: (t: string) => (err += t) },
    readStdin: () => Promise.resolve(''),
    env: { SALVO_SECRET_LOCAL_APIKEY: 'sekrit-123' },
    cwd: work,
    out: () => out,
    err: () => err,
    ...extra,
  };
}

beforeAll(async () => {
  target = await startTarget();
  work = await mkdtemp(join(tmpdir(), 'salvo-cli-run-'));
  const env = { name: 'local', variables: { base: target.url } };
  good = await writeCollection(
    'Good',
    [
      { path: 'login.yaml', request: { name: 'Login', url: '{{base}}/login/3', extractions: [{ from: 'json', variable: 'token', path: '$.token' }] } },
      { path: 'api/list.yaml', request: { name: 'List', url: '{{base}}/echo/{{token}}/{{user}}', assertions: [{ type: 'status-equals', value: 200 }, { type: 'json-matches', path: '$.url', pattern: 'tok-3' }] } },
    ],
    env,
  );
  mixed = await writeCollection(
    'Mixed',
    [
      { path: 'ok.yaml', request: { name: 'Ok', url: '{{base}}/json' } },
      { path: 'bad.yaml', request: { name: 'Bad', url: '{{base}}/json', assertions: [{ type: 'status-equals', value: 201 }] } },
      { path: 'later.yaml', request: { name: 'Later', url: '{{base}}/echo/later' } },
    ],
    env,
  );
  await writeFile(join(work, 'users.csv'), 'user\nada\ngrace\n');
});
afterAll(async () => {
  await target.close();
  for (const d of [good, mixed, work]) await rm(d, { recursive: true, force: true });
});

describe('salvo run', () => {
  it('exits 0 when everything passes, with data rows x iterations and a summary table', async () => {
    target.arrivals.length = 0;
    const t = io();
    const code = await runCmd([good, '--env', 'local', '--data', 'users.csv', '--iterations', '2'], t);
    expect(t.err()).toBe('');
    expect(code).toBe(0);
    expect(target.arrivals.map((a) => a.path)).toEqual(['/login/3', '/echo/tok-3/ada', '/login/3', '/echo/tok-3/grace', '/login/3', '/echo/tok-3/ada', '/login/3', '/echo/tok-3/grace']);
    expect(t.out()).toMatch(/Requests\s+8 done of 8 planned/);
    expect(t.out()).toMatch(/Assertions\s+8 passed, 0 failed/);
    expect(t.out()).toMatch(/latency\s+8/);
  });

  it('exits 1 when an assertion fails; --bail stops there; reports and history land in --out', async () => {
    target.arrivals.length = 0;
    const out = join(work, 'out1');
    const t = io();
    const code = await runCmd([mixed, '--env', 'local', '--bail', '--reporter', 'cli,json,junit,html', '--out', out], t);
    expect(code).toBe(1);
    expect(target.arrivals.map((a) => a.path)).toEqual(['/json', '/json']);
    const junit = parseXml(await readFile(join(out, 'junit.xml'), 'utf8'));
    checkJunit(junit);
    expect(junit.attributes).toMatchObject({ tests: '2', failures: '1', errors: '0' });
    const json = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as { results: unknown[]; stats: { failed: number } };
    expect(json.results).toHaveLength(2);
    expect(json.stats.failed).toBe(1);
    expect(await readFile(join(out, 'report.html'), 'utf8')).toContain('<svg');
    expect((await readdir(join(out, 'history'))).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    expect(t.out()).toMatch(/stopped on the first failure/);
  });

  it('runs only --request / --folder targets, concurrently, from a saved --config', async () => {
    await mkdir(join(mixed, 'runs'), { recursive: true });
    await writeFile(join(mixed, 'runs', 'smoke.yaml'), 'name: smoke\nenvironment: local\niterations: 3\nstages:\n  - name: main\n    targets: [ok.yaml, later.yaml]\n    concurrency: 4\n');
    target.arrivals.length = 0;
    expect(await runCmd([mixed, '--config', 'smoke'], io())).toBe(0);
    expect(target.arrivals).toHaveLength(6);
    target.arrivals.length = 0;
    expect(await runCmd([mixed, '--env', 'local', '--request', 'later.yaml', '--concurrency', '3', '--iterations', '5'], io())).toBe(0);
    expect(target.arrivals.map((a) => a.path)).toEqual(Array(5).fill('/echo/later'));
  });

  it('exits 2 for bad usage and for an unreadable collection', async () => {
    const cases: string[][] = [[], ['--concurrency', '0', good], [good, '--concurrency', 'x'], [good, '--nope'], [good, '--reporter', 'tap'], [join(work, 'missing')], [work], [good, '--request', 'nope.yaml'], [good, '--config', 'none'], [good, '--data', 'missing.csv']];
    for (const argv of cases) {
      const t = io();
      expect(await runCmd(argv, t), argv.join(' ')).toBe(2);
      expect(t.err()).toMatch(/salvo run: /);
    }
  });

  it('keeps secret values out of every report and history file', async () => {
    const secretCol = await writeCollection(
      'Secrets',
      [
        { path: 'key.yaml', request: { name: 'Key', url: '{{base}}/echo/q?key={{apikey}}', headers: [{ name: 'X-Api-Key', value: '{{apikey}}', enabled: true }], assertions: [{ type: 'body-contains', value: 'nope' }] } },
        { path: 'down.yaml', request: { name: 'Down', url: 'http://127.0.0.1:9/{{apikey}}' } },
      ],
      { name: 'local', variables: { base: target.url }, secrets: ['apikey'] },
    );
    const out = join(work, 'out-secrets');
    target.arrivals.length = 0;
    expect(await runCmd([secretCol, '--env', 'local', '--reporter', 'cli,json,junit,html', '--out', out], io())).toBe(1);
    // The secret really was sent...
    expect(target.arrivals[0]?.headers['x-api-key']).toBe('sekrit-123');
    // ...and appears in nothing written.
    const files = await readdir(out, { recursive: true, withFileTypes: true });
    const texts = await Promise.all(files.filter((f) => f.isFile()).map((f) => readFile(join(f.parentPath, f.name), 'utf8')));
    expect(texts.length).toBeGreaterThanOrEqual(4);
    for (const text of texts) expect(text).not.toContain('sekrit-123');
    await rm(secretCol, { recursive: true, force: true });
  });

  it('draws a progress bar on a TTY', async () => {
    let written = '';
    const t = io({ stdout: { write: (s: string) => (written += s), isTTY: true, columns: 100 } });
    expect(await runCmd([mixed, '--env', 'local', '--request', 'ok.yaml', '--iterations', '50', '--concurrency', '4'], t)).toBe(0);
    expect(written).toMatch(/\r\[#+\] 50\/50 100\.0%/);
  });
});

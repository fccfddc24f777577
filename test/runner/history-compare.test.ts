import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareRuns } from '../../electron/runner/compare-runs';
import { RunHistory } from '../../electron/runner/run-history';
import type { StoredRun } from '../../electron/runner/run-history';
import { RunStatsCollector } from '../../electron/runner/run-stats';
import type { RunStats } from '../../shared/model/run';
import { summary } from './summary';

function statsOf(rows: Array<[path: string, ms: number, passed: boolean]>): RunStats {
  const c = new RunStatsCollector(rows.length, () => 0);
  rows.forEach(([requestPath, durationMs, passed], seq) => c.add(summary({ seq, requestPath, durationMs, passed }), { connect: 0, tls: 0, ttfb: 0 }));
  return c.snapshot();
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'salvo-history-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('run comparison', () => {
  it('flags p95 worse by more than 20% and more failures, side by side', () => {
    const a = statsOf([['fast', 10, true], ['fast', 10, true], ['slow', 100, true], ['flaky', 5, true], ['gone', 5, true]]);
    const b = statsOf([['fast', 11.9, true], ['fast', 11.9, true], ['slow', 130, true], ['flaky', 5, false], ['new', 5, true]]);
    const rows = Object.fromEntries(compareRuns(a, b).map((r) => [r.requestPath, r]));
    expect(rows['fast']?.regression).toBe(false);
    expect(rows['slow']?.regression).toBe(true);
    expect(rows['slow']?.a?.p95).toBeCloseTo(100, 0);
    expect(rows['slow']?.b?.p95).toBeCloseTo(130, 0);
    expect(rows['flaky']).toMatchObject({ regression: true, a: { failed: 0 }, b: { failed: 1 } });
    expect(rows['gone']).toMatchObject({ b: undefined, regression: false });
    expect(rows['new']).toMatchObject({ a: undefined, regression: false });
  });
});

describe('run history', () => {
  it('keeps the newest runs up to its bound, filters by collection, skips corrupt files', async () => {
    const history = new RunHistory(dir, 3);
    const stats = statsOf([['a', 1, true]]);
    for (let i = 0; i < 5; i++) {
      const run: StoredRun = { runId: `run-${i}`, collectionName: 'c', configName: 'x', startedAt: 1000 + i, state: 'done', stats, collectionRoot: i % 2 === 0 ? '/even' : '/odd' };
      await history.save(run);
    }
    expect((await history.list()).map((r) => r.runId)).toEqual(['run-4', 'run-3', 'run-2']);
    expect((await history.list('/even')).map((r) => r.runId)).toEqual(['run-4', 'run-2']);
    await writeFile(join(dir, '999999999999999-bad.json'), '{not json');
    expect((await history.list()).map((r) => r.runId)).toEqual(['run-4', 'run-3', 'run-2']);
    expect((await history.get('run-3')).collectionRoot).toBe('/odd');
    await expect(history.get('run-0')).rejects.toMatchObject({ info: { kind: 'not-found' } });
    expect((await readdir(dir)).filter((f) => f.startsWith('.salvo-tmp'))).toEqual([]);
  });
});

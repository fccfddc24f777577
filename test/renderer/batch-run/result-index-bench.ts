// Benchmark (not a test): `npx tsx test/renderer/batch-run/result-index-bench.ts`.
// Prints per-frame cost of keeping the results table's order for 100,000 rows arriving in
// frame-sized batches: the incremental ResultIndex vs re-sorting everything each frame.
import type { ResultSummary } from '../../../shared/model/run';
import { ResultIndex, matchesFilter } from '../../../renderer/features/batch-run/result-index';
import type { TableView } from '../../../renderer/state/runs-store';
import { result } from './fixtures';

const TOTAL = 100_000;
const PER_FRAME = 500;

function rows(): ResultSummary[] {
  return Array.from({ length: TOTAL }, (_, i) => result(i, { durationMs: (i * 7919) % 1000, status: i % 13 === 0 ? 500 : 200, passed: i % 13 !== 0 }));
}

function naive(all: readonly ResultSummary[], view: TableView): number[] {
  const idx = all.map((_, i) => i).filter((i) => matchesFilter(all[i]!, view));
  return idx.sort((a, b) => (view.sortDesc ? -1 : 1) * ((all[a]![view.sortKey] as number) - (all[b]![view.sortKey] as number)) || all[a]!.seq - all[b]!.seq);
}

function measure(view: TableView, incremental: boolean): { meanMs: number; maxMs: number } {
  const all = rows();
  const index = new ResultIndex(view);
  let total = 0;
  let max = 0;
  for (let n = PER_FRAME; n <= TOTAL; n += PER_FRAME) {
    const slice = all.slice(0, n);
    const t0 = performance.now();
    if (incremental) index.sync(slice, view);
    else naive(slice, view);
    const dt = performance.now() - t0;
    total += dt;
    max = Math.max(max, dt);
  }
  return { meanMs: total / (TOTAL / PER_FRAME), maxMs: max };
}

const views: Array<[string, TableView]> = [
  ['arrival order', { sortKey: 'seq', sortDesc: false, status: 'all', failedOnly: false }],
  ['by time, desc', { sortKey: 'durationMs', sortDesc: true, status: 'all', failedOnly: false }],
  ['failed only, by time', { sortKey: 'durationMs', sortDesc: false, status: 'all', failedOnly: true }],
];
console.log(`${TOTAL} rows in frames of ${PER_FRAME}: ms per frame (mean / max)`);
console.log('view                   incremental        full re-sort       ratio (mean)');
for (const [name, view] of views) {
  const inc = measure(view, true);
  const full = measure(view, false);
  console.log(`${name.padEnd(22)} ${inc.meanMs.toFixed(2).padStart(6)} / ${inc.maxMs.toFixed(2).padStart(6)}    ${full.meanMs.toFixed(2).padStart(6)} / ${full.maxMs.toFixed(2).padStart(6)}    ${(full.meanMs / inc.meanMs).toFixed(1)}x`);
}

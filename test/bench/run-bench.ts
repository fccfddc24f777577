// `npm run bench`: Salvo's batch runner against baselines measured in the same run. Bounded; ends by itself.
// Every `salvo run` figure is the built CLI bundle (what users run), rebuilt from the current source first.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CliIo } from '../../electron/cli/io';
import type { main as cliMain } from '../../electron/cli/main';
import { writeCollection } from '../runner/collection-fixture';
import { build } from 'esbuild';
import type { engineLoop as engineLoopFn } from './engine-loop';
import { rawUndiciLoop } from './raw-undici';
import { startBenchTarget } from './start-bench-target';

interface Row {
  readonly what: string;
  readonly measured: string;
  readonly baseline: string;
  readonly ratio: number;
  readonly target: string;
  readonly ok: boolean;
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Rebuilds out/cli (scripts/build-cli.mjs, esbuild, about a second) and loads the CLI's `main` from it. */
async function loadBuiltCli(): Promise<typeof cliMain> {
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/build-cli.mjs'], { cwd: repoRoot, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`building the CLI bundle failed (node scripts/build-cli.mjs exited ${String(code)}); the bench measures out/cli/salvo-main.js`);
  const bundle = pathToFileURL(`${repoRoot}out/cli/salvo-main.js`).href;
  // eslint-disable-next-line no-unsanitized/method -- a fixed path inside this repository (the bundle just built), not input
  const loaded = (await import(bundle)) as { main?: typeof cliMain };
  if (typeof loaded.main !== 'function') throw new Error(`${bundle} does not export main; is scripts/build-cli.mjs out of date?`);
  return loaded.main;
}

function quietIo(cwd: string): CliIo {
  return { stdout: { write: () => true, isTTY: false }, stderr: { write: (t: string) => process.stderr.write(t) }, readStdin: () => Promise.resolve(''), env: {}, cwd };
}

/**
 * The engine-only loop, bundled like the CLI (same esbuild settings as scripts/build-cli.mjs) so
 * the split compares built code with built code.
 */
async function loadBuiltEngineLoop(dir: string): Promise<typeof engineLoopFn> {
  const outfile = join(dir, 'engine-loop.mjs');
  await build({ entryPoints: [fileURLToPath(new URL('./engine-loop.ts', import.meta.url))], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
  // eslint-disable-next-line no-unsanitized/method -- a file this bench just wrote into its own temp folder, not input
  const loaded = (await import(pathToFileURL(outfile).href)) as { engineLoop?: typeof engineLoopFn };
  if (typeof loaded.engineLoop !== 'function') throw new Error(`${outfile} does not export engineLoop`);
  return loaded.engineLoop;
}

let main: typeof cliMain;

// A full collection before the memory figure (c), so its baseline is the live heap; `gc` without --expose-gc on the command line.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** CPU milliseconds (user + system) the target server has used so far. */
async function serverCpuMs(origin: string): Promise<number> {
  const res = await fetch(`${origin}/__cpu`);
  const cpu = (await res.json()) as { user: number; system: number };
  return (cpu.user + cpu.system) / 1000;
}

interface Timed {
  readonly wallMs: number;
  /** CPU of this process (the client) and of the target during the work, in ms. */
  readonly clientCpuMs: number;
  readonly serverCpuMs: number;
}

/** Times `work` and the CPU both processes spent on it (the fetches of the server's CPU are outside the wall time). */
async function timed(origin: string, work: () => Promise<number>): Promise<Timed> {
  const server0 = await serverCpuMs(origin);
  const client0 = process.cpuUsage();
  const wallMs = await work();
  const client = process.cpuUsage(client0);
  const server1 = await serverCpuMs(origin);
  return { wallMs, clientCpuMs: (client.user + client.system) / 1000, serverCpuMs: server1 - server0 };
}

function cpuShare(t: Timed): string {
  return `client ${((100 * t.clientCpuMs) / t.wallMs).toFixed(0)} %, target ${((100 * t.serverCpuMs) / t.wallMs).toFixed(0)} % of one core`;
}

/** Runs `salvo run` of the built bundle in-process and returns the wall time. */
async function salvoRun(dir: string, request: string, iterations: number, concurrency: number): Promise<number> {
  const started = performance.now();
  const code = await main(['run', dir, '--env', 'bench', '--request', request, '--iterations', String(iterations), '--concurrency', String(concurrency)], quietIo(dir));
  const wall = performance.now() - started;
  if (code !== 0) throw new Error(`salvo run exited ${code}`);
  return wall;
}

async function peakMemoryDuring(work: () => Promise<unknown>): Promise<{ rssMb: number; heapMb: number; baseRssMb: number; baseHeapMb: number }> {
  const mb = (n: number): number => n / 1024 / 1024;
  const base = process.memoryUsage();
  let rss = base.rss;
  let heap = base.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 50);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return { rssMb: mb(rss), heapMb: mb(heap), baseRssMb: mb(base.rss), baseHeapMb: mb(base.heapUsed) };
}

async function bench(): Promise<void> {
  main = await loadBuiltCli();
  // packages: 'external' resolves undici from the repo's node_modules, so the temp bundle lives inside the repo's out/.
  const buildDir = await mkdtemp(join(repoRoot, 'out', 'bench-'));
  const engineLoop = await loadBuiltEngineLoop(buildDir);
  const server = await startBenchTarget();
  const rows: Row[] = [];
  const dir = await writeCollection('Bench', [{ path: 'json.yaml', request: { name: 'json', url: '{{base}}/json' } }, { path: 'slow.yaml', request: { name: 'slow', url: '{{base}}/slow50' } }], { name: 'bench', variables: { base: server.origin } });
  try {
    // Warm both paths (JIT, sockets) before measuring.
    await rawUndiciLoop(server.origin, '/json', 2000, 32);
    await salvoRun(dir, 'json.yaml', 2000, 32);

    // (a) throughput vs a raw undici Pool loop: ROUNDS rounds, each timing raw, salvo and the
    // engine alone back to back.
    const N = 10_000;
    const ROUNDS = 30;
    const rawRounds: Timed[] = [];
    const salvoRounds: Timed[] = [];
    const engineOnly: number[] = [];
    const measureRaw = async (): Promise<void> => void rawRounds.push(await timed(server.origin, async () => (await rawUndiciLoop(server.origin, '/json', N, 32)).wallMs));
    const measureSalvo = async (): Promise<void> => void salvoRounds.push(await timed(server.origin, () => salvoRun(dir, 'json.yaml', N, 32)));
    const measureEngine = async (): Promise<void> => void engineOnly.push(await engineLoop(`${server.origin}/json`, N, 32));
    // The rounds cycle through all six orders, so each side runs first, second and last, and after
    // each other side, equally often: none always inherits the other's garbage (a forced GC before
    // each measurement is no cure: it shrinks the young generation, which then costs the side that
    // allocates more).
    const orders = [
      [measureRaw, measureSalvo, measureEngine],
      [measureEngine, measureSalvo, measureRaw],
      [measureSalvo, measureRaw, measureEngine],
      [measureEngine, measureRaw, measureSalvo],
      [measureSalvo, measureEngine, measureRaw],
      [measureRaw, measureEngine, measureSalvo],
    ];
    for (let i = 0; i < ROUNDS; i++) for (const measure of orders[i % orders.length] ?? []) await measure();
    const raw = rawRounds.map((r) => r.wallMs);
    const salvo = salvoRounds.map((r) => r.wallMs);
    const rps = (ms: number): string => `${(N / (ms / 1000)).toFixed(0)} req/s`;
    // The figure is the median of the rounds' own ratios: each round times both sides within
    // seconds of each other, so a machine that speeds up or slows down between rounds (on a shared
    // VM, by ±30 %) moves both sides of a round alike and cancels out of its ratio. Best-of
    // figures compare rounds that may lie a minute apart; they are shown, not judged.
    const rounds = raw.map((r, i) => r / (salvo[i] ?? Number.POSITIVE_INFINITY));
    const ratio = median(rounds);
    const mean = rounds.reduce((a, b) => a + b, 0) / rounds.length;
    rows.push({ what: `(a) ${N} GET /json, concurrency 32`, measured: `salvo run: median of ${ROUNDS} paired rounds (mean ${mean.toFixed(2)})`, baseline: 'raw undici Pool, same round', ratio, target: '>= 0.90', ok: ratio >= 0.9 });
    rows.push({ what: `    (a) each round, raw time / salvo time`, measured: rounds.map((r) => r.toFixed(2)).join(', '), baseline: 'same round', ratio, target: 'info', ok: true });
    rows.push({ what: `    (a) median round of each side`, measured: `${rps(median(salvo))} (salvo run)`, baseline: `${rps(median(raw))} (raw undici Pool)`, ratio: median(raw) / median(salvo), target: 'info', ok: true });
    rows.push({ what: `    (a) best round of each side`, measured: `${rps(Math.min(...salvo))} (salvo run)`, baseline: `${rps(Math.min(...raw))} (raw undici Pool)`, ratio: Math.min(...raw) / Math.min(...salvo), target: 'info', ok: true });
    // A ratio against a target-bound baseline would mean nothing: show who used the CPU in the best rounds.
    const bestOf = (all: Timed[]): Timed => all.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
    const bestRaw = bestOf(rawRounds);
    const bestSalvo = bestOf(salvoRounds);
    rows.push({ what: `    (a) CPU in the best rounds (bound check)`, measured: `salvo: ${cpuShare(bestSalvo)}`, baseline: `raw: ${cpuShare(bestRaw)}`, ratio: bestSalvo.clientCpuMs / bestRaw.clientCpuMs, target: 'info', ok: true });
    rows.push({ what: `    (a) split: engine.send loop alone`, measured: `${rps(median(engineOnly))} (engine, median)`, baseline: `${rps(median(raw))} (raw undici Pool)`, ratio: median(raw.map((r, i) => r / (engineOnly[i] ?? Number.POSITIVE_INFINITY))), target: 'info', ok: true });
    rows.push({ what: `    (a) split: runner + CLI on top of the engine`, measured: `${rps(median(salvo))} (salvo run, median)`, baseline: `${rps(median(engineOnly))} (engine)`, ratio: median(engineOnly.map((e, i) => e / (salvo[i] ?? Number.POSITIVE_INFINITY))), target: 'info', ok: true });

    // (b) 2,000 requests to a 50 ms endpoint at concurrency 100 vs the ideal 2000/100 x 50 ms.
    const ideal = (2000 / 100) * 50;
    const slow = Math.min(await salvoRun(dir, 'slow.yaml', 2000, 100), await salvoRun(dir, 'slow.yaml', 2000, 100));
    rows.push({ what: '(b) 2000 GET /slow50, concurrency 100', measured: `${slow.toFixed(0)} ms wall`, baseline: `${ideal} ms ideal`, ratio: slow / ideal, target: '<= 1.30', ok: slow / ideal <= 1.3 });

    // (d) the same collection sequentially vs concurrently.
    const seq = Math.min(await salvoRun(dir, 'json.yaml', 2000, 1), await salvoRun(dir, 'json.yaml', 2000, 1));
    const par = Math.min(await salvoRun(dir, 'json.yaml', 2000, 32), await salvoRun(dir, 'json.yaml', 2000, 32));
    rows.push({ what: '(d) 2000 GET /json, concurrency 1 vs 32', measured: `${par.toFixed(0)} ms at 32`, baseline: `${seq.toFixed(0)} ms at 1`, ratio: seq / par, target: 'speed-up', ok: seq / par > 1 });

    // (c) peak memory of a 100,000-request run (RSS and heap of this process, server excluded).
    const big = 100_000;
    let bigWall = 0;
    collectGarbage();
    const mem = await peakMemoryDuring(async () => {
      bigWall = await salvoRun(dir, 'json.yaml', big, 32);
    });
    rows.push({ what: `(c) ${big} GET /json, concurrency 32: peak RSS`, measured: `${mem.rssMb.toFixed(0)} MB (heap ${mem.heapMb.toFixed(0)} MB)`, baseline: `${mem.baseRssMb.toFixed(0)} MB before (heap ${mem.baseHeapMb.toFixed(0)} MB)`, ratio: mem.rssMb / mem.baseRssMb, target: 'peak < 500 MB', ok: mem.rssMb < 500 });
    rows.push({ what: `    (same run) throughput`, measured: `${(big / (bigWall / 1000)).toFixed(0)} req/s`, baseline: `${rps(median(raw))} raw (a, median)`, ratio: big / (bigWall / 1000) / (N / (median(raw) / 1000)), target: 'info', ok: true });
  } finally {
    server.stop();
    await rm(dir, { recursive: true, force: true });
    await rm(buildDir, { recursive: true, force: true });
  }
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  process.stdout.write(`\nSalvo batch-runner benchmark (npm run bench) — ${cpus().length} x ${cpu}, Node ${process.version}, ${process.platform}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
  process.stdout.write('Each salvo figure is a whole in-process `salvo run` of the built CLI bundle out/cli (open collection, plan, run, summary); the engine-only split is bundled the same way; the target server runs in a child process.\n\n');
  const header = ['benchmark', 'measured', 'baseline (same run)', 'ratio', 'target', 'ok'];
  const table = [header, ...rows.map((r) => [r.what, r.measured, r.baseline, r.ratio.toFixed(2), r.target, r.ok ? 'yes' : 'NO'])];
  const widths = header.map((_, c) => Math.max(...table.map((r) => (r[c] ?? '').length)));
  for (const r of table) process.stdout.write(`| ${r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |\n`);
  process.stdout.write('\n');
}

bench().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);

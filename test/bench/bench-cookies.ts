// What the cookie jar costs a batch. (1) `salvo run` of 10,000 small GETs at concurrency 32 with
// the default fresh jar (empty: the bench server sets no cookies) against `--no-cookies`. (2) The
// engine alone, same load, with no jar, an empty jar, and a jar holding cookies that match (the
// `collection` mode after a login). Alternated, best of 5 each, as ratios to no jar.
// Run: node --import tsx test/bench/bench-cookies.ts
import { rm } from 'node:fs/promises';
import { runCmd } from '../../electron/cli/run';
import { SalvoCookieJar } from '../../electron/cookies/cookie-jar';
import { createEngine } from '../../electron/engine';
import type { CookieJarPort } from '../../electron/engine/types';
import { newRequestSpec } from '../../shared/model/request';
import type { CliIo } from '../../electron/cli/io';
import { writeCollection } from '../runner/collection-fixture';
import { startBenchTarget } from './start-bench-target';

const N = 10_000;
const ROUNDS = 6;

const quiet = (cwd: string): CliIo => ({ stdout: { write: () => true, isTTY: false }, stderr: { write: (t: string) => process.stderr.write(t) }, readStdin: () => Promise.resolve(''), env: {}, cwd });

async function wall(dir: string, extra: readonly string[]): Promise<number> {
  const started = performance.now();
  const code = await runCmd([dir, '--env', 'bench', '--request', 'json.yaml', '--iterations', String(N), '--concurrency', '32', ...extra], quiet(dir));
  if (code !== 0) throw new Error(`salvo run exited ${code}`);
  return performance.now() - started;
}

/** `concurrency` workers awaiting `engine.send` with the given jar. */
async function engineWall(url: string, jar: CookieJarPort | undefined): Promise<number> {
  const engine = createEngine({ connectionsPerOrigin: 32 });
  const spec = newRequestSpec({ url });
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < N) await engine.send(spec, { id: `b-${++next}`, bodyCapBytes: 4096, discardBeyondCap: true, ...(jar === undefined ? {} : { cookies: jar }) });
  };
  await Promise.all(Array.from({ length: 32 }, () => worker()));
  const ms = performance.now() - started;
  await engine.close();
  return ms;
}

async function filledJar(origin: string, matching: number, others: number): Promise<SalvoCookieJar> {
  const jar = new SalvoCookieJar();
  await jar.store(new URL(`${origin}/login`), Array.from({ length: matching }, (_, i) => `c${i}=${'v'.repeat(32)}; Path=/`));
  for (let i = 0; i < others; i++) await jar.store(new URL(`http://host${i}.example.com/`), [`o=${i}`]);
  return jar;
}

async function main(): Promise<void> {
  const server = await startBenchTarget();
  const dir = await writeCollection('Bench', [{ path: 'json.yaml', request: { name: 'json', url: '{{base}}/json' } }], { name: 'bench', variables: { base: server.origin } });
  try {
    if (process.env.ENGINE_ONLY === undefined) await cliRatio(dir);
    await engineRatios(server.origin);
  } finally {
    server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

const best = (xs: number[]): number => Math.min(...xs);
const rate = (ms: number): string => `${Math.round((N / ms) * 1000).toLocaleString('en')} req/s`;

async function cliRatio(dir: string): Promise<void> {
  await wall(dir, []);
  await wall(dir, ['--no-cookies']);
  const jar: number[] = [];
  const off: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    // Which goes first alternates: the run after another pays for its garbage.
    if (i % 2 === 0) {
      off.push(await wall(dir, ['--no-cookies']));
      jar.push(await wall(dir, []));
    } else {
      jar.push(await wall(dir, []));
      off.push(await wall(dir, ['--no-cookies']));
    }
  }
  process.stdout.write(`salvo run, no jar (--no-cookies): ${rate(best(off))}\nsalvo run, empty jar (default):   ${rate(best(jar))}  ratio ${(best(off) / best(jar)).toFixed(3)}\n`);
}

async function engineRatios(origin: string): Promise<void> {
  const url = `${origin}/json`;
  const cases: Array<{ name: string; jar: () => Promise<CookieJarPort | undefined> }> = [
    { name: 'engine, no jar', jar: () => Promise.resolve(undefined) },
    { name: 'engine, empty jar', jar: () => Promise.resolve(new SalvoCookieJar()) },
    { name: 'engine, 2 matching cookies', jar: () => filledJar(origin, 2, 0) },
    { name: 'engine, 2 matching + 200 other hosts', jar: () => filledJar(origin, 2, 200) },
  ];
  const times = cases.map(() => [] as number[]);
  await engineWall(url, undefined);
  // The order rotates each round, so no case always follows the same one.
  for (let i = 0; i < ROUNDS; i++) {
    for (let j = 0; j < cases.length; j++) {
      const k = (i + j) % cases.length;
      const c = cases[k];
      if (c !== undefined) times[k]?.push(await engineWall(url, await c.jar()));
    }
  }
  const baseline = best(times[0] ?? []);
  for (const [k, c] of cases.entries()) process.stdout.write(`${c.name.padEnd(38)} ${rate(best(times[k] ?? [])).padStart(12)}  ratio ${(baseline / best(times[k] ?? [])).toFixed(3)}\n`);
}

await main();

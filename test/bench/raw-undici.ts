import { Pool } from 'undici';

/** What the raw loop keeps per response: the same facts Salvo keeps (status, headers, body, timing). */
export interface RawResult {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Uint8Array;
  readonly ms: number;
}

/** The baseline: a minimal undici Pool loop, `concurrency` workers sending `count` GETs. */
export async function rawUndiciLoop(origin: string, path: string, count: number, concurrency: number): Promise<{ wallMs: number; results: RawResult[] }> {
  const pool = new Pool(origin, { connections: concurrency, pipelining: 1 });
  const results: RawResult[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < count) {
      next++;
      const t0 = performance.now();
      const res = await pool.request({ origin, path, method: 'GET' });
      const body = new Uint8Array(await res.body.arrayBuffer());
      results.push({ status: res.statusCode, headers: res.headers, body, ms: performance.now() - t0 });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, () => worker()));
  const wallMs = performance.now() - started;
  await pool.close();
  return { wallMs, results };
}

import { Pool } from 'undici';
import { DEFAULT_ACCEPT, DEFAULT_ACCEPT_ENCODING, USER_AGENT } from '../../electron/engine/prepare';

/** What the raw loop keeps per response: the same facts Salvo keeps (status, headers, body, timing). */
export interface RawResult {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Uint8Array;
  readonly ms: number;
}

/**
 * The request Salvo sends for a saved GET without headers of its own: its default headers go on
 * the wire, so the baseline sends them too (the same bytes for the target to parse).
 */
const SAME_HEADERS = { 'user-agent': USER_AGENT, accept: DEFAULT_ACCEPT, 'accept-encoding': DEFAULT_ACCEPT_ENCODING };

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
      const res = await pool.request({ origin, path, method: 'GET', headers: SAME_HEADERS });
      const body = new Uint8Array(await res.body.arrayBuffer());
      results.push({ status: res.statusCode, headers: res.headers, body, ms: performance.now() - t0 });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, () => worker()));
  const wallMs = performance.now() - started;
  await pool.close();
  return { wallMs, results };
}

import { createEngine } from '../../electron/engine';
import { newRequestSpec } from '../../shared/model/request';

/** The request engine alone (no runner): `concurrency` workers awaiting `engine.send`, for attributing the gap. */
export async function engineLoop(url: string, count: number, concurrency: number): Promise<number> {
  const engine = createEngine({ connectionsPerOrigin: concurrency });
  const spec = newRequestSpec({ url });
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < count) {
      const id = `bench-${++next}`;
      await engine.send(spec, { id, bodyCapBytes: 4096, discardBeyondCap: true });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, () => worker()));
  const wallMs = performance.now() - started;
  await engine.close();
  return wallMs;
}

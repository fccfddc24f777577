import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Results per chunk: reports of 100,000 results are built and written piecewise. */
export const CHUNK = 500;

/**
 * Writes a report piece by piece so no single synchronous step serialises a whole large run;
 * each chunk is awaited, which lets the main process serve other events in between.
 */
export async function writeChunked(path: string, pieces: AsyncIterable<string> | Iterable<string>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const handle = await open(path, 'w', 0o644);
  try {
    let buffer = '';
    for await (const piece of pieces) {
      buffer += piece;
      if (buffer.length >= 256 * 1024) {
        await handle.write(buffer);
        buffer = '';
      }
    }
    if (buffer.length > 0) await handle.write(buffer);
  } finally {
    await handle.close();
  }
}

/** Yields `render(results[i..i+CHUNK])` for each chunk. */
export function* chunks<T>(items: readonly T[], render: (slice: readonly T[]) => string): Generator<string> {
  for (let i = 0; i < items.length; i += CHUNK) yield render(items.slice(i, i + CHUNK));
}

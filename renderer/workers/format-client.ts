import type { FormatResponse } from './json-format';
import { formatJsonText } from './json-format';

/** Below this size formatting is cheaper inline than a worker round trip. */
export const INLINE_FORMAT_LIMIT = 64 * 1024;

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, (response: FormatResponse) => void>();

function getWorker(): Worker | undefined {
  if (worker !== undefined) return worker;
  if (typeof Worker === 'undefined') return undefined;
  worker = new Worker(new URL('./json-format.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<FormatResponse>) => {
    pending.get(event.data.id)?.(event.data);
    pending.delete(event.data.id);
  };
  worker.onerror = () => {
    // A dead worker fails every waiting request rather than leaving them hanging.
    for (const [id, resolve] of pending) resolve({ id, ok: false, error: 'formatter worker failed' });
    pending.clear();
    worker = undefined;
  };
  return worker;
}

/** Pretty-prints (or JSONPath-filters) JSON off the UI thread when it is big (inline when small or when workers are unavailable). */
export function formatJson(text: string, indent = 2, jsonPath?: string): Promise<FormatResponse> {
  const id = nextId++;
  const request = jsonPath === undefined ? { id, text, indent } : { id, text, indent, jsonPath };
  const w = text.length > INLINE_FORMAT_LIMIT ? getWorker() : undefined;
  if (w === undefined) return Promise.resolve(formatJsonText(request));
  return new Promise((resolve) => {
    pending.set(id, resolve);
    w.postMessage(request);
  });
}

import type { SalvoApi } from '../../../shared/ipc/contract';
import type { RunProgress } from '../../../shared/model/run';
import { useRunsStore } from '../../state/runs-store';

/** A hidden tab gets no animation frames; flush on a timer then so counters still move. */
const HIDDEN_FALLBACK_MS = 250;

/**
 * Subscribes to `run:progress` and applies queued events with ONE store update per animation
 * frame, however many events arrived. Returns the unsubscribe function.
 */
export function bindRunEvents(api: SalvoApi): () => void {
  let queue: RunProgress[] = [];
  let frame: number | undefined;
  let fallback: ReturnType<typeof setTimeout> | undefined;

  const flush = (): void => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    if (fallback !== undefined) clearTimeout(fallback);
    frame = undefined;
    fallback = undefined;
    const batch = queue;
    queue = [];
    useRunsStore.getState().applyProgress(batch);
  };

  const off = api.on('run:progress', (progress) => {
    queue.push(progress);
    if (frame !== undefined) return;
    frame = requestAnimationFrame(flush);
    fallback = setTimeout(flush, HIDDEN_FALLBACK_MS);
  });

  return () => {
    off();
    if (frame !== undefined) cancelAnimationFrame(frame);
    if (fallback !== undefined) clearTimeout(fallback);
    frame = undefined;
    fallback = undefined;
    queue = [];
  };
}

import type { SalvoApi } from '../../../shared/ipc/contract';
import type { RunProgress } from '../../../shared/model/run';
import { useRunsStore } from '../../state/runs-store';

/** A hidden tab gets no animation frames; flush on a timer then so counters still move. */
const HIDDEN_FALLBACK_MS = 250;
/**
 * Live counters and rows need no more than ~10 updates a second to look live; fewer renders
 * leave the main thread to typing and scrolling during big runs.
 */
const DEFAULT_MIN_INTERVAL_MS = 100;

/** Tuning of the run-event binder. */
export interface BindRunEventsOptions {
  /** Least time between two store updates (each still lands in an animation frame). */
  readonly minIntervalMs?: number;
}

/**
 * Subscribes to `run:progress` and applies queued events with ONE store update per animation
 * frame (and at most one per `minIntervalMs`), however many events arrived. Returns the unsubscribe.
 */
export function bindRunEvents(api: SalvoApi, options: BindRunEventsOptions = {}): () => void {
  const minInterval = options.minIntervalMs ?? DEFAULT_MIN_INTERVAL_MS;
  let queue: RunProgress[] = [];
  let frame: number | undefined;
  let fallback: ReturnType<typeof setTimeout> | undefined;
  let delay: ReturnType<typeof setTimeout> | undefined;
  let lastFlush = Number.NEGATIVE_INFINITY;

  const clearTimers = (): void => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    if (fallback !== undefined) clearTimeout(fallback);
    if (delay !== undefined) clearTimeout(delay);
    frame = undefined;
    fallback = undefined;
    delay = undefined;
  };

  const flush = (): void => {
    clearTimers();
    lastFlush = Date.now();
    const batch = queue;
    queue = [];
    if (batch.length > 0) useRunsStore.getState().applyProgress(batch);
  };

  const requestFrame = (): void => {
    delay = undefined;
    frame = requestAnimationFrame(flush);
    fallback = setTimeout(flush, HIDDEN_FALLBACK_MS);
  };

  const off = api.on('run:progress', (progress) => {
    queue.push(progress);
    if (frame !== undefined || delay !== undefined) return;
    // A run's last event is applied at once: the final state should not wait.
    const wait = progress.state === 'running' ? lastFlush + minInterval - Date.now() : 0;
    if (wait > 0) delay = setTimeout(requestFrame, wait);
    else requestFrame();
  });

  return () => {
    off();
    clearTimers();
    queue = [];
  };
}

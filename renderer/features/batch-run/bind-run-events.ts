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

/** Rows fetched per `run:results` page when re-hydrating a run this window joined late. */
const HYDRATE_PAGE = 5000;

/**
 * A run that was under way before this window loaded (e.g. after a reload): its earlier rows are
 * fetched page by page; rows seen twice are dropped by seq, so live events may overlap freely.
 */
async function hydrate(api: SalvoApi, runId: string, upTo: number): Promise<void> {
  for (let offset = 0; offset < upTo; offset += HYDRATE_PAGE) {
    const page = await api.invoke['run:results']({ runId, offset, limit: HYDRATE_PAGE });
    // A run no longer in memory keeps only what live events bring.
    if (!page.ok || page.value.length === 0) return;
    useRunsStore.getState().hydrateResults(runId, page.value);
  }
}

/** Marks runs as seen; returns the events of runs this window did not start and whose first rows it never received. */
function lateJoins(joined: Set<string>, batch: readonly RunProgress[]): RunProgress[] {
  const late: RunProgress[] = [];
  const runs = useRunsStore.getState().runs;
  for (const ev of batch) {
    if (joined.has(ev.runId)) continue;
    joined.add(ev.runId);
    const firstSeq = Math.min(...ev.results.map((r) => r.seq));
    if (runs[ev.runId] === undefined && ev.stats.done > ev.results.length && firstSeq > 0) late.push(ev);
  }
  return late;
}

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
  // Runs this binder has seen an event of; the first event of an unknown run may need hydration.
  const joined = new Set<string>();

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
    if (batch.length === 0) return;
    const late = lateJoins(joined, batch);
    useRunsStore.getState().applyProgress(batch);
    for (const ev of late) hydrate(api, ev.runId, ev.stats.done).catch((err: unknown) => console.error('could not load earlier results', err));
  };

  const requestFrame = (): void => {
    delay = undefined;
    frame = requestAnimationFrame(flush);
    fallback = setTimeout(flush, HIDDEN_FALLBACK_MS);
  };

  const off = api.on('run:progress', (progress) => {
    queue.push(progress);
    const isFinal = progress.state !== 'running';
    // A run's last event is applied in the next frame: the final state should not wait.
    if (isFinal && delay !== undefined) {
      clearTimeout(delay);
      delay = undefined;
    }
    if (frame !== undefined || delay !== undefined) return;
    const wait = isFinal ? 0 : lastFlush + minInterval - Date.now();
    if (wait > 0) delay = setTimeout(requestFrame, wait);
    else requestFrame();
  });

  return () => {
    off();
    clearTimers();
    queue = [];
  };
}

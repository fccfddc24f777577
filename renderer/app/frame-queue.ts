/** Schedules work for the next frame; injectable so tests can flush by hand. */
export type Scheduler = (flush: () => void) => void;

/** The browser's animation-frame scheduler (falls back to a timer where rAF is missing). */
export const animationFrameScheduler: Scheduler = (flush) => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => flush());
  else setTimeout(flush, 16);
};

/**
 * Collects items and hands them to `apply` in one batch per frame, so a burst of events costs
 * one store update and one render instead of one per event.
 */
export function createFrameQueue<T>(apply: (batch: readonly T[]) => void, schedule: Scheduler = animationFrameScheduler): (item: T) => void {
  let pending: T[] = [];
  let isScheduled = false;
  const flush = (): void => {
    isScheduled = false;
    const batch = pending;
    pending = [];
    if (batch.length > 0) apply(batch);
  };
  return (item) => {
    pending.push(item);
    if (!isScheduled) {
      isScheduled = true;
      schedule(flush);
    }
  };
}

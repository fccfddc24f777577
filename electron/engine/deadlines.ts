/**
 * Coarse deadlines for long limits, checked by one shared sweep instead of a native timer per
 * exchange. A batch arms, re-arms and clears headers and body-idle limits thousands of times a
 * second, and a Node timer costs about a microsecond for that each time; marking activity here
 * costs a field write. A swept limit fires at most 2 x SWEEP_MS late (activity is noted at the next
 * sweep, the expiry seen at the one after), so only limits of COARSE_FROM_MS or more are swept:
 * shorter ones keep an exact timer of their own.
 */

export const SWEEP_MS = 100;
export const COARSE_FROM_MS = 2000;

/** Something with a deadline: told the time at every sweep while it is watched. */
export interface Swept {
  sweep(now: number): void;
}

const watched = new Set<Swept>();
let sweeper: NodeJS.Timeout | undefined;

function sweepAll(): void {
  if (watched.size === 0) {
    clearInterval(sweeper);
    sweeper = undefined;
    return;
  }
  const now = performance.now();
  for (const item of watched) item.sweep(now);
}

/** Starts sweeping `item` (the sweep never keeps the process alive: the exchange's socket does). */
export function watchDeadline(item: Swept): void {
  watched.add(item);
  if (sweeper === undefined) {
    sweeper = setInterval(sweepAll, SWEEP_MS);
    sweeper.unref();
  }
}

/** Stops sweeping `item`; the sweep itself stops at its next turn once nothing is watched. */
export function unwatchDeadline(item: Swept): void {
  watched.delete(item);
}

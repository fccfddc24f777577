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
  /** Its slot in the sweep's list while watched (-1 when not), kept by this module. */
  sweepSlot: number;
}

// A slot array with a free list, not a Set: watching and unwatching run for every exchange, and a
// Set churned this fast kept finished exchanges reachable across scavenges (measured: twice the
// heap, scavenges of 8 ms instead of 1). A cleared slot drops its reference at once.
const slots: Array<Swept | undefined> = [];
const free: number[] = [];
let count = 0;
let sweeper: NodeJS.Timeout | undefined;

function sweepAll(): void {
  if (count === 0) {
    clearInterval(sweeper);
    sweeper = undefined;
    slots.length = 0;
    free.length = 0;
    return;
  }
  const now = performance.now();
  for (let i = 0; i < slots.length; i++) slots[i]?.sweep(now);
}

/** Starts sweeping `item` (the sweep never keeps the process alive: the exchange's socket does). */
export function watchDeadline(item: Swept): void {
  if (item.sweepSlot >= 0) return;
  const slot = free.pop() ?? slots.length;
  slots[slot] = item;
  item.sweepSlot = slot;
  count++;
  if (sweeper === undefined) {
    sweeper = setInterval(sweepAll, SWEEP_MS);
    sweeper.unref();
  }
}

/** Stops sweeping `item`; the sweep itself stops at its next turn once nothing is watched. */
export function unwatchDeadline(item: Swept): void {
  const slot = item.sweepSlot;
  if (slot < 0) return;
  slots[slot] = undefined;
  free.push(slot);
  item.sweepSlot = -1;
  count--;
}

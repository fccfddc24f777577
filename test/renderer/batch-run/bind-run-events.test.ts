import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventChannel, EventMap, SalvoApi } from '../../../shared/ipc/contract';
import { bindRunEvents } from '../../../renderer/features/batch-run/bind-run-events';
import { resetRunsStore, runResults, useRunsStore } from '../../../renderer/state/runs-store';
import { progress, result } from './fixtures';
import { testApi } from './test-api';

/** An api whose events the test pushes; invokes are not used by the binder. */
function eventApi(): { api: SalvoApi; push<E extends EventChannel>(c: E, p: EventMap[E]): void; listeners(): number } {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const api = {
    invoke: {} as SalvoApi['invoke'],
    on: (channel: EventChannel, listener: (p: never) => void) => {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener as (p: unknown) => void);
      return () => set.delete(listener as (p: unknown) => void);
    },
  } as SalvoApi;
  return { api, push: (c, p) => listeners.get(c)?.forEach((l) => l(p)), listeners: () => [...listeners.values()].reduce((n, s) => n + s.size, 0) };
}

let frames: Array<() => void> = [];
beforeEach(() => {
  resetRunsStore();
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb));
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
});
afterEach(() => vi.unstubAllGlobals());

describe('bindRunEvents', () => {
  it('applies every event of a frame with one store update', () => {
    const { api, push, listeners } = eventApi();
    const off = bindRunEvents(api, { minIntervalMs: 0 });
    let updates = 0;
    const unsub = useRunsStore.subscribe(() => updates++);
    for (let i = 0; i < 40; i++) push('run:progress', progress('r1', i * 25, 25, 1000));
    expect(updates).toBe(0);
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(updates).toBe(1);
    expect(runResults('r1').size).toBe(1000);
    push('run:progress', progress('r1', 1000, 1, 1001, 'done'));
    frames.shift()!();
    expect(updates).toBe(2);
    expect(useRunsStore.getState().runs.r1?.state).toBe('done');
    unsub();
    off();
    expect(listeners()).toBe(0);
  });

  it('spaces updates at least minIntervalMs apart, but applies a final state at once', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const { api, push } = eventApi();
      const off = bindRunEvents(api, { minIntervalMs: 100 });
      let updates = 0;
      const unsub = useRunsStore.subscribe(() => updates++);
      push('run:progress', progress('r1', 0, 10, 100));
      frames.shift()!();
      expect(updates).toBe(1);
      // Events within the interval wait for it, then for a frame.
      push('run:progress', progress('r1', 10, 10, 100));
      push('run:progress', progress('r1', 20, 10, 100));
      expect(frames).toHaveLength(0);
      vi.advanceTimersByTime(99);
      expect(frames).toHaveLength(0);
      vi.advanceTimersByTime(1);
      expect(frames).toHaveLength(1);
      frames.shift()!();
      expect(updates).toBe(2);
      expect(runResults('r1').size).toBe(30);
      // The end of a run is not held back, even behind a pending interval.
      push('run:progress', progress('r1', 30, 10, 100));
      expect(frames).toHaveLength(0);
      push('run:progress', progress('r1', 40, 60, 100, 'done'));
      expect(frames).toHaveLength(1);
      frames.shift()!();
      expect(useRunsStore.getState().runs.r1?.state).toBe('done');
      unsub();
      off();
    } finally {
      vi.useRealTimers();
    }
  });

  it('loads the earlier rows of a run it joined late (window reloaded mid-run)', async () => {
    const pages: Array<{ offset: number; limit: number }> = [];
    const { api, push } = testApi({
      'run:results': (arg) => {
        pages.push({ offset: arg.offset ?? 0, limit: arg.limit ?? 0 });
        const from = arg.offset ?? 0;
        const to = Math.min(from + (arg.limit ?? 0), 7000);
        return Array.from({ length: Math.max(0, to - from) }, (_, i) => result(from + i));
      },
    });
    const off = bindRunEvents(api, { minIntervalMs: 0 });
    // The first event this window sees already has 7,000 results behind it.
    push('run:progress', progress('late', 7000, 10, 10_000));
    frames.shift()!();
    await vi.waitFor(() => expect(runResults('late').size).toBe(7010));
    expect(pages).toEqual([{ offset: 0, limit: 5000 }, { offset: 5000, limit: 5000 }]);
    expect(useRunsStore.getState().runs.late?.received).toBe(7010);
    // A run whose first event starts at seq 0 is not re-fetched.
    push('run:progress', progress('fresh', 0, 10, 10));
    frames.shift()!();
    expect(pages).toHaveLength(2);
    off();
  });

  it('still flushes when no animation frame comes (hidden tab)', () => {
    vi.useFakeTimers();
    try {
      const { api, push } = eventApi();
      const off = bindRunEvents(api);
      push('run:progress', progress('r1', 0, 3, 3, 'done'));
      vi.advanceTimersByTime(300);
      expect(useRunsStore.getState().runs.r1?.received).toBe(3);
      off();
    } finally {
      vi.useRealTimers();
    }
  });
});

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Browser, Page } from 'playwright-core';

/**
 * Attributes the renderer's long tasks with a Chromium trace. A long task's wall time is what a
 * user feels, but on a shared two-core machine it also counts time the thread sat runnable while
 * other processes had the cores: the trace's thread time (CPU actually spent in the task) and its
 * breakdown (script, GC, layout, paint…) tell our work from the scheduler's.
 */

/** Light categories: task boundaries with thread time, the timeline breakdown and user-timing marks. */
const CATEGORIES = ['toplevel', 'devtools.timeline', 'blink.user_timing'];

/** The page mark that aligns the page's clock (performance.now) with the trace's. */
export const TRACE_ANCHOR = 'salvo-trace-anchor';

/** One observed long task, in the page's clock (ms). */
export interface ObservedTask {
  readonly start: number;
  readonly duration: number;
}

/** A long task as the trace saw it. */
export interface AttributedTask extends ObservedTask {
  /** CPU time the main thread spent in the task (ms), or undefined when the trace has no matching task. */
  readonly cpuMs: number | undefined;
  /** The biggest parts of the task by thread time, e.g. "FunctionCall 31 ms, Paint 4 ms". */
  readonly breakdown: string;
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string };
}

/** Starts tracing the page's renderer and drops the anchor mark; returns the anchor's page time. */
export async function startMainThreadTrace(browser: Browser, page: Page): Promise<number> {
  await browser.startTracing(page, { categories: CATEGORIES });
  return page.evaluate((name) => performance.mark(name).startTime, TRACE_ANCHOR);
}

const isTask = (e: TraceEvent): boolean => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask';

function breakdownOf(task: TraceEvent, events: readonly TraceEvent[]): string {
  const end = task.ts + (task.dur ?? 0);
  const byName = new Map<string, number>();
  for (const e of events) {
    if (e === task || e.ph !== 'X' || isTask(e) || e.ts < task.ts || e.ts + (e.dur ?? 0) > end) continue;
    byName.set(e.name, (byName.get(e.name) ?? 0) + (e.tdur ?? e.dur ?? 0));
  }
  return [...byName]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([name, us]) => `${name} ${Math.round(us / 1000)} ms`)
    .join(', ');
}

/** Where and whether to keep the raw trace (for DevTools or Perfetto). */
export interface AttributeOptions {
  /** Written only when there is a long task to look at. */
  readonly savePath?: string;
}

/**
 * Stops tracing and matches each observed long task to the renderer main-thread task that overlaps
 * it most (the anchor mark gives the offset between the page's clock and the trace's).
 */
export async function attributeLongTasks(browser: Browser, anchorPageMs: number, observed: readonly ObservedTask[], opts: AttributeOptions = {}): Promise<AttributedTask[]> {
  const buffer = await browser.stopTracing();
  if (observed.length > 0 && opts.savePath !== undefined) {
    await mkdir(dirname(opts.savePath), { recursive: true });
    await writeFile(opts.savePath, buffer);
  }
  const raw = JSON.parse(buffer.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(raw) ? raw : (raw.traceEvents ?? []);
  const anchor = events.find((e) => e.name === TRACE_ANCHOR);
  const main = anchor === undefined ? undefined : events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === anchor.pid && e.args?.name === 'CrRendererMain');
  const thread = main === undefined ? [] : events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const tasks = thread.filter(isTask);
  return observed.map((t) => {
    if (anchor === undefined) return { ...t, cpuMs: undefined, breakdown: 'no anchor mark in the trace' };
    const from = anchor.ts + (t.start - anchorPageMs) * 1000;
    const to = from + t.duration * 1000;
    let best: TraceEvent | undefined;
    let bestOverlap = 0;
    for (const e of tasks) {
      const overlap = Math.min(to, e.ts + (e.dur ?? 0)) - Math.max(from, e.ts);
      if (overlap > bestOverlap) {
        best = e;
        bestOverlap = overlap;
      }
    }
    // The observer and the trace time the same task: they overlap almost entirely.
    if (best !== undefined && bestOverlap >= (to - from) / 2) return { ...t, cpuMs: (best.tdur ?? best.dur ?? 0) / 1000, breakdown: breakdownOf(best, thread) };
    // No single trace task covers it: count the whole CPU time of every task that overlaps its
    // span (an upper bound of what the thread did meanwhile).
    const overlapping = tasks.filter((e) => e.ts < to && e.ts + (e.dur ?? 0) > from);
    if (overlapping.length === 0) return { ...t, cpuMs: undefined, breakdown: 'no task in the trace over its span' };
    const cpuUs = overlapping.reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0), 0);
    return { ...t, cpuMs: cpuUs / 1000, breakdown: `${overlapping.length} trace tasks over its span, ${Math.round((bestOverlap / (to - from)) * 100)} % in the longest` };
  });
}

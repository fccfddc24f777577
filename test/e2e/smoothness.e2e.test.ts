import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BatchPage, SCREENSHOT_DIR, makeCollection, openCollectionInUi, startHarness, startTarget } from './harness';
import { attributeLongTasks, startMainThreadTrace } from './main-thread-trace';
import type { AttributedTask, ObservedTask } from './main-thread-trace';

/**
 * Long tasks (> 50 ms on the main thread) and input events (Event Timing: from the key press to
 * the next paint after it was handled) are collected in the page from its start, so the Node side
 * (which also runs the app server here) cannot colour the numbers.
 */
const PROBES = `
  window.__salvoLongTasks = [];
  window.__salvoInputEvents = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__salvoLongTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__salvoInputEvents.push({ name: e.name, start: e.startTime, duration: e.duration });
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
`;

const REQUESTS = 20_000;
/** A key press must be painted within this long, even mid-run ("good" interaction to next paint). */
const KEY_LATENCY_BUDGET_MS = 200;
/** The long-task threshold: a task that used less CPU than this was only long because it waited for a core. */
const LONG_TASK_MS = 50;
/** A run with long tasks leaves its trace here (test-artifacts/traces), to open in DevTools or Perfetto. */
const TRACE_DIR = join(SCREENSHOT_DIR, '..', 'traces');

/** What one attempt measured, on its own browser, app server and target. */
interface Attempt {
  readonly seconds: number;
  readonly doneWhileTyping: number;
  readonly doneAtEnd: number;
  readonly targetSaw: number;
  readonly finalState: string;
  readonly longTasks: readonly AttributedTask[];
  readonly phases: readonly string[];
  readonly maxKeyMs: number;
  readonly keyEvents: number;
  readonly typedValue: string;
  readonly consoleErrors: readonly string[];
  readonly pageErrors: readonly string[];
}

const TYPED = 'typedwhilerunning';

const tracePath = (label: string): string => join(TRACE_DIR, `smoothness-${label.replace(/\s+/g, '-')}.json`);

/** Runs the whole flow once on a fresh target, app server, browser and page. */
async function runAttempt(label: string): Promise<Attempt> {
  const dir = await mkdtemp(join(tmpdir(), 'salvo-smooth-e2e-'));
  const target = await startTarget(() => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' }));
  const h = await startHarness({
    beforeLoad: async (page) => {
      await page.addInitScript({ content: PROBES });
    },
  }).catch(async (err: unknown) => {
    await target.close();
    await rm(dir, { recursive: true, force: true });
    throw err;
  });
  try {
    await makeCollection(h, join(dir, 'api'), 'Smooth API', [{ name: 'fast', spec: { method: 'GET', url: `${target.origin}/fast` } }]);
    await openCollectionInUi(h, join(dir, 'api'));
    const { page } = h;
    // A request open in the editor, to type into while the batch runs.
    await page.getByTestId('tree-item').filter({ hasText: 'fast' }).first().click();
    const url = page.getByTestId('url-input');
    await url.waitFor();

    const batch = new BatchPage(page);
    await batch.openDialogFor('fast');
    const anchor = await startMainThreadTrace(h.browser, page);
    await batch.start({ concurrency: 50, iterations: REQUESTS, name: 'smooth' });
    const startMark = await page.evaluate(() => performance.now());

    // Type while results stream in; each key must appear promptly.
    // Waited for in the page: polling from Node would itself add work to the page's main thread.
    await h.waitInPage(() => Number((document.querySelector('[data-testid="run-done"]')?.textContent ?? '').split('/')[0]) >= 500, undefined, { timeoutMs: 30_000 });
    await url.click();
    await page.keyboard.press('End');
    const typingFrom = await page.evaluate(() => performance.now());
    // Letters appended to the path: no query, so no param-table sync rewrites the text.
    for (let i = 0; i < TYPED.length; i++) {
      await page.keyboard.type(TYPED.charAt(i));
      await page.waitForFunction((expected) => (document.querySelector('[data-testid="url-input"]') as HTMLInputElement | null)?.value.endsWith(expected), TYPED.slice(0, i + 1), { polling: 'raf', timeout: 10_000 });
    }
    const typingTo = await page.evaluate(() => performance.now());
    const doneWhileTyping = await batch.done();

    // Waited for on the Node side first: polling the page for the state would add tasks to its main thread.
    await h.waitFor(() => target.seen.length >= REQUESTS, { timeoutMs: 180_000, what: 'the target to see every request' });
    const finalState = await batch.waitFinished(60_000);
    const endMark = await page.evaluate(() => performance.now());
    const probes = await page.evaluate(() => {
      const w = window as unknown as { __salvoLongTasks: ObservedTask[]; __salvoInputEvents: Array<ObservedTask & { name: string }> };
      return { longTasks: w.__salvoLongTasks, inputs: w.__salvoInputEvents };
    });
    const observed = probes.longTasks.filter((t) => t.start >= startMark && t.start <= endMark);
    const longTasks = await attributeLongTasks(h.browser, anchor, observed, { savePath: tracePath(label) });
    await h.screenshot(label === 'attempt 1' ? 'batch-panel-20k-done' : `batch-panel-20k-done-${label.replace(/\s+/g, '-')}`);
    const keyEvents = probes.inputs.filter((e) => e.start >= typingFrom && e.start <= typingTo && /^key|^input|^beforeinput/.test(e.name));
    const phase = (t: ObservedTask): string => (t.start < typingFrom ? 'before typing' : t.start <= typingTo ? 'typing' : 'after typing');
    return {
      seconds: (endMark - startMark) / 1000,
      doneWhileTyping,
      doneAtEnd: await batch.done(),
      targetSaw: target.seen.length,
      finalState,
      longTasks,
      phases: longTasks.map(phase),
      maxKeyMs: Math.max(0, ...keyEvents.map((e) => e.duration)),
      keyEvents: keyEvents.length,
      typedValue: await url.inputValue(),
      consoleErrors: [...h.consoleErrors],
      pageErrors: [...h.pageErrors],
    };
  } finally {
    await h.close();
    await target.close();
    await rm(dir, { recursive: true, force: true });
  }
}

function report(label: string, a: Attempt): string {
  const tasks = a.longTasks.map((t, i) => `  ${a.phases[i]}: ${Math.round(t.duration)} ms wall, ${t.cpuMs === undefined ? '?' : Math.round(t.cpuMs)} ms CPU (${t.breakdown})`);
  return [
    `smoothness ${label}: ${REQUESTS} requests in ${a.seconds.toFixed(1)} s (${Math.round(REQUESTS / a.seconds)} req/s), typed while ${a.doneWhileTyping} were done; machine load ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`,
    `long tasks: ${a.longTasks.length}${tasks.length > 0 ? ` (trace: ${tracePath(label)})` : ' (none)'}`,
    ...tasks,
    `slowest key event (press to paint): ${Math.round(a.maxKeyMs)} ms (${a.keyEvents} key events reported at >= 16 ms)`,
    `console errors: ${a.consoleErrors.length} ${a.consoleErrors.slice(0, 3).join(' / ').slice(0, 300)}`,
  ].join('\n');
}

/** Every gate of one attempt. */
function expectClean(a: Attempt): void {
  expect(a.finalState).toBe('done');
  expect(a.doneAtEnd).toBe(REQUESTS);
  expect(a.targetSaw).toBe(REQUESTS);
  expect(a.doneWhileTyping).toBeLessThan(REQUESTS);
  expect(a.longTasks.map((t) => ({ duration: Math.round(t.duration), cpuMs: t.cpuMs, breakdown: t.breakdown }))).toEqual([]);
  expect(a.maxKeyMs).toBeLessThan(KEY_LATENCY_BUDGET_MS);
  expect(a.typedValue).toContain(TYPED);
  expect(a.consoleErrors).toEqual([]);
  expect(a.pageErrors).toEqual([]);
}

/**
 * A failed attempt earns a second one only when all it failed on were long tasks the trace shows
 * were not our work: each used less CPU than the threshold and only ran long while waiting for a
 * core (two cores shared with the app server, the batch engine and the other processes).
 */
function onlyWaitedForCpu(a: Attempt): boolean {
  const othersClean = a.finalState === 'done' && a.doneAtEnd === REQUESTS && a.targetSaw === REQUESTS && a.maxKeyMs < KEY_LATENCY_BUDGET_MS && a.consoleErrors.length === 0 && a.pageErrors.length === 0 && a.typedValue.includes(TYPED);
  return othersClean && a.longTasks.length > 0 && a.longTasks.every((t) => t.cpuMs !== undefined && t.cpuMs < LONG_TASK_MS);
}

describe('smoothness', () => {
  it('stays responsive during a 20,000-request batch at full speed', { timeout: 360_000 }, async () => {
    const first = await runAttempt('attempt 1');
    console.info(report('attempt 1', first));
    if (!onlyWaitedForCpu(first)) {
      expectClean(first);
      return;
    }
    // Each attempt has its own target, server and page, so this one passes on its own merits only.
    const second = await runAttempt('attempt 2');
    console.info(report('attempt 2', second));
    expectClean(second);
  });
});

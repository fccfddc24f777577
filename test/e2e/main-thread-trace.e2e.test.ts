import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './harness';
import { attributeLongTasks, startMainThreadTrace } from './main-thread-trace';
import type { ObservedTask } from './main-thread-trace';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('main-thread trace', () => {
  it('matches a long task the page caused to its script, with the CPU it used', async () => {
    const page = await browser.newPage();
    await page.setContent('<p>busy page</p>');
    await page.evaluate(() => {
      const w = window as unknown as { __tasks: Array<{ start: number; duration: number }> };
      w.__tasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__tasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    const anchor = await startMainThreadTrace(browser, page);
    // A fixed amount of work (not a fixed time), so its CPU time stays above the threshold however
    // busy the machine is; in a timer, a task of the page's own (DevTools evaluations are not observed).
    await page.evaluate(() => {
      setTimeout(() => {
        let x = 0;
        for (let i = 0; i < 5e7; i++) x += Math.sqrt(i);
        document.body.dataset.x = String(x);
      }, 0);
    });
    await page.waitForFunction(() => (window as unknown as { __tasks: unknown[] }).__tasks.length > 0);
    const observed = await page.evaluate(() => (window as unknown as { __tasks: ObservedTask[] }).__tasks);
    const [task] = await attributeLongTasks(browser, anchor, observed);
    expect(task?.cpuMs).toBeGreaterThan(50);
    expect(task?.cpuMs).toBeLessThanOrEqual((task?.duration ?? 0) + 2);
    expect(task?.breakdown).toMatch(/TimerFire|FunctionCall/);
    await page.close();
  });
});

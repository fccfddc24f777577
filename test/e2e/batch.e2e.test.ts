import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchPage, makeCollection, openCollectionInUi, startHarness, startTarget } from './harness';
import type { Harness, TargetServer } from './harness';

let h: Harness;
let target: TargetServer;
let dir: string;
let batch: BatchPage;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'salvo-batch-e2e-'));
  // Slow enough answers that the run lasts a while and the table visibly fills.
  let flakyHits = 0;
  target = await startTarget((req) => {
    // Every fifth /flaky answer is a 500, so a run of it has failures to re-run.
    const isFailure = req.url?.startsWith('/flaky') === true && ++flakyHits % 5 === 0;
    return { status: isFailure ? 500 : 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: req.url }), delayMs: req.url?.startsWith('/slow') ? 40 : 20 };
  });
  h = await startHarness();
  await makeCollection(h, join(dir, 'api'), 'Batch API', [
    { name: 'item', spec: { method: 'GET', url: `${target.origin}/item`, assertions: [{ type: 'status-equals', value: 200 }] } },
    { name: 'slow', spec: { method: 'GET', url: `${target.origin}/slow` } },
    { name: 'after', spec: { method: 'GET', url: `${target.origin}/after` } },
    { name: 'flaky', spec: { method: 'GET', url: `${target.origin}/flaky`, assertions: [{ type: 'status-equals', value: 200 }] } },
  ]);
  await openCollectionInUi(h, join(dir, 'api'));
  batch = new BatchPage(h.page);
});

afterAll(async () => {
  await h?.close();
  await target?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('batch runs in the browser', () => {
  it('runs 2,000 requests at concurrency 50 and the table fills live', async () => {
    const before = target.seen.length;
    await batch.openDialogFor('item');
    await batch.sampleProgress();
    await batch.start({ concurrency: 50, iterations: 2000, name: 'two-thousand' });
    // Mid-run: some rows are in the table while the run is still going.
    await h.waitInPage(() => {
      const done = Number((document.querySelector('[data-testid="run-done"]')?.textContent ?? '').split('/')[0]);
      return done > 0 && done < 2000 && document.querySelectorAll('[data-testid="results-scroll"] [data-seq]').length > 0;
    }, undefined, { timeoutMs: 30_000 });
    await h.screenshot('batch-panel-running');
    expect(await batch.waitFinished()).toBe('done');
    await h.screenshot('batch-panel-done');

    expect(await batch.done()).toBe(2000);
    expect(await h.page.getByTestId('results-count').textContent()).toBe('2000 results');
    expect(await h.page.getByTestId('run-failed').textContent()).toBe('0');
    expect(target.seen.length - before).toBe(2000);
    expect(target.maxInFlight()).toBeLessThanOrEqual(50);
    expect(target.maxInFlight()).toBeGreaterThan(10);
    // It filled progressively: many distinct intermediate counts were on screen.
    const samples = await batch.samples();
    expect(samples.filter((n) => n > 0 && n < 2000).length).toBeGreaterThanOrEqual(3);
    // Virtualized: only a screenful of rows is in the DOM.
    const rendered = await batch.renderedRows();
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(200);
    expect(h.pageErrors).toEqual([]);
  });

  it('filters, sorts and opens a row to see its full response', async () => {
    await h.page.getByLabel('Failed only').check();
    expect(await h.page.getByTestId('results-count').textContent()).toBe('0 of 2000 results');
    await h.page.getByLabel('Failed only').uncheck();
    await h.page.getByRole('button', { name: 'Time', exact: true }).click();
    await h.page.getByRole('button', { name: 'Time ▲' }).click();
    await h.page.getByRole('button', { name: 'Time ▼' }).waitFor();
    const firstRow = h.page.locator('[data-testid="results-scroll"] [data-seq]').first();
    await firstRow.click();
    await h.page.getByTestId('detail-status').waitFor();
    expect(await h.page.getByTestId('detail-status').textContent()).toBe('200 OK');
    expect(await h.page.getByTestId('detail-body').textContent()).toContain('"path":"/item"');
    await h.screenshot('batch-result-detail');
  });

  it('cancels a batch: no request reaches the server after the cancel, and the next run works', async () => {
    await batch.openDialogFor('slow');
    await batch.start({ concurrency: 10, iterations: 5000, name: 'to-cancel' });
    await h.waitFor(async () => (await batch.done()) >= 50, { what: 'first results of the run to cancel', timeoutMs: 30_000 });
    await batch.cancel();
    expect(await batch.waitFinished()).toBe('cancelled');
    const cancelledAt = Date.now();
    const doneAtCancel = await batch.done();
    expect(doneAtCancel).toBeLessThan(5000);
    const slowSeen = target.seen.filter((r) => r.url.startsWith('/slow')).length;
    // Requests in flight at the cancel were aborted, not left to finish: the server saw at most
    // what finished plus the in-flight slots.
    expect(slowSeen).toBeLessThanOrEqual(doneAtCancel + 10);

    // The next run works, and while it runs (and after) no request of the cancelled run arrives.
    await batch.openDialogFor('after');
    await batch.start({ concurrency: 5, iterations: 40, name: 'after-cancel' });
    expect(await batch.waitFinished()).toBe('done');
    expect(await batch.done()).toBe(40);
    expect(target.seen.filter((r) => r.url.startsWith('/after')).length).toBe(40);
    const late = target.seen.filter((r) => r.url.startsWith('/slow') && r.at > cancelledAt);
    expect(late).toEqual([]);
    expect(target.seen.filter((r) => r.url.startsWith('/slow')).length).toBe(slowSeen);
    // Nothing of either run is still being answered.
    expect(target.inFlight()).toBe(0);
  });

  it('re-runs the failed requests and exports a report (path typed in browser mode)', async () => {
    await batch.openDialogFor('flaky');
    await batch.start({ concurrency: 5, iterations: 50, name: 'flaky-run' });
    expect(await batch.waitFinished()).toBe('done');
    expect(Number(await h.page.getByTestId('run-failed').textContent())).toBe(10);
    await h.page.getByLabel('Filter by status').selectOption('5xx');
    expect(await h.page.getByTestId('results-count').textContent()).toBe('10 of 50 results');
    await h.page.getByLabel('Filter by status').selectOption('all');

    const reportPath = join(dir, 'flaky-report.json');
    await h.page.getByLabel('Report format').selectOption('json');
    await h.page.getByRole('button', { name: 'Export…' }).click();
    await h.page.getByLabel('Report path').fill(reportPath);
    await h.page.getByRole('button', { name: 'Save report' }).click();
    await h.page.getByText(`Report saved to ${reportPath}`).waitFor();
    const report = JSON.parse(await readFile(reportPath, 'utf8')) as Record<string, unknown>;
    expect(JSON.stringify(report)).toContain('flaky');

    const firstRunId = await h.page.getByRole('region', { name: 'Batch run' }).getAttribute('data-run-id');
    const flakyBefore = target.seen.filter((r) => r.url.startsWith('/flaky')).length;
    await h.page.getByRole('button', { name: 'Re-run failed (10)' }).click();
    await h.waitFor(async () => (await h.page.getByRole('region', { name: 'Batch run' }).getAttribute('data-run-id')) !== firstRunId, { what: 'the re-run to become the active run' });
    expect(await batch.waitFinished()).toBe('done');
    // Only the failed request (one path) ran again, with the run's iterations; both runs stay listed.
    expect(await batch.done()).toBe(50);
    expect(target.seen.filter((r) => r.url.startsWith('/flaky')).length - flakyBefore).toBe(50);
    expect(await h.page.getByLabel('Run', { exact: true }).locator('option').count()).toBeGreaterThanOrEqual(2);
    await h.screenshot('batch-rerun-failed');
  });

  it('a reload mid-run keeps the bridge (token in sessionStorage) and the table re-fills', async () => {
    await batch.openDialogFor('item');
    await batch.start({ concurrency: 10, iterations: 1500, name: 'across-reload' });
    await h.waitFor(async () => (await batch.done()) >= 100, { what: 'the run to be under way', timeoutMs: 30_000 });
    await h.reload();
    expect(h.page.url()).not.toContain('token=');
    // Live events bring the run back; rows from before the reload are fetched with run:results.
    await h.page.getByTestId('run-done').waitFor({ timeout: 30_000 });
    expect(await batch.waitFinished()).toBe('done');
    await h.waitFor(async () => (await h.page.getByTestId('results-count').textContent()) === '1500 results', { what: 'all 1500 rows after the reload' });
    expect(await batch.done()).toBe(1500);
  });
});

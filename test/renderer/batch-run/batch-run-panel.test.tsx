import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ResponseView } from '../../../shared/model/response';
import { RunConfigSchema } from '../../../shared/model/run';
import type { RunConfig } from '../../../shared/model/run';
import { BatchRunPanel, RunDialog, provideBatchRunApi } from '../../../renderer/features/batch-run';
import { resetRunsStore, useRunsStore } from '../../../renderer/state/runs-store';
import { progress, result, stats } from './fixtures';
import { testApi } from './test-api';

function view(body: string): ResponseView {
  return {
    id: 'run:r1:3', method: 'GET', url: 'http://127.0.0.1/a', status: 200, statusText: 'OK', httpVersion: '1.1', headers: [['content-type', 'text/html']],
    contentType: 'text/html', charset: 'utf-8', isBinary: false, sizes: { headers: 10, bodyWire: body.length, bodyDecoded: body.length },
    timings: { dns: 0, connect: 1, tls: 0, send: 0, ttfb: 2, download: 1, total: 4 }, reusedConnection: false, remoteAddress: '127.0.0.1', remotePort: 1,
    redirects: [], incomplete: false, spilledToFile: false, error: undefined, startedAt: 0, sent: { method: 'GET', url: 'http://127.0.0.1/a', headers: [] },
    bodyBytes: body.length, preview: body, previewEncoding: 'text', previewTruncated: false,
  };
}

// jsdom does no layout: give elements a viewport so the virtualizer renders rows.
const clientHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight');
const clientWidth = Object.getOwnPropertyDescriptor(Element.prototype, 'clientWidth');
beforeEach(() => {
  resetRunsStore();
  Object.defineProperty(Element.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(Element.prototype, 'clientWidth', { configurable: true, get: () => 900 });
  // jsdom has no 2D canvas; the chart then draws nothing (its drawing runs in the e2e flows).
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
});
afterEach(() => {
  if (clientHeight) Object.defineProperty(Element.prototype, 'clientHeight', clientHeight);
  if (clientWidth) Object.defineProperty(Element.prototype, 'clientWidth', clientWidth);
  cleanup();
  provideBatchRunApi(undefined);
});

describe('RunDialog', () => {
  it('starts a run with the chosen settings and records it', async () => {
    const started: RunConfig[] = [];
    const { api, calls } = testApi({
      'env:list': () => ['dev', 'prod'],
      'runConfig:list': () => [],
      'run:start': (arg) => {
        started.push(RunConfigSchema.parse(arg.config));
        return { runId: 'r1', planned: 2000 };
      },
    });
    provideBatchRunApi(api);
    render(<RunDialog />);
    expect(screen.queryByRole('dialog')).toBeNull();
    act(() => useRunsStore.getState().openRunDialog('c1', ['users']));
    const user = userEvent.setup();
    await screen.findByRole('option', { name: 'prod' });
    await user.clear(screen.getByLabelText('Concurrency'));
    await user.type(screen.getByLabelText('Concurrency'), '50');
    await user.clear(screen.getByLabelText('Iterations'));
    await user.type(screen.getByLabelText('Iterations'), '400');
    await user.selectOptions(screen.getByLabelText('Environment'), 'prod');
    await user.click(screen.getByRole('checkbox', { name: /stop on first failure/i }));
    await user.click(screen.getByRole('button', { name: 'Start run' }));
    await waitFor(() => expect(useRunsStore.getState().dialog).toBeUndefined());
    expect(started[0]).toMatchObject({ iterations: 400, environment: 'prod', stopOnFailure: true, stages: [{ targets: ['users'], concurrency: 50 }], connectionsPerOrigin: 64 });
    expect(useRunsStore.getState().runs.r1).toMatchObject({ collectionId: 'c1', planned: 2000 });
    expect(calls.some((c) => c.channel === 'run:start')).toBe(true);
  });

  it('refuses bad numbers with a readable message and starts nothing', async () => {
    const { api, calls } = testApi({ 'env:list': () => [], 'runConfig:list': () => [] });
    provideBatchRunApi(api);
    render(<RunDialog />);
    act(() => useRunsStore.getState().openRunDialog('c1', []));
    const user = userEvent.setup();
    await user.clear(screen.getByLabelText('Concurrency'));
    await user.type(screen.getByLabelText('Concurrency'), '0');
    await user.click(screen.getByRole('button', { name: 'Start run' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Concurrency must be a whole number from 1 to 1000/);
    expect(calls.some((c) => c.channel === 'run:start')).toBe(false);
  });

  it('loads and saves run configurations', async () => {
    const saved = RunConfigSchema.parse({ name: 'nightly', iterations: 7, stages: [{ name: 'setup', concurrency: 1, targets: ['login.yaml'] }, { name: 'load', concurrency: 20, targets: ['users'] }] });
    const { api, calls } = testApi({ 'env:list': () => [], 'runConfig:list': () => [saved], 'runConfig:save': () => undefined });
    provideBatchRunApi(api);
    render(<RunDialog />);
    act(() => useRunsStore.getState().openRunDialog('c1', []));
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByLabelText('Saved configuration'), 'nightly');
    expect((screen.getByLabelText('Iterations') as HTMLInputElement).value).toBe('7');
    await user.clear(screen.getByLabelText('Stage load concurrency'));
    await user.type(screen.getByLabelText('Stage load concurrency'), '30');
    await user.click(screen.getByRole('button', { name: 'Save configuration' }));
    await screen.findByText(/Saved run configuration/);
    const save = calls.find((c) => c.channel === 'runConfig:save')?.arg as { config: RunConfig };
    expect(save.config.stages.map((s) => [s.name, s.concurrency])).toEqual([['setup', 1], ['load', 30]]);
  });
});

describe('RunDialog stages', () => {
  it('builds ordered stages: serial setup, concurrent fan-out', async () => {
    const started: RunConfig[] = [];
    const { api } = testApi({ 'env:list': () => [], 'runConfig:list': () => [], 'run:start': (arg) => (started.push(RunConfigSchema.parse(arg.config)), { runId: 'r5', planned: 3 }) });
    provideBatchRunApi(api);
    render(<RunDialog />);
    act(() => useRunsStore.getState().openRunDialog('c1', ['users']));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add stage' }));
    await user.clear(screen.getByLabelText('Stage 1 name'));
    await user.type(screen.getByLabelText('Stage 1 name'), 'login');
    await user.clear(screen.getByLabelText('Stage 1 targets'));
    await user.type(screen.getByLabelText('Stage 1 targets'), 'auth/login.yaml');
    await user.click(screen.getByRole('button', { name: 'Add stage' }));
    await user.type(screen.getByLabelText('Stage 2 targets'), 'users, orders');
    await user.clear(screen.getByLabelText('Stage stage 2 concurrency'));
    await user.type(screen.getByLabelText('Stage stage 2 concurrency'), '25');
    expect(screen.queryByLabelText('Concurrency')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Start run' }));
    await waitFor(() => expect(started).toHaveLength(1));
    expect(started[0]?.stages).toEqual([
      { name: 'login', targets: ['auth/login.yaml'], concurrency: 1 },
      { name: 'stage 2', targets: ['users', 'orders'], concurrency: 25 },
    ]);
  });
});

describe('BatchRunPanel', () => {
  it('shows live counters and rows, filters, and opens a result as text', async () => {
    const { api, calls } = testApi({ 'run:result': () => view('<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">') });
    provideBatchRunApi(api);
    render(<BatchRunPanel />);
    screen.getByText(/No batch run yet/);
    act(() => {
      useRunsStore.getState().runStarted('r1', 'c1', 10, RunConfigSchema.parse({ name: 'smoke' }));
      useRunsStore.getState().applyProgress([
        { runId: 'r1', state: 'running', results: [result(0), result(1), result(2, { status: 500, passed: false }), result(3)], stats: stats(4, 10, { failed: 1, passed: 3 }) },
      ]);
    });
    expect(screen.getByTestId('run-done').textContent).toBe('4 / 10');
    expect(screen.getByTestId('results-count').textContent).toBe('4 results');
    expect(screen.getByRole('button', { name: 'Cancel run' })).toBeTruthy();
    await userEvent.setup().selectOptions(screen.getByLabelText('Filter by status'), '5xx');
    expect(screen.getByTestId('results-count').textContent).toBe('1 of 4 results');
    fireEvent.click(screen.getByLabelText('Failed only'));
    act(() => useRunsStore.getState().setTable({ status: 'all', failedOnly: false }));
    fireEvent.click(document.querySelector('[data-seq="3"]')!);
    const body = await screen.findByTestId('detail-body');
    expect(body.textContent).toContain('<script>window.__pwned = 1</script>');
    expect(document.querySelector('.batch-detail script, .batch-detail img')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    expect(calls.find((c) => c.channel === 'run:result')?.arg).toEqual({ runId: 'r1', seq: 3 });
  });

  it('selects a row by click or Enter, and the mark stays on it while more rows stream in', () => {
    const { api } = testApi({ 'run:result': () => view('ok') });
    provideBatchRunApi(api);
    render(<BatchRunPanel />);
    act(() => {
      useRunsStore.getState().runStarted('r1', 'c1', 10, RunConfigSchema.parse({ name: 'smoke' }));
      useRunsStore.getState().applyProgress([progress('r1', 0, 4, 10)]);
    });
    const row = (seq: number): HTMLElement => document.querySelector(`[data-seq="${seq}"]`)!;
    const first = row(1);
    fireEvent.click(first);
    expect(first.getAttribute('aria-selected')).toBe('true');
    act(() => useRunsStore.getState().applyProgress([progress('r1', 4, 4, 10)]));
    // The same element (rows are keyed by seq), still marked; the new rows are not.
    expect(row(1)).toBe(first);
    expect(first.getAttribute('aria-selected')).toBe('true');
    expect(row(6).getAttribute('aria-selected')).toBe('false');
    fireEvent.keyDown(row(6), { key: 'Enter' });
    expect(useRunsStore.getState().selectedSeq).toBe(6);
    expect(row(6).getAttribute('aria-selected')).toBe('true');
    expect(first.getAttribute('aria-selected')).toBe('false');
  });

  it('cancels, and offers re-run failed when done', async () => {
    const { api, calls } = testApi({ 'run:cancel': () => true, 'run:start': () => ({ runId: 'r2', planned: 1 }) });
    provideBatchRunApi(api);
    render(<BatchRunPanel />);
    act(() => {
      useRunsStore.getState().runStarted('r1', 'c1', 3, RunConfigSchema.parse({ name: 'smoke' }));
      useRunsStore.getState().applyProgress([progress('r1', 0, 2, 3)]);
    });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel run' }));
    await waitFor(() => expect(calls.some((c) => c.channel === 'run:cancel')).toBe(true));
    act(() => useRunsStore.getState().applyProgress([{ runId: 'r1', state: 'cancelled', results: [result(2, { passed: false, status: 0, errorKind: 'cancelled' })], stats: stats(3, 3, { failed: 1 }) }]));
    expect(screen.queryByRole('button', { name: 'Cancel run' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Re-run failed (1)' }));
    await waitFor(() => expect(useRunsStore.getState().activeRunId).toBe('r2'));
    expect(calls.find((c) => c.channel === 'run:start')?.arg).toMatchObject({ collectionId: 'c1', onlyFailedOf: 'r1' });
  });

  it('exports through a typed path when there is no save dialog (browser mode)', async () => {
    const { api, calls } = testApi({ 'dialog:saveFile': () => ({ canceled: true, unsupported: true }), 'run:report': (arg) => ({ path: arg.path }) });
    provideBatchRunApi(api);
    render(<BatchRunPanel />);
    act(() => {
      useRunsStore.getState().runStarted('r1', 'c1', 1, RunConfigSchema.parse({ name: 'smoke' }));
      useRunsStore.getState().applyProgress([progress('r1', 0, 1, 1, 'done')]);
    });
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Report format'), 'junit');
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    await user.type(await screen.findByLabelText('Report path'), '/tmp/out.xml');
    await user.click(screen.getByRole('button', { name: 'Save report' }));
    await screen.findByText('Report saved to /tmp/out.xml');
    expect(calls.find((c) => c.channel === 'run:report')?.arg).toEqual({ runId: 'r1', format: 'junit', path: '/tmp/out.xml' });
  });
});

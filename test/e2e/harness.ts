import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { WebSocket } from 'ws';
import type { InvokeChannel, InvokeInput, InvokeOutput, Result } from '../../shared/ipc/contract';
import type { ResultFrame } from '../../shared/ipc/web-bridge';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startWebServer } from '../../electron/web/start-web-server';
import { RENDERER_OUT, ensureRendererBuilt } from './build-renderer';

/** Debian's Chromium (installed by .ci/run). */
export const CHROMIUM_PATH = process.env.SALVO_CHROMIUM ?? '/usr/bin/chromium';
/** Where screenshots go (uploaded as test artifacts). */
export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-artifacts/screenshots');

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

export interface HarnessOptions {
  /** Reuse a user-data folder (e.g. to test persistence); a fresh temp one by default. */
  readonly userDataDir?: string;
  readonly viewport?: { readonly width: number; readonly height: number };
  /** Runs before the page loads (e.g. `page.addInitScript` probes). */
  readonly beforeLoad?: (page: Page) => Promise<void>;
}

export interface WaitOptions {
  readonly timeoutMs?: number;
  /** Said in the timeout error. */
  readonly what?: string;
}

/** A running app in Chromium over the browser-mode bridge, with the real handlers. */
export interface Harness {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly browser: Browser;
  readonly userDataDir: string;
  readonly server: { readonly url: string; readonly origin: string; readonly port: number; readonly token: string };
  /** Uncaught page errors and console errors seen so far. */
  readonly pageErrors: readonly string[];
  readonly consoleErrors: readonly string[];
  /** Polls a Node-side condition until it returns a truthy value (never a fixed sleep). */
  waitFor<T>(probe: () => T | Promise<T>, opts?: WaitOptions): Promise<NonNullable<T>>;
  /** Waits for an in-page condition (`page.waitForFunction`). */
  waitInPage<A>(fn: ((arg: A) => unknown) | string, arg: A, opts?: WaitOptions): Promise<void>;
  /** Saves a full-page screenshot to test-artifacts/screenshots/<name>.png; returns the path. */
  screenshot(name: string): Promise<string>;
  /**
   * Calls a handler over the same bridge the page uses (Node-side client with the token and our
   * Origin): for test setup such as creating collections. Throws on an error result.
   */
  invoke<C extends InvokeChannel>(channel: C, arg: InvokeInput<C>): Promise<InvokeOutput<C>>;
  /** Reloads the page (the token survives in sessionStorage). */
  reload(): Promise<void>;
  close(): Promise<void>;
}

/** Polls `probe` every few ms until truthy or the timeout passes. */
export async function waitUntil<T>(probe: () => T | Promise<T>, opts: WaitOptions = {}): Promise<NonNullable<T>> {
  const deadline = Date.now() + (opts.timeoutMs ?? 15_000);
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${opts.what ?? 'condition'}${last instanceof Error ? `: ${last.message}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A Node-side bridge client, opened lazily, for `Harness.invoke`. */
function nodeBridge(server: { port: number; token: string; origin: string }): { call(channel: string, arg: unknown): Promise<unknown>; close(): void } {
  let socket: Promise<WebSocket> | undefined;
  let nextId = 1;
  const pending = new Map<number, (r: Result<unknown>) => void>();
  const open = (): Promise<WebSocket> => {
    socket ??= new Promise((resolveSocket, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/bridge?token=${encodeURIComponent(server.token)}`, { origin: server.origin });
      ws.on('open', () => resolveSocket(ws));
      ws.on('error', reject);
      ws.on('message', (data: Buffer) => {
        const frame = JSON.parse(data.toString()) as ResultFrame | { t: 'event' };
        if (frame.t !== 'result') return;
        pending.get(frame.id)?.(frame.result);
        pending.delete(frame.id);
      });
    });
    return socket;
  };
  return {
    call: async (channel, arg) => {
      const ws = await open();
      const id = nextId++;
      const result = await new Promise<Result<unknown>>((r) => {
        pending.set(id, r);
        ws.send(JSON.stringify({ t: 'invoke', id, channel, payload: arg }));
      });
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.kind}: ${result.error.message}`);
      return result.value;
    },
    close: () => {
      void socket?.then((ws) => ws.close()).catch(() => undefined);
    },
  };
}

/** Launches Chromium with the flags CI needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Starts the web server on a temp user-data folder with the built renderer (building it when
 * stale), opens the page in Chromium and waits until it has loaded.
 */
export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  await ensureRendererBuilt();
  const ownDir = opts.userDataDir === undefined;
  const userDataDir = opts.userDataDir ?? (await mkdtemp(join(tmpdir(), 'salvo-e2e-')));
  const server = await startWebServer({ userDataDir, rendererDir: RENDERER_OUT });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1400, height: 900 }, acceptDownloads: false });
    // A step that cannot happen fails within a bounded time with its own message, not at the test timeout.
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    const consoleErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
    await opts.beforeLoad?.(page);
    await page.goto(server.url, { waitUntil: 'load' });
    const launched = browser;
    const bridge = nodeBridge(server);
    return {
      page,
      context,
      browser: launched,
      userDataDir,
      server,
      pageErrors,
      consoleErrors,
      waitFor: (probe, w) => waitUntil(probe, w),
      waitInPage: async (fn, arg, w) => {
        await page.waitForFunction(fn as (arg: unknown) => unknown, arg as unknown, { timeout: w?.timeoutMs ?? 15_000, polling: 'raf' });
      },
      screenshot: async (name) => {
        await mkdir(SCREENSHOT_DIR, { recursive: true });
        const path = join(SCREENSHOT_DIR, `${name.replace(/[^a-zA-Z0-9_-]+/g, '-')}.png`);
        await page.screenshot({ path, fullPage: true });
        return path;
      },
      invoke: async <C extends InvokeChannel>(channel: C, arg: InvokeInput<C>) => (await bridge.call(channel, arg)) as InvokeOutput<C>,
      reload: async () => {
        await page.reload({ waitUntil: 'load' });
      },
      close: async () => {
        bridge.close();
        await launched.close();
        await server.close();
        if (ownDir) await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await browser?.close();
    await server.close();
    throw err;
  }
}

/** One request a target server saw. */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly at: number;
}

/** A local HTTP server for flows to hit, counting what it sees. */
export interface TargetServer {
  readonly origin: string;
  readonly port: number;
  readonly seen: readonly SeenRequest[];
  /** Sockets currently open to it. */
  openSockets(): number;
  /** Requests it is answering right now. */
  inFlight(): number;
  /** Most requests it was answering at once. */
  maxInFlight(): number;
  close(): Promise<void>;
}

/** What a target answers: status, headers and body (after an optional delay). */
export type TargetRoute = (req: IncomingMessage) => { status?: number; headers?: Record<string, string | string[] | undefined>; body?: string; delayMs?: number };

/** Starts a 127.0.0.1 server on a random port answering every request with `route`. */
export async function startTarget(route: TargetRoute = () => ({ body: '{"ok":true}', headers: { 'content-type': 'application/json' } })): Promise<TargetServer> {
  const seen: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', at: Date.now() });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    const answer = route(req);
    const reply = (): void => {
      res.writeHead(answer.status ?? 200, answer.headers ?? {});
      res.end(answer.body ?? '');
    };
    if (answer.delayMs !== undefined && answer.delayMs > 0) {
      const timer = setTimeout(reply, answer.delayMs);
      res.on('close', () => clearTimeout(timer));
    } else reply();
  });
  server.keepAliveTimeout = 60_000;
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    seen,
    openSockets: () => sockets.size,
    inFlight: () => inFlight,
    maxInFlight: () => maxInFlight,
    close: async () => {
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/** Creates a collection folder with requests (through the real handlers); returns its id. */
export async function makeCollection(h: Harness, root: string, name: string, requests: ReadonlyArray<{ name: string; spec: InvokeInput<'request:create'>['request'] }>): Promise<string> {
  const tree = await h.invoke('collection:create', { root, name });
  for (const r of requests) await h.invoke('request:create', { collectionId: tree.id, folder: '', name: r.name, request: r.spec });
  return tree.id;
}

/** Page object: opens a collection folder through the sidebar's path form (browser mode has no folder dialog). */
export async function openCollectionInUi(h: Harness, root: string): Promise<void> {
  const { page } = h;
  await page.getByTestId('open-collection').click();
  await page.getByTestId('collection-path').fill(root);
  await page.getByTestId('collection-path-submit').click();
  await page.getByTestId('collection-name').first().waitFor();
}

/** Page object for the run dialog and the batch panel. */
export class BatchPage {
  constructor(private readonly page: Page) {}

  /** Opens the run dialog on the whole (first) collection. */
  async openDialog(): Promise<void> {
    await this.page.getByTestId('collection-run').first().click();
    await this.page.getByRole('dialog', { name: 'Run batch' }).waitFor();
  }

  /** Opens the run dialog on one request, through its context menu in the tree. */
  async openDialogFor(requestName: string): Promise<void> {
    await this.page.getByTestId('tree-item').filter({ hasText: requestName }).first().click({ button: 'right' });
    await this.page.getByTestId('menu-run-request').click();
    await this.page.getByRole('dialog', { name: 'Run batch' }).waitFor();
  }

  /** Fills the dialog and starts the run. */
  async start(settings: { concurrency: number; iterations: number; name?: string }): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: 'Run batch' });
    if (settings.name !== undefined) await dialog.getByLabel('Name', { exact: true }).fill(settings.name);
    await dialog.getByLabel('Concurrency', { exact: true }).fill(String(settings.concurrency));
    await dialog.getByLabel('Iterations', { exact: true }).fill(String(settings.iterations));
    await dialog.getByRole('button', { name: 'Start run' }).click();
    await dialog.waitFor({ state: 'detached' });
    await this.page.getByRole('region', { name: 'Batch run' }).waitFor();
  }

  /** Finished results as the progress counter shows them. */
  async done(): Promise<number> {
    const text = (await this.page.getByTestId('run-done').textContent()) ?? '';
    return Number(text.split('/')[0]?.trim() ?? 'NaN');
  }

  async state(): Promise<string> {
    return (await this.page.getByTestId('run-state').textContent()) ?? '';
  }

  /** Waits until the run reached a final state. */
  async waitFinished(timeoutMs = 120_000): Promise<string> {
    await this.page.waitForFunction(() => {
      const s = document.querySelector('[data-testid="run-state"]')?.textContent ?? '';
      return s === 'done' || s === 'cancelled' || s === 'failed';
    }, undefined, { timeout: timeoutMs, polling: 100 });
    return this.state();
  }

  /** Records the progress counter once per animation frame in the page (window.__salvoDoneSamples). */
  async sampleProgress(): Promise<void> {
    await this.page.evaluate(() => {
      const w = window as unknown as { __salvoDoneSamples: number[] };
      w.__salvoDoneSamples = [];
      const tick = (): void => {
        const text = document.querySelector('[data-testid="run-done"]')?.textContent ?? '';
        const n = Number(text.split('/')[0]);
        const last = w.__salvoDoneSamples[w.__salvoDoneSamples.length - 1];
        if (Number.isFinite(n) && n !== last) w.__salvoDoneSamples.push(n);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  }

  /** Distinct progress values seen since `sampleProgress`. */
  samples(): Promise<number[]> {
    return this.page.evaluate(() => (window as unknown as { __salvoDoneSamples: number[] }).__salvoDoneSamples);
  }

  /** Rows currently rendered in the (virtualized) results table. */
  renderedRows(): Promise<number> {
    return this.page.locator('[data-testid="results-scroll"] [data-seq]').count();
  }

  async cancel(): Promise<void> {
    await this.page.getByRole('button', { name: 'Cancel run' }).click();
  }
}

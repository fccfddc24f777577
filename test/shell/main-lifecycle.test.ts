import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../shared/ipc/channels';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/url-policy';
import { FakeWebContents } from './fake-electron';
import type { FakeElectron } from './fake-electron';

// The real electron/main/index.ts, started under Node against a recording stand-in for 'electron':
// what is checked is the wiring (order, flags, handlers), with the real createApp behind it.
const state = vi.hoisted(() => ({ fake: undefined as FakeElectron | undefined }));
vi.mock('electron', async () => {
  const { createFakeElectron } = await import('./fake-electron');
  state.fake = createFakeElectron();
  return state.fake.module;
});

function fake(): FakeElectron {
  if (!state.fake) throw new Error('electron was not mocked');
  return state.fake;
}

async function until(check: () => boolean, ms: number): Promise<void> {
  for (let waited = 0; !check(); waited += 10) {
    if (waited > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

type InvokeListener = (event: unknown, payload: unknown) => Promise<unknown>;

beforeAll(async () => {
  await import('electron');
  const renderer = join(fake().appPath, 'out', 'renderer');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Salvo</title>');
  await writeFile(join(fake().appPath, 'out', 'secret.txt'), 'outside the bundle');
  await import('../../electron/main/index');
  await until(() => fake().windows.length === 1, 45_000);
});

afterAll(async () => {
  await rm(fake().appPath, { recursive: true, force: true });
});

describe('electron/main/index.ts', () => {
  it('sandboxes, registers the scheme and takes the lock before ready', () => {
    const log = fake().log;
    expect(log.indexOf('enableSandbox')).toBeLessThan(log.indexOf('ready'));
    expect(log).toContain('privileged');
    expect(log).not.toContain('privileged-after-ready');
    expect(log.indexOf('lock')).toBeLessThan(log.indexOf('ready'));
    expect(fake().privileged).toEqual([{ scheme: 'salvo', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(fake().privileged).not.toContainEqual(expect.objectContaining({ privileges: expect.objectContaining({ bypassCSP: true }) }));
  });

  it('opens one hardened window on salvo://app/', () => {
    const [win] = fake().windows;
    expect(win?.url).toBe('salvo://app/index.html');
    expect(win?.options['webPreferences']).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      spellcheck: false,
      preload: join(fake().appPath, 'out', 'preload', 'index.cjs'),
    });
  });

  it('serves the bundle with the CSP header and refuses anything else', async () => {
    const handler = fake().protocolHandler;
    if (!handler) throw new Error('no protocol handler');
    const page = await handler(new Request('salvo://app/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Salvo</title>');
    const escape = await handler(new Request('salvo://app/assets/%2e%2e%2f%2e%2e%2fsecret.txt'));
    expect(escape.status).toBe(403);
    expect(await escape.text()).not.toContain('outside the bundle');
    expect((await handler(new Request('salvo://app/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('binds every invoke channel and answers only our main frame', async () => {
    expect([...fake().ipc.keys()].sort()).toEqual(Object.keys(INVOKE_CHANNELS).sort());
    const wc = fake().windows[0]?.webContents;
    if (!wc) throw new Error('no window');
    const info = fake().ipc.get('app:info') as InvokeListener;
    const trusted = { sender: { id: wc.id }, senderFrame: wc.mainFrame };
    await expect(info(trusted, {})).resolves.toEqual({
      ok: true,
      value: expect.objectContaining({ version: '9.9.9-test', mode: 'electron', secretsBackend: 'safeStorage:gnome_libsecret' }),
    });
    const preview = { sender: { id: wc.id }, senderFrame: { url: 'about:srcdoc', parent: wc.mainFrame, processId: wc.mainFrame.processId, routingId: 7 } };
    await expect(info(preview, {})).resolves.toMatchObject({ ok: false, error: { message: expect.stringMatching(/untrusted sender/) } });
    const open = fake().ipc.get('shell:openExternal') as InvokeListener;
    await expect(open(trusted, { url: 'file:///etc/passwd' })).resolves.toMatchObject({ ok: false });
    await expect(open(trusted, { url: 'https://example.com/docs' })).resolves.toMatchObject({ ok: true });
    expect(fake().opened).toEqual(['https://example.com/docs']);
  });

  it('cancels the runs of a page that reloads, so no late results reach the next page', async () => {
    const wc = fake().windows[0]?.webContents;
    if (!wc) throw new Error('no window');
    const trusted = { sender: { id: wc.id }, senderFrame: wc.mainFrame };
    const call = async (channel: string, payload: unknown): Promise<unknown> => {
      const out = (await (fake().ipc.get(channel) as InvokeListener)(trusted, payload)) as { ok: boolean; value?: unknown; error?: unknown };
      if (!out.ok) throw new Error(`${channel}: ${JSON.stringify(out.error)}`);
      return out.value;
    };
    let seen = 0;
    const server = createServer((_req, res) => {
      seen += 1;
      setTimeout(() => res.end('ok'), 20);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const tree = (await call('collection:create', { root: join(fake().userData, 'reload-api'), name: 'reload api' })) as { id: string };
      await call('request:create', { collectionId: tree.id, folder: '', name: 'slow', request: { method: 'GET', url: `http://127.0.0.1:${port}/slow` } });
      const started = (await call('run:start', { collectionId: tree.id, config: { iterations: 100_000, stages: [{ name: 'main', targets: [], concurrency: 4 }] } })) as { runId: string };
      await until(() => seen >= 8, 10_000);
      const reload = wc.listeners.get('did-navigate');
      if (!reload) throw new Error('the shell does not watch reloads');
      reload();
      const cancelled = (): boolean => wc.sent.some(([channel, p]) => channel === 'run:progress' && (p as { runId: string; state: string }).runId === started.runId && (p as { state: string }).state === 'cancelled');
      await until(cancelled, 10_000);
      const afterCancel = seen;
      await new Promise((r) => setTimeout(r, 200));
      expect(seen).toBe(afterCancel);
      expect(seen).toBeLessThan(100_000);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('denies permissions, renderer network requests and new windows by default', () => {
    const answers: boolean[] = [];
    fake().permissionRequest?.({}, 'media', (granted: boolean) => answers.push(granted), { isMainFrame: true, requestingUrl: 'salvo://app/index.html' });
    expect(answers).toEqual([false]);
    expect(fake().permissionCheck?.(null, 'geolocation', 'salvo://app', { isMainFrame: true })).toBe(false);
    const cancels: unknown[] = [];
    fake().beforeRequest?.({ url: 'http://127.0.0.1:9/canary' }, (r: { cancel: boolean }) => cancels.push(r.cancel));
    expect(cancels).toEqual([true]);
    const created = fake().appListeners.get('web-contents-created');
    if (!created) throw new Error('no web-contents-created listener');
    const contents = new FakeWebContents();
    created({}, contents);
    expect(contents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect([...contents.listeners.keys()].sort()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect']);
  });

  it('installs the application menu', () => {
    const menu = fake().menu as { template: { label?: string }[] } | undefined;
    expect(menu?.template.map((m) => m.label)).toEqual(expect.arrayContaining(['File', 'Edit', 'View']));
  });

  it('sends menu commands to the window as app:menu events', () => {
    const menu = fake().menu as { template: { label?: string; submenu?: { label?: string; click?: () => void }[] }[] };
    const file = menu.template.find((m) => m.label === 'File');
    file?.submenu?.find((i) => i.label === 'Save')?.click?.();
    expect(fake().windows[0]?.webContents.sent).toContainEqual(['app:menu', { command: 'save' }]);
  });

  it('closes the handlers once on quit, then lets the quit through', async () => {
    const beforeQuit = fake().appListeners.get('before-quit');
    if (!beforeQuit) throw new Error('no before-quit listener');
    let prevented = 0;
    beforeQuit({ preventDefault: () => void (prevented += 1) });
    expect(prevented).toBe(1);
    await until(() => fake().quits === 1, 10_000);
    beforeQuit({ preventDefault: () => void (prevented += 1) });
    expect(prevented).toBe(1);
    // Closed handlers are unbound: nothing answers IPC after shutdown.
    expect(fake().ipc.size).toBe(0);
  });
});

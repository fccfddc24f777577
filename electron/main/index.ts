import { app, BrowserWindow, Menu, safeStorage, session } from 'electron';
import type { WebContents } from 'electron';
import { join } from 'node:path';
import { createApp } from '../handlers/bootstrap';
import { createEventSender } from './event-sender';
import { bindAppIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import type { MenuCommand } from './menu';
import { createNativeBridge } from './native';
import { hardenNavigation } from './navigation';
import { applyPermissionPolicy } from './permissions';
import { applyRequestFilter } from './request-filter';
import { registerAppScheme, serveBundle } from './protocol';
import { createSafeStorageCipher } from './secrets-cipher';
import type { TrustAnchor } from './sender-guard';
import { resolveRendererSource, shouldOpenExternally } from './url-policy';
import { createMainWindow } from './window';

const PROJECT_URL = 'https://github.com/salvo-api/salvo';
const source = resolveRendererSource(app.isPackaged, process.env['ELECTRON_RENDERER_URL']);
let mainWindow: BrowserWindow | undefined;
let shutdown: (() => Promise<void>) | undefined;
let cancelRuns: (() => Promise<void>) | undefined;

function anchor(): TrustAnchor | undefined {
  if (!mainWindow || mainWindow.isDestroyed()) return undefined;
  const wc = mainWindow.webContents;
  return { webContentsId: wc.id, mainFrame: { processId: wc.mainFrame.processId, routingId: wc.mainFrame.routingId }, appOrigin: source.origin };
}

// The one place links leave the app; it re-checks the URL itself.
const native = createNativeBridge(() => mainWindow);

function openLink(url: string): Promise<void> {
  return shouldOpenExternally(url) ? native.openExternal(url) : Promise.resolve();
}

function openWindow(): void {
  mainWindow = createMainWindow(app.getAppPath(), source.url);
  // A reload, a crashed renderer or a closed window abandons its batch runs: cancel them so their
  // sockets are released and no late results reach the next page.
  const abandon = (): void => void cancelRuns?.();
  mainWindow.webContents.on('did-navigate', abandon);
  mainWindow.webContents.on('render-process-gone', abandon);
  mainWindow.on('closed', () => {
    mainWindow = undefined;
    abandon();
  });
}

function installMenu(): void {
  const emit = createEventSender(() => mainWindow?.webContents);
  const send = (command: MenuCommand) => emit('app:menu', { command });
  const template = buildMenuTemplate({ isMac: process.platform === 'darwin', isDev: !app.isPackaged, appName: app.name, onCommand: send, onHelp: () => void openLink(PROJECT_URL).catch(() => undefined) });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function start(): Promise<void> {
  if (source.kind === 'bundle') serveBundle(join(app.getAppPath(), 'out', 'renderer'));
  applyPermissionPolicy(session.defaultSession, source.origin);
  applyRequestFilter(session.defaultSession, source.origin);
  const cipher = await createSafeStorageCipher(safeStorage, process.platform);
  const instance = await createApp({
    userDataDir: app.getPath('userData'),
    version: app.getVersion(),
    mode: 'electron',
    native,
    emit: createEventSender(() => mainWindow?.webContents),
    cipher,
  });
  const unbind = bindAppIpc(instance.handlers, anchor);
  cancelRuns = () => instance.cancelRuns();
  shutdown = async () => {
    unbind();
    await instance.close();
  };
  installMenu();
  openWindow();
}

/** Quit waits for handlers to close (runs cancelled, files flushed) exactly once. */
function onBeforeQuit(event: { preventDefault(): void }): void {
  const close = shutdown;
  if (!close) return;
  shutdown = undefined;
  event.preventDefault();
  close()
    .catch((err: unknown) => console.error('shutdown failed:', err instanceof Error ? err.message : String(err)))
    .finally(() => app.quit());
}

// Sandbox every renderer, including any we did not create ourselves.
app.enableSandbox();
registerAppScheme();
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  // Every webContents, including ones we never meant to create, gets the navigation lockdown.
  app.on('web-contents-created', (_event, contents: WebContents) => hardenNavigation(contents, { appOrigin: source.origin, openExternal: openLink }));
  app.on('before-quit', onBeforeQuit);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!mainWindow && shutdown) openWindow();
  });
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      console.error('Salvo failed to start:', err instanceof Error ? err.message : String(err));
      app.exit(1);
    });
}

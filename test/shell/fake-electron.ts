import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Listener = (...args: unknown[]) => unknown;

/** A minimal webContents: records sends and listeners, with a stable main frame. */
export class FakeWebContents {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly mainFrame = { processId: 40 + this.id, routingId: 1, url: 'salvo://app/index.html', parent: null };
  readonly sent: [string, unknown][] = [];
  readonly listeners = new Map<string, Listener>();
  openHandler: Listener | undefined;
  destroyed = false;
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  on(event: string, listener: Listener): this {
    this.listeners.set(event, listener);
    return this;
  }
  setWindowOpenHandler(handler: Listener): void {
    this.openHandler = handler;
  }
}

/** Everything the fake records, in the order the shell did it. */
export interface FakeElectron {
  module: Record<string, unknown>;
  readonly appPath: string;
  readonly userData: string;
  readonly log: string[];
  readonly windows: { options: Record<string, unknown>; url?: string; webContents: FakeWebContents }[];
  readonly appListeners: Map<string, Listener>;
  readonly ipc: Map<string, Listener>;
  protocolHandler: ((request: Request) => Promise<Response>) | undefined;
  readonly privileged: unknown[];
  permissionRequest: Listener | undefined;
  permissionCheck: Listener | undefined;
  beforeRequest: Listener | undefined;
  menu: unknown;
  readonly opened: string[];
  quits: number;
}

/** Builds a stand-in for the `electron` module, enough for electron/main/index.ts to start under Node. */
export function createFakeElectron(): FakeElectron {
  const appPath = mkdtempSync(join(tmpdir(), 'salvo-shell-'));
  const fake: FakeElectron = {
    module: {},
    appPath,
    userData: join(appPath, 'user-data'),
    log: [],
    windows: [],
    appListeners: new Map(),
    ipc: new Map(),
    protocolHandler: undefined,
    privileged: [],
    permissionRequest: undefined,
    permissionCheck: undefined,
    beforeRequest: undefined,
    menu: undefined,
    opened: [],
    quits: 0,
  };
  let ready = false;
  const app = {
    isPackaged: true,
    name: 'Salvo',
    getAppPath: () => appPath,
    getPath: (name: string) => (name === 'userData' ? fake.userData : join(appPath, name)),
    getVersion: () => '9.9.9-test',
    enableSandbox: () => void fake.log.push('enableSandbox'),
    requestSingleInstanceLock: () => (fake.log.push('lock'), true),
    on: (event: string, listener: Listener) => {
      fake.appListeners.set(event, listener);
      return app;
    },
    whenReady: () => {
      fake.log.push('whenReady');
      // Resolve on a later tick, as Electron does, so registration order is observable.
      return new Promise<void>((resolve) => setTimeout(() => ((ready = true), fake.log.push('ready'), resolve()), 1));
    },
    quit: () => void (fake.quits += 1),
    exit: (code: number) => void fake.log.push(`exit ${code}`),
  };
  class BrowserWindow {
    readonly webContents = new FakeWebContents();
    private readonly listeners = new Map<string, Listener>();
    constructor(options: Record<string, unknown>) {
      fake.log.push('BrowserWindow');
      fake.windows.push({ options, webContents: this.webContents });
    }
    loadURL(url: string): Promise<void> {
      const entry = fake.windows.find((w) => w.webContents === this.webContents);
      if (entry) entry.url = url;
      return Promise.resolve();
    }
    once(event: string, listener: Listener): this {
      this.listeners.set(event, listener);
      return this;
    }
    on(event: string, listener: Listener): this {
      this.listeners.set(event, listener);
      return this;
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    restore = () => undefined;
    focus = () => undefined;
    show = () => undefined;
  }
  fake.module = {
    app,
    BrowserWindow,
    Menu: { buildFromTemplate: (t: unknown) => ({ template: t }), setApplicationMenu: (m: unknown) => void (fake.menu = m) },
    ipcMain: { handle: (c: string, l: Listener) => void fake.ipc.set(c, l), removeHandler: (c: string) => void fake.ipc.delete(c) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        fake.log.push(ready ? 'privileged-after-ready' : 'privileged');
        fake.privileged.push(...schemes);
      },
      handle: (_scheme: string, handler: (request: Request) => Promise<Response>) => void (fake.protocolHandler = handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Listener) => void (fake.permissionRequest = h),
        setPermissionCheckHandler: (h: Listener) => void (fake.permissionCheck = h),
        webRequest: { onBeforeRequest: (h: Listener) => void (fake.beforeRequest = h) },
      },
    },
    safeStorage: {
      isAsyncEncryptionAvailable: () => Promise.resolve(true),
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptStringAsync: (text: string) => Promise.resolve(Buffer.from(text, 'utf8').reverse()),
      decryptStringAsync: (data: Buffer) => Promise.resolve({ result: Buffer.from(data).reverse().toString('utf8'), shouldReEncrypt: false }),
    },
    dialog: { showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }), showSaveDialog: () => Promise.resolve({ canceled: true }) },
    shell: { openExternal: (url: string) => Promise.resolve(void fake.opened.push(url)) },
  };
  return fake;
}

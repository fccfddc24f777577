import { mkdir } from 'node:fs/promises';
import type { Emit, Handlers } from '../../shared/ipc/contract';
import { createEngine, ENGINE_DEFAULTS } from '../engine/engine';
import type { EngineLease } from '../runner/run-session';
import { createAppHandlers } from './app';
import { createCollectionHandlers } from './collections';
import { createCookieHandlers } from './cookies';
import { appConsent } from '../consent/app-consent';
import { FileConsentStore } from '../consent/file-consent-store';
import { RefusedFiles } from '../consent/refused-files';
import { createFileHandlers } from './files';
import type { AppContext, NativeBridge } from './context';
import { createHistoryHandlers } from './history';
import { createHttpHandlers } from './http';
import { createRunHandlers } from './runs';
import type { SecretCipher } from '../secrets/cipher';
import { EncryptedFileSecretStore } from '../secrets/encrypted-file-store';
import { createNodeCipher } from '../secrets/node-cipher';

/** Options for one app instance (the Electron shell, the browser-mode server, tests). */
export interface AppOptions {
  readonly userDataDir: string;
  readonly mode: AppContext['mode'];
  readonly native: NativeBridge;
  readonly emit: Emit;
  /** Electron passes a safeStorage cipher; elsewhere a key file in userDataDir is used. */
  readonly cipher?: SecretCipher;
  readonly version?: string;
}

/** A running app: every handler, and one way to release sockets, watchers and files. */
export interface App {
  readonly handlers: Handlers;
  readonly context: AppContext;
  /** The page that started runs is gone (reload, crash, window closed): cancel them, release their sockets. */
  cancelRuns(): Promise<void>;
  close(): Promise<void>;
}

/** Composes the transport-agnostic handlers around one engine (one shared undici Agent). */
export async function createApp(options: AppOptions): Promise<App> {
  await mkdir(options.userDataDir, { recursive: true });
  const cipher = options.cipher ?? createNodeCipher(options.userDataDir);
  const secrets = new EncryptedFileSecretStore(options.userDataDir, cipher);
  const engine = createEngine();
  // Consent for files outside collections: the user's, in userDataDir, never in a collection.
  const consentStore = await FileConsentStore.open(options.userDataDir);
  const refused = new RefusedFiles();
  const context: AppContext = { engine, emit: options.emit, userDataDir: options.userDataDir, secrets, mode: options.mode, consent: appConsent(consentStore, refused) };

  const collections = createCollectionHandlers(context);
  const history = createHistoryHandlers(context);
  const cookies = createCookieHandlers(context, { collections: collections.access, cipher });
  const http = createHttpHandlers(context, { collections: collections.access, history: history.recorder, cookies: cookies.jarOf });
  // Runs share the app's one Agent; only a run that asks for a different connections-per-origin
  // limit gets a dedicated Agent, closed with the run.
  const lease: EngineLease = (config) =>
    config.connectionsPerOrigin === ENGINE_DEFAULTS.connectionsPerOrigin
      ? { engine, release: () => Promise.resolve() }
      : (() => {
          const dedicated = createEngine({ connectionsPerOrigin: config.connectionsPerOrigin });
          return { engine: dedicated, release: () => dedicated.close() };
        })();
  const runs = createRunHandlers(context, { collections: collections.access, lease, collectionJar: cookies.jarOf });
  const app = createAppHandlers(context, options.native, options.version ?? '0.0.0');
  const files = createFileHandlers({ collections: collections.access, store: consentStore, refused, native: options.native });

  const handlers: Handlers = { ...http.handlers, ...collections.handlers, ...history.handlers, ...runs.handlers, ...cookies.handlers, ...files, ...app };
  let closing: Promise<void> | undefined;
  return {
    handlers,
    context,
    cancelRuns: () => runs.cancelAll(),
    close: () => {
      closing ??= (async () => {
        await runs.close();
        // After the runs: a run in `collection` mode may still have stored cookies.
        await cookies.close();
        await collections.close();
        await consentStore.idle();
        await engine.close();
      })();
      return closing;
    },
  };
}

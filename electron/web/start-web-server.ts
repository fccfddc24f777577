import { createApp } from '../handlers/bootstrap';
import { browserNative } from './browser-native';
import { createWebServer } from './web-server';

/** Options of `startWebServer`. */
export interface StartWebServerOptions {
  /** 0 or absent: a random free port. */
  readonly port?: number;
  readonly userDataDir: string;
  /** The built renderer (out/renderer). */
  readonly rendererDir: string;
}

/**
 * Starts browser mode: the real handlers (`createApp`, mode 'web', dialogs unsupported) behind
 * the loopback bridge, and the built renderer. Open `url` (it carries the per-launch token).
 */
export async function startWebServer(opts: StartWebServerOptions): Promise<{ url: string; token: string; origin: string; port: number; close(): Promise<void> }> {
  const server = await createWebServer({
    ...(opts.port === undefined ? {} : { port: opts.port }),
    rendererDir: opts.rendererDir,
    createApp: (emit) => createApp({ userDataDir: opts.userDataDir, mode: 'web', native: browserNative, emit }),
  });
  return { url: server.url, token: server.token, origin: server.origin, port: server.port, close: () => server.close() };
}

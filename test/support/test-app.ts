// The real app (createApp, every handler) in a temp user-data folder, for handler-level tests.
import { createApp } from '../../electron/handlers/bootstrap';
import type { App } from '../../electron/handlers/bootstrap';
import type { NativeBridge } from '../../electron/handlers/context';
import { dispatch } from '../../shared/ipc/dispatch';
import type { EventMap, Handlers, InvokeArg, InvokeChannel, InvokeInput, InvokeOutput } from '../../shared/ipc/contract';

/** The native bridge of a headless run: every dialog unsupported, as browser mode answers. */
export const HEADLESS_NATIVE: NativeBridge = {
  openFolder: () => Promise.resolve({ canceled: true, unsupported: true }),
  openFile: () => Promise.resolve({ canceled: true, unsupported: true }),
  saveFile: () => Promise.resolve({ canceled: true, unsupported: true }),
  openExternal: () => Promise.resolve(),
};

/** Any event the app pushes, as the tests record it. */
export type EventSink = <E extends keyof EventMap>(channel: E, payload: EventMap[E]) => void;

/** Starts the app on `userDataDir`; events go to `emit`, dialogs to `native`. */
export function startTestApp(userDataDir: string, options: { emit?: EventSink; native?: NativeBridge } = {}): Promise<App> {
  return createApp({ userDataDir, mode: 'test', native: options.native ?? HEADLESS_NATIVE, emit: options.emit ?? (() => undefined) });
}

/** Calls a handler through dispatch (the same validation as IPC) and unwraps the Result; an error result throws. */
export async function invokeChecked<C extends InvokeChannel>(app: App, channel: C, arg: InvokeInput<C>): Promise<InvokeOutput<C>> {
  const result = await dispatch(app.handlers as Handlers, channel, arg);
  if (!result.ok) throw new Error(`${channel}: ${result.error.kind}: ${result.error.message}`);
  return result.value as InvokeOutput<C>;
}

/** Calls a handler directly with a parsed payload: its own errors (SalvoError) reach the test as thrown. */
export function invokeDirect<C extends InvokeChannel>(app: App, channel: C, arg: InvokeArg<C>): Promise<InvokeOutput<C>> {
  return (app.handlers[channel] as (a: InvokeArg<C>) => Promise<InvokeOutput<C>>)(arg);
}

/**
 * The app on one user-data folder, restartable as a user quits and starts it again (closing
 * flushes what it keeps: jars, registries). `call` goes straight to the current app's handlers.
 */
export class RestartableApp {
  private current: App | undefined;

  constructor(private readonly userDataDir: string) {}

  async start(): Promise<void> {
    this.current = await startTestApp(this.userDataDir);
  }

  async restart(): Promise<void> {
    await this.close();
    await this.start();
  }

  async close(): Promise<void> {
    await this.current?.close();
    this.current = undefined;
  }

  call<C extends InvokeChannel>(channel: C, arg: InvokeArg<C>): Promise<InvokeOutput<C>> {
    if (this.current === undefined) throw new Error('the test app is not running');
    return invokeDirect(this.current, channel, arg);
  }
}

import { appInvokes } from './app';
import type { AppEvents } from './app';
import { collectionInvokes } from './collections';
import type { CollectionEvents } from './collections';
import { cookieInvokes } from './cookies';
import type { CookieEvents } from './cookies';
import { fileInvokes } from './files';
import type { InputOf, OutputOf, ParsedInputOf, Result } from './define';
import { historyInvokes } from './history';
import { httpInvokes } from './http';
import type { HttpEvents } from './http';
import { runInvokes } from './runs';
import type { RunEvents } from './runs';

/** Every invoke channel with its payload schema: the single source for preload, binders and client. */
export const invokes = {
  ...httpInvokes,
  ...collectionInvokes,
  ...historyInvokes,
  ...runInvokes,
  ...cookieInvokes,
  ...fileInvokes,
  ...appInvokes,
};

export type Invokes = typeof invokes;
export type InvokeChannel = keyof Invokes;
/** What the renderer passes (defaults may be omitted). */
export type InvokeInput<C extends InvokeChannel> = InputOf<Invokes[C]>;
/** What a handler receives after validation (defaults filled). */
export type InvokeArg<C extends InvokeChannel> = ParsedInputOf<Invokes[C]>;
export type InvokeOutput<C extends InvokeChannel> = OutputOf<Invokes[C]>;

/** Main -> renderer event payloads. */
export interface EventMap extends HttpEvents, CollectionEvents, RunEvents, CookieEvents, AppEvents {}
export type EventChannel = keyof EventMap;

/** Transport-agnostic handlers: the same functions behind ipcMain, the web bridge, tests and the CLI. */
export type Handlers = { readonly [C in InvokeChannel]: (arg: InvokeArg<C>) => Promise<InvokeOutput<C>> };

/** How handlers push events; each transport supplies its own. */
export type Emit = <E extends EventChannel>(channel: E, payload: EventMap[E]) => void;

/** The API object the preload exposes as `window.salvo` (and the web bridge client mirrors). */
export interface SalvoApi {
  readonly invoke: { readonly [C in InvokeChannel]: (arg: InvokeInput<C>) => Promise<Result<InvokeOutput<C>>> };
  readonly on: <E extends EventChannel>(channel: E, listener: (payload: EventMap[E]) => void) => () => void;
}

export type { Result } from './define';

import diagnosticsChannel from 'node:diagnostics_channel';
import type { Socket } from 'node:net';

/** Something that wants to know the socket its request was written on. */
export interface SocketAware {
  onSocket(socket: Socket): void;
}

let handlerSymbol: symbol | undefined;

function handlerOf(request: object): unknown {
  if (handlerSymbol === undefined) {
    // undici keeps the dispatch handler under Symbol('handler'); the version is pinned and a test covers it.
    handlerSymbol = Object.getOwnPropertySymbols(request).find((s) => s.description === 'handler');
    if (handlerSymbol === undefined) return undefined;
  }
  return (request as Record<symbol, unknown>)[handlerSymbol];
}

function isSocketAware(value: unknown): value is SocketAware {
  return typeof value === 'object' && value !== null && typeof (value as { onSocket?: unknown }).onSocket === 'function';
}

function onSendHeaders(message: unknown): void {
  const { request, socket } = message as { request?: object; socket?: Socket };
  if (request === undefined || socket === undefined) return;
  const handler = handlerOf(request);
  if (isSocketAware(handler)) handler.onSocket(socket);
}

let holders = 0;

/**
 * Subscribes to `undici:client:sendHeaders`, which names the socket a request is written on; the
 * request's own handler then reads remote address, reuse and connect phases from it. Held while
 * an engine is open (call the returned release once): with no subscriber, undici skips building
 * the message, so other undici users in the process pay nothing for it.
 */
export function holdSocketTap(): () => void {
  if (holders++ === 0) diagnosticsChannel.subscribe('undici:client:sendHeaders', onSendHeaders);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holders === 0) diagnosticsChannel.unsubscribe('undici:client:sendHeaders', onSendHeaders);
  };
}

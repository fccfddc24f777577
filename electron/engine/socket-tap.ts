import diagnosticsChannel from 'node:diagnostics_channel';
import type { Socket } from 'node:net';

/** Something that wants to know the socket its request was written on. */
export interface SocketAware {
  onSocket(socket: Socket): void;
}

let handlerSymbol: symbol | undefined;
let subscribed = false;

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

/**
 * Subscribes once to `undici:client:sendHeaders`, which names the socket a request is written on;
 * the request's own handler then reads remote address, reuse and connect phases from it.
 */
export function ensureSocketTap(): void {
  if (subscribed) return;
  subscribed = true;
  diagnosticsChannel.subscribe('undici:client:sendHeaders', (message) => {
    const { request, socket } = message as { request?: object; socket?: Socket };
    if (request === undefined || socket === undefined) return;
    const handler = handlerOf(request);
    if (isSocketAware(handler)) handler.onSocket(socket);
  });
}

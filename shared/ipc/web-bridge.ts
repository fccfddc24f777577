/**
 * Wire format of the browser-mode bridge (a WebSocket on loopback). Both ends import it so the
 * frames are typed once; the server still treats every inbound frame as untrusted input.
 */
import type { EventChannel, EventMap, Result } from './contract';

/** URL path the bridge WebSocket is served on. */
export const BRIDGE_PATH = '/bridge';
/** Query parameter carrying the per-launch token on the upgrade request. */
export const BRIDGE_TOKEN_PARAM = 'token';

/** Client -> server: one invoke, answered by a `result` frame with the same id. */
export interface InvokeFrame {
  readonly t: 'invoke';
  readonly id: number;
  readonly channel: string;
  readonly payload: unknown;
}

/** Server -> client: the answer to one invoke. */
export interface ResultFrame {
  readonly t: 'result';
  readonly id: number;
  readonly result: Result<unknown>;
}

/** Server -> client: a pushed event. */
export interface EventFrame<E extends EventChannel = EventChannel> {
  readonly t: 'event';
  readonly channel: E;
  readonly payload: EventMap[E];
}

export type ServerFrame = ResultFrame | EventFrame;

import { INVOKE_CHANNELS, isEventChannel } from '../../shared/ipc/channels';
import type { EventChannel, EventMap, InvokeChannel, Result, SalvoApi } from '../../shared/ipc/contract';

/** The two IPC primitives the API is built from (ipcRenderer in the preload, a fake in tests). */
export interface PreloadTransport {
  invoke(channel: InvokeChannel, arg: unknown): Promise<unknown>;
  /** Subscribes to an event channel; the listener gets the payload only; returns an unsubscribe. */
  subscribe(channel: EventChannel, listener: (payload: unknown) => void): () => void;
}

function transportError(err: unknown): Result<never> {
  return { ok: false, error: { kind: 'internal', message: err instanceof Error ? err.message : 'IPC failed' } };
}

/**
 * Builds `window.salvo`: one fixed function per allowlisted invoke channel and `on` for
 * allowlisted events only. No generic invoke, no ipcRenderer, no event objects.
 */
export function buildSalvoApi(transport: PreloadTransport): SalvoApi {
  const invoke: Record<string, (arg: unknown) => Promise<unknown>> = {};
  for (const channel of Object.keys(INVOKE_CHANNELS) as InvokeChannel[]) {
    invoke[channel] = (arg: unknown) => transport.invoke(channel, arg).catch(transportError);
  }
  const on = <E extends EventChannel>(channel: E, listener: (payload: EventMap[E]) => void): (() => void) => {
    if (!isEventChannel(channel)) throw new TypeError(`unknown event channel: ${String(channel).slice(0, 64)}`);
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    let active = true;
    const unsubscribe = transport.subscribe(channel, (payload) => listener(payload as EventMap[E]));
    return () => {
      if (!active) return;
      active = false;
      unsubscribe();
    };
  };
  return Object.freeze({ invoke: Object.freeze(invoke) as unknown as SalvoApi['invoke'], on });
}

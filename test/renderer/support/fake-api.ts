import type { EventChannel, EventMap, InvokeChannel, InvokeInput, InvokeOutput, SalvoApi } from '../../../shared/ipc/contract';
import { toErrorInfo } from '../../../shared/model/errors';
import { createApiClient, setApiClient } from '../../../renderer/api/client';

/** Handlers a test supplies for the channels it uses; any other channel fails loudly. */
export type FakeHandlers = { [C in InvokeChannel]?: (arg: InvokeInput<C>) => Promise<InvokeOutput<C>> | InvokeOutput<C> };

/** A SalvoApi over in-test handlers plus an emitter, with a log of every call. */
export interface FakeApi {
  readonly api: SalvoApi;
  readonly calls: Array<{ channel: InvokeChannel; arg: unknown }>;
  emit<E extends EventChannel>(channel: E, payload: EventMap[E]): void;
}

/** Builds the fake and installs it as the renderer's api client. */
export function installFakeApi(handlers: FakeHandlers): FakeApi {
  const calls: Array<{ channel: InvokeChannel; arg: unknown }> = [];
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const invoke = new Proxy(
    {},
    {
      get: (_target, channel: string) => async (arg: unknown) => {
        calls.push({ channel: channel as InvokeChannel, arg });
        const handler = (handlers as Record<string, ((a: unknown) => unknown) | undefined>)[channel];
        if (handler === undefined) return { ok: false, error: { kind: 'internal', message: `no fake handler for ${channel}` } };
        try {
          return { ok: true, value: await handler(arg) };
        } catch (err) {
          return { ok: false, error: toErrorInfo(err) };
        }
      },
    },
  ) as SalvoApi['invoke'];
  const api: SalvoApi = {
    invoke,
    on: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(channel, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
  setApiClient(createApiClient(api));
  return {
    api,
    calls,
    emit: (channel, payload) => {
      for (const l of listeners.get(channel) ?? []) l(payload);
    },
  };
}

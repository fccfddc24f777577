import { INVOKE_CHANNELS } from '../../../shared/ipc/channels';
import type { EventChannel, EventMap, InvokeChannel, InvokeInput, InvokeOutput, Result, SalvoApi } from '../../../shared/ipc/contract';

type Answer<C extends InvokeChannel> = (arg: InvokeInput<C>) => InvokeOutput<C> | Promise<InvokeOutput<C>>;

/** A SalvoApi for component tests: records every call; channels answer what the test gave, else not-found. */
export function testApi(answers: { [C in InvokeChannel]?: Answer<C> }): { api: SalvoApi; calls: Array<{ channel: InvokeChannel; arg: unknown }>; push<E extends EventChannel>(c: E, p: EventMap[E]): void } {
  const calls: Array<{ channel: InvokeChannel; arg: unknown }> = [];
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const invoke: Partial<Record<InvokeChannel, (arg: unknown) => Promise<Result<unknown>>>> = {};
  for (const channel of Object.keys(INVOKE_CHANNELS) as InvokeChannel[]) {
    invoke[channel] = async (arg) => {
      calls.push({ channel, arg });
      const answer = answers[channel] as ((a: unknown) => unknown) | undefined;
      if (answer === undefined) return { ok: false, error: { kind: 'not-found', message: `${channel} not answered in this test` } };
      try {
        return { ok: true, value: await answer(arg) };
      } catch (err) {
        return { ok: false, error: { kind: 'internal', message: String(err) } };
      }
    };
  }
  const api: SalvoApi = {
    invoke: invoke as unknown as SalvoApi['invoke'],
    on: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener as (p: unknown) => void);
      return () => set.delete(listener as (p: unknown) => void);
    },
  };
  return { api, calls, push: (c, p) => listeners.get(c)?.forEach((l) => l(p)) };
}

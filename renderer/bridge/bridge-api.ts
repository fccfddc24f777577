import { INVOKE_CHANNELS } from '../../shared/ipc/channels';
import type { InvokeChannel, Result, SalvoApi } from '../../shared/ipc/contract';
import type { BridgeClient } from './ws-client';

/** Builds the typed SalvoApi over a bridge client: one function per allowlisted channel, no passthrough. */
export function createBridgeApi(client: BridgeClient): SalvoApi {
  const invoke: Partial<Record<InvokeChannel, (arg: unknown) => Promise<Result<unknown>>>> = {};
  for (const channel of Object.keys(INVOKE_CHANNELS) as InvokeChannel[]) {
    invoke[channel] = (arg: unknown) => client.invoke(channel, arg);
  }
  return Object.freeze({
    invoke: Object.freeze(invoke) as unknown as SalvoApi['invoke'],
    on: (channel, listener) => client.on(channel, listener),
  } satisfies SalvoApi);
}

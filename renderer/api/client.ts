import type { ErrorInfo } from '../../shared/model/errors';
import type { EventChannel, EventMap, InvokeChannel, InvokeInput, InvokeOutput, SalvoApi } from '../../shared/ipc/contract';

/** An invoke that answered `{ ok: false }`: carries the ErrorInfo so the UI can show kind + message. */
export class ApiError extends Error {
  readonly info: ErrorInfo;
  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'ApiError';
    this.info = info;
  }
}

/** The renderer's typed view of the main process: values in, values out, failures thrown as ApiError. */
export interface ApiClient {
  call<C extends InvokeChannel>(channel: C, arg: InvokeInput<C>): Promise<InvokeOutput<C>>;
  on<E extends EventChannel>(channel: E, listener: (payload: EventMap[E]) => void): () => void;
}

/** Wraps a SalvoApi (preload or web bridge) into an ApiClient that unwraps Result. */
export function createApiClient(api: SalvoApi): ApiClient {
  return {
    async call(channel, arg) {
      const fn = api.invoke[channel] as (a: typeof arg) => Promise<{ ok: true; value: InvokeOutput<typeof channel> } | { ok: false; error: ErrorInfo }>;
      let result;
      try {
        result = await fn(arg);
      } catch (err) {
        // A transport failure (bridge closed) is not a handler error; surface it the same way.
        throw new ApiError({ kind: 'internal', message: err instanceof Error ? err.message : String(err) });
      }
      if (result.ok) return result.value;
      throw new ApiError(result.error);
    },
    on(channel, listener) {
      return api.on(channel, listener);
    },
  };
}

/** The ErrorInfo behind anything thrown by a client call. */
export function errorInfoOf(err: unknown): ErrorInfo {
  if (err instanceof ApiError) return err.info;
  if (err instanceof Error) return { kind: 'internal', message: err.message };
  return { kind: 'internal', message: String(err) };
}

let current: ApiClient | undefined;

/** Installs the client once at startup (main.tsx) or per test. */
export function setApiClient(client: ApiClient | undefined): void {
  current = client;
}

/** The installed client; throws when called before startup finished. */
export function api(): ApiClient {
  if (current === undefined) throw new Error('api client not installed');
  return current;
}

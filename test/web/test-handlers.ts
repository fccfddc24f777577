import { INVOKE_CHANNELS } from '../../shared/ipc/channels';
import type { Emit, Handlers, InvokeChannel } from '../../shared/ipc/contract';
import { SalvoError } from '../../shared/model/errors';
import { createAppHandlers } from '../../electron/handlers/app';
import type { AppContext } from '../../electron/handlers/context';
import { browserNative } from '../../electron/web/browser-native';

/** The real app handlers (settings, dialogs, app:info) on a temp folder; other domains answer not-found. */
export function createHandlersForTest(userDataDir: string, push: Emit): Handlers {
  const ctx = { userDataDir, emit: push, mode: 'web', secrets: { describe: () => ({ backend: 'test' }) } } as unknown as AppContext;
  const missing = Object.fromEntries(
    (Object.keys(INVOKE_CHANNELS) as InvokeChannel[]).map((c) => [c, () => Promise.reject(new SalvoError('not-found', `${c} is not part of this test`))]),
  );
  return { ...missing, ...createAppHandlers(ctx, browserNative, '0.0.0-test') } as Handlers;
}

import type { Handlers, InvokeChannel, Result } from '../../shared/ipc/contract';
import { dispatch } from '../../shared/ipc/dispatch';
import { isTrustedSender } from './sender-guard';
import type { InvokeEventLike, TrustAnchor } from './sender-guard';

/** Returned to an untrusted caller; deliberately says nothing about the handler. */
export const UNTRUSTED_SENDER: Result<never> = { ok: false, error: { kind: 'invalid-input', message: 'request refused: untrusted sender' } };

/**
 * The function bound with `ipcMain.handle(channel, ...)`: checks the sender frame, then validates
 * and runs through `dispatch`. It never rejects, so no error object crosses IPC.
 */
export function createInvokeListener(
  handlers: Handlers,
  channel: InvokeChannel,
  anchor: () => TrustAnchor | undefined,
): (event: InvokeEventLike, payload: unknown) => Promise<Result<unknown>> {
  return async (event, payload) => {
    if (!isTrustedSender(event, anchor())) return UNTRUSTED_SENDER;
    return dispatch(handlers, channel, payload);
  };
}

import { toErrorInfo } from '../model/errors';
import { isInvokeChannel } from './channels';
import { invokes } from './contract';
import type { Handlers, InvokeChannel, Result } from './contract';

/**
 * Validates an untrusted (channel, payload) pair and runs its handler. Every transport
 * (ipcMain, the web bridge) goes through here, so validation cannot be forgotten.
 */
export async function dispatch(handlers: Handlers, channel: unknown, payload: unknown): Promise<Result<unknown>> {
  if (!isInvokeChannel(channel)) {
    return { ok: false, error: { kind: 'invalid-input', message: `unknown channel: ${String(channel).slice(0, 64)}` } };
  }
  const parsed = invokes[channel].input.safeParse(payload ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
    return { ok: false, error: { kind: 'invalid-input', message: `invalid payload for ${channel}${where}: ${first?.message ?? 'rejected'}` } };
  }
  try {
    const handler = handlers[channel] as (arg: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: toErrorInfo(err) };
  }
}

export type { InvokeChannel };

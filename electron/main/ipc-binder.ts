import type { IpcMain } from 'electron';
import { INVOKE_CHANNELS } from '../../shared/ipc/channels';
import type { Handlers, InvokeChannel } from '../../shared/ipc/contract';
import { createInvokeListener } from './invoke-listener';
import type { TrustAnchor } from './sender-guard';

/** The parts of ipcMain the binder uses. */
export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>;

/**
 * Binds one `handle` per allowlisted channel, each checking the sender frame
 * before `dispatch` validates the payload. Returns an unbind function for shutdown.
 */
export function bindIpc(ipc: IpcMainLike, handlers: Handlers, anchor: () => TrustAnchor | undefined): () => void {
  const channels = Object.keys(INVOKE_CHANNELS) as InvokeChannel[];
  for (const channel of channels) ipc.handle(channel, createInvokeListener(handlers, channel, anchor));
  return () => {
    for (const channel of channels) ipc.removeHandler(channel);
  };
}

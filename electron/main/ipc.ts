// The only module that touches ipcMain (lint-enforced); the binding logic is in ipc-binder.ts.
import { ipcMain } from 'electron';
import type { Handlers } from '../../shared/ipc/contract';
import { bindIpc } from './ipc-binder';
import type { TrustAnchor } from './sender-guard';

/** Binds every invoke channel on ipcMain; returns the unbind function used at shutdown. */
export function bindAppIpc(handlers: Handlers, anchor: () => TrustAnchor | undefined): () => void {
  return bindIpc(ipcMain, handlers, anchor);
}

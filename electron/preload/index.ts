// Sandboxed preload (bundled to out/preload/index.cjs): imports only electron, the channel
// allowlist and types, so no zod or Node module ends up here.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { buildSalvoApi } from './build-api';

const api = buildSalvoApi({
  invoke: (channel, arg) => ipcRenderer.invoke(channel, arg),
  subscribe: (channel, listener) => {
    // The IpcRendererEvent (with its sender) never reaches the page: only the payload does.
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
});

contextBridge.exposeInMainWorld('salvo', api);

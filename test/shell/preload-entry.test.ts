import { beforeAll, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../shared/ipc/channels';
import type { SalvoApi } from '../../shared/ipc/contract';

type Listener = (event: unknown, payload: unknown) => void;

// The real electron/preload/index.ts against a recording contextBridge and ipcRenderer.
const bridge = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as [string, unknown][],
  listeners: new Map<string, Set<Listener>>(),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void bridge.exposed.set(key, api) },
  ipcRenderer: {
    invoke: (channel: string, arg: unknown) => (bridge.invoked.push([channel, arg]), Promise.resolve({ ok: true, value: null })),
    on: (channel: string, l: Listener) => void (bridge.listeners.get(channel) ?? bridge.listeners.set(channel, new Set()).get(channel))?.add(l),
    removeListener: (channel: string, l: Listener) => void bridge.listeners.get(channel)?.delete(l),
  },
}));

let api: SalvoApi;

beforeAll(async () => {
  await import('../../electron/preload/index');
  api = bridge.exposed.get('salvo') as SalvoApi;
});

describe('electron/preload/index.ts', () => {
  it('exposes exactly one API object, window.salvo', () => {
    expect([...bridge.exposed.keys()]).toEqual(['salvo']);
    expect(Object.keys(api.invoke).sort()).toEqual(Object.keys(INVOKE_CHANNELS).sort());
  });

  it('invokes with the fixed channel name', async () => {
    await api.invoke['history:list']({ query: 'x' });
    expect(bridge.invoked).toEqual([['history:list', { query: 'x' }]]);
  });

  it('hands listeners the payload only, never the IPC event, and unsubscribes', () => {
    const got: unknown[] = [];
    const off = api.on('app:menu', (...args: unknown[]) => void got.push(args));
    const event = { sender: { send: () => undefined }, senderId: 0 };
    for (const l of bridge.listeners.get('app:menu') ?? []) l(event, { command: 'save' });
    expect(got).toEqual([[{ command: 'save' }]]);
    off();
    expect(bridge.listeners.get('app:menu')?.size).toBe(0);
  });
});

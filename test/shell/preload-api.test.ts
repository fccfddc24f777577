import { describe, expect, it } from 'vitest';
import { buildSalvoApi } from '../../electron/preload/build-api';
import type { PreloadTransport } from '../../electron/preload/build-api';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../shared/ipc/channels';
import type { EventChannel, InvokeChannel } from '../../shared/ipc/contract';

/** A fake transport that records invokes and lets the test push events like ipcRenderer would. */
function fakeTransport(fail = false) {
  const invoked: [InvokeChannel, unknown][] = [];
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const transport: PreloadTransport = {
    invoke: (channel, arg) => {
      invoked.push([channel, arg]);
      return fail ? Promise.reject(new Error('ipc down')) : Promise.resolve({ ok: true, value: channel });
    },
    subscribe: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => void set.delete(listener);
    },
  };
  const push = (channel: EventChannel, payload: unknown) => listeners.get(channel)?.forEach((l) => l(payload));
  return { transport, invoked, push, count: (channel: EventChannel) => listeners.get(channel)?.size ?? 0 };
}

describe('buildSalvoApi', () => {
  it('has one function per allowlisted invoke channel and nothing else', () => {
    const api = buildSalvoApi(fakeTransport().transport);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(Object.keys(api.invoke).sort()).toEqual(Object.keys(INVOKE_CHANNELS).sort());
    for (const fn of Object.values(api.invoke)) expect(typeof fn).toBe('function');
    expect(Object.isFrozen(api) && Object.isFrozen(api.invoke)).toBe(true);
  });

  it('calls the transport with the fixed channel of each function', async () => {
    const fake = fakeTransport();
    const api = buildSalvoApi(fake.transport);
    await expect(api.invoke['app:info']({})).resolves.toEqual({ ok: true, value: 'app:info' });
    await api.invoke['history:list']({});
    expect(fake.invoked.map(([c]) => c)).toEqual(['app:info', 'history:list']);
  });

  it('turns a transport failure into a Result, never a rejection', async () => {
    const api = buildSalvoApi(fakeTransport(true).transport);
    await expect(api.invoke['app:info']({})).resolves.toEqual({ ok: false, error: { kind: 'internal', message: 'ipc down' } });
  });

  it('delivers only the payload of allowlisted events and unsubscribes once', () => {
    const fake = fakeTransport();
    const api = buildSalvoApi(fake.transport);
    const got: unknown[] = [];
    const off = api.on('app:menu', (payload) => got.push(payload));
    fake.push('app:menu', { command: 'save' });
    expect(got).toEqual([{ command: 'save' }]);
    off();
    off();
    fake.push('app:menu', { command: 'send' });
    expect(got).toHaveLength(1);
    expect(fake.count('app:menu')).toBe(0);
  });

  it('refuses unknown event channels and non-function listeners', () => {
    const api = buildSalvoApi(fakeTransport().transport);
    const on = api.on as (channel: string, listener: unknown) => () => void;
    expect(() => on('http:send', () => undefined)).toThrow(/unknown event channel/);
    expect(() => on('constructor', () => undefined)).toThrow(/unknown event channel/);
    expect(() => on('app:menu', 'not a function')).toThrow(/listener/);
    expect(Object.keys(EVENT_CHANNELS)).toContain('app:menu');
  });
});

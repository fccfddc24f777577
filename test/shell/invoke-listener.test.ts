import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../shared/ipc/contract';
import { INVOKE_CHANNELS } from '../../shared/ipc/channels';
import { createInvokeListener, UNTRUSTED_SENDER } from '../../electron/main/invoke-listener';
import { bindIpc } from '../../electron/main/ipc-binder';
import type { IpcMainLike } from '../../electron/main/ipc-binder';
import { isTrustedSender } from '../../electron/main/sender-guard';
import type { InvokeEventLike, TrustAnchor } from '../../electron/main/sender-guard';

const anchor: TrustAnchor = { webContentsId: 7, mainFrame: { processId: 3, routingId: 1 }, appOrigin: 'salvo://app' };
const mainFrame = { url: 'salvo://app/index.html', parent: null, processId: 3, routingId: 1 };
const good: InvokeEventLike = { sender: { id: 7 }, senderFrame: mainFrame };

describe('isTrustedSender', () => {
  it('accepts the main frame of our window on the app origin', () => {
    expect(isTrustedSender(good, anchor)).toBe(true);
  });
  it.each<[string, InvokeEventLike]>([
    ['a subframe (response preview)', { sender: { id: 7 }, senderFrame: { url: 'salvo://app/index.html', parent: mainFrame, processId: 3, routingId: 9 } }],
    ['a srcdoc iframe', { sender: { id: 7 }, senderFrame: { url: 'about:srcdoc', parent: mainFrame, processId: 3, routingId: 9 } }],
    ['another webContents', { sender: { id: 8 }, senderFrame: mainFrame }],
    ['a page navigated elsewhere', { sender: { id: 7 }, senderFrame: { ...mainFrame, url: 'https://evil.example/' } }],
    ['a different frame id', { sender: { id: 7 }, senderFrame: { ...mainFrame, routingId: 2 } }],
    ['a file: page', { sender: { id: 7 }, senderFrame: { ...mainFrame, url: 'file:///tmp/x.html' } }],
    ['a destroyed frame', { sender: { id: 7 }, senderFrame: null }],
  ])('refuses %s', (_name, event) => {
    expect(isTrustedSender(event, anchor)).toBe(false);
  });
  it('refuses everything while there is no window', () => {
    expect(isTrustedSender(good, undefined)).toBe(false);
  });
});

describe('createInvokeListener', () => {
  let calls = 0;
  const handlers = {
    'app:info': () => {
      calls += 1;
      return Promise.resolve({ version: '1', platform: 'linux', mode: 'electron', secretsBackend: 'test' });
    },
    'settings:write': () => Promise.reject(new Error('disk full')),
  } as unknown as Handlers;

  it('runs the handler for a trusted sender and wraps the value', async () => {
    const listener = createInvokeListener(handlers, 'app:info', () => anchor);
    await expect(listener(good, {})).resolves.toEqual({ ok: true, value: expect.objectContaining({ version: '1' }) });
  });

  it('never calls the handler for an untrusted sender', async () => {
    calls = 0;
    const listener = createInvokeListener(handlers, 'app:info', () => anchor);
    const sub = { sender: { id: 7 }, senderFrame: { url: 'about:srcdoc', parent: mainFrame, processId: 3, routingId: 4 } };
    await expect(listener(sub, {})).resolves.toEqual(UNTRUSTED_SENDER);
    expect(calls).toBe(0);
  });

  it('rejects invalid payloads before the handler, and turns throws into data', async () => {
    const write = createInvokeListener(handlers, 'settings:write', () => anchor);
    const bad = await write(good, { settings: 'not an object' });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    const thrown = await write(good, { settings: {} });
    expect(thrown).toEqual({ ok: false, error: { kind: 'internal', message: 'disk full' } });
  });
});

describe('bindIpc', () => {
  it('registers exactly the allowlisted channels and removes them on unbind', () => {
    const registered = new Map<string, unknown>();
    const ipc: IpcMainLike = {
      handle: (channel, listener) => void registered.set(channel, listener),
      removeHandler: (channel) => void registered.delete(channel),
    };
    const unbind = bindIpc(ipc, {} as Handlers, () => anchor);
    expect([...registered.keys()].sort()).toEqual(Object.keys(INVOKE_CHANNELS).sort());
    unbind();
    expect(registered.size).toBe(0);
  });
});

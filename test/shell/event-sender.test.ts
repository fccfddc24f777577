import { describe, expect, it } from 'vitest';
import { createEventSender } from '../../electron/main/event-sender';
import type { EventTarget } from '../../electron/main/event-sender';
import type { Emit } from '../../shared/ipc/contract';

function fakeContents(destroyed = false): EventTarget & { sent: [string, unknown][] } {
  const sent: [string, unknown][] = [];
  return { sent, isDestroyed: () => destroyed, send: (channel, payload) => void sent.push([channel, payload]) };
}

describe('createEventSender', () => {
  it('sends allowlisted events to the live window', () => {
    const wc = fakeContents();
    const emit = createEventSender(() => wc);
    emit('app:menu', { command: 'save' });
    expect(wc.sent).toEqual([['app:menu', { command: 'save' }]]);
  });

  it('drops channels outside the allowlist', () => {
    const wc = fakeContents();
    const emit = createEventSender(() => wc) as unknown as (channel: string, payload: unknown) => void;
    emit('http:send', {});
    emit('__proto__', {});
    expect(wc.sent).toEqual([]);
  });

  it('drops events when the window is gone or destroyed, and survives a throwing send', () => {
    let emit: Emit = createEventSender(() => undefined);
    expect(() => emit('app:menu', { command: 'send' })).not.toThrow();
    const dead = fakeContents(true);
    emit = createEventSender(() => dead);
    emit('app:menu', { command: 'send' });
    expect(dead.sent).toEqual([]);
    emit = createEventSender(() => ({ isDestroyed: () => false, send: () => { throw new Error('Object has been destroyed'); } }));
    expect(() => emit('app:menu', { command: 'send' })).not.toThrow();
  });
});

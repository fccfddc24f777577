// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { takeBridgeToken } from '../../renderer/bridge/token';

beforeEach(() => {
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('bridge token', () => {
  it('takes the token from the fragment, removes it from the address bar and keeps it for reloads', () => {
    window.history.replaceState(null, '', '/index.html?x=1#token=abc123&tab=2');
    expect(takeBridgeToken()).toBe('abc123');
    expect(window.location.href).not.toContain('abc123');
    expect(window.location.search).toBe('?x=1');
    expect(window.location.hash).toBe('#tab=2');
    // After a reload the fragment is gone; sessionStorage still has it.
    expect(takeBridgeToken()).toBe('abc123');
  });

  it('returns undefined when there is none', () => {
    expect(takeBridgeToken()).toBeUndefined();
  });

  it('a new token in the URL wins over the stored one', () => {
    window.history.replaceState(null, '', '/#token=old');
    takeBridgeToken();
    window.history.replaceState(null, '', '/#token=new');
    expect(takeBridgeToken()).toBe('new');
    expect(window.location.hash).toBe('');
  });
});

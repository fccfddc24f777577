import { describe, expect, it } from 'vitest';
import { applyRequestFilter, isRendererRequestAllowed } from '../../electron/main/request-filter';
import type { FilterSession } from '../../electron/main/request-filter';

describe('isRendererRequestAllowed', () => {
  it('lets the bundle and inert local schemes through', () => {
    for (const url of ['salvo://app/index.html', 'salvo://app/assets/a.js', 'data:image/png;base64,AA', 'blob:salvo://app/1']) {
      expect(isRendererRequestAllowed(url, 'salvo://app'), url).toBe(true);
    }
  });
  it('blocks the network, other schemes and other origins', () => {
    for (const url of ['http://127.0.0.1:9/canary', 'https://example.com/x.png', 'ws://127.0.0.1:9/', 'file:///etc/passwd', 'salvo://evil/x', 'ftp://host/f']) {
      expect(isRendererRequestAllowed(url, 'salvo://app'), url).toBe(false);
    }
  });
  it('in dev allows only the dev server and its HMR socket', () => {
    expect(isRendererRequestAllowed('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true);
    expect(isRendererRequestAllowed('ws://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isRendererRequestAllowed('ws://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isRendererRequestAllowed('http://127.0.0.1:9/canary', 'http://localhost:5173')).toBe(false);
  });
});

describe('applyRequestFilter', () => {
  it('cancels refused requests through the session hook', () => {
    let listener: ((details: { url: string }, callback: (r: { cancel?: boolean }) => void) => void) | undefined;
    const session = { webRequest: { onBeforeRequest: (l: typeof listener) => void (listener = l) } } as unknown as FilterSession;
    applyRequestFilter(session, 'salvo://app');
    const answers: (boolean | undefined)[] = [];
    listener?.({ url: 'https://example.com/' }, (r) => answers.push(r.cancel));
    listener?.({ url: 'salvo://app/index.html' }, (r) => answers.push(r.cancel));
    expect(answers).toEqual([true, false]);
  });
});

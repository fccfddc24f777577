import { describe, expect, it } from 'vitest';
import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron';
import { hardenNavigation } from '../../electron/main/navigation';
import type { NavigableContents } from '../../electron/main/navigation';

type Listener = (details: { url?: string; isMainFrame?: boolean; initiator?: { url: string } | null; preventDefault(): void }) => void;

/** A stand-in WebContents that records listeners so the test can fire real-shaped events. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((d: HandlerDetails) => WindowOpenHandlerResponse) | undefined;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler: (d: HandlerDetails) => WindowOpenHandlerResponse) {
      openHandler = handler;
    },
  };
  const fire = (event: string, details: { url?: string; isMainFrame?: boolean; initiator?: { url: string } | null }) => {
    let prevented = false;
    const listener = listeners.get(event);
    if (!listener) throw new Error(`no listener for ${event}`);
    listener({ ...details, preventDefault: () => void (prevented = true) });
    return prevented;
  };
  return { contents: contents as unknown as NavigableContents, fire, open: (d: Partial<HandlerDetails>) => openHandler?.(d as HandlerDetails) };
}

function setup() {
  const opened: string[] = [];
  const fake = fakeContents();
  hardenNavigation(fake.contents, { appOrigin: 'salvo://app', openExternal: (url) => Promise.resolve(void opened.push(url)) });
  return { ...fake, opened };
}

describe('hardenNavigation', () => {
  it('denies every top-level navigation; opens web links clicked in the app externally', () => {
    const { fire, opened } = setup();
    expect(fire('will-navigate', { url: 'https://example.com/', isMainFrame: true, initiator: { url: 'salvo://app/index.html' } })).toBe(true);
    expect(fire('will-navigate', { url: 'file:///etc/passwd', isMainFrame: true, initiator: { url: 'salvo://app/index.html' } })).toBe(true);
    expect(fire('will-navigate', { url: 'https://evil.example/', isMainFrame: true, initiator: { url: 'about:srcdoc' } })).toBe(true);
    expect(fire('will-navigate', { url: 'https://evil.example/', isMainFrame: true, initiator: null })).toBe(true);
    expect(opened).toEqual(['https://example.com/']);
  });

  it('keeps preview subframes on inert local documents', () => {
    const { fire } = setup();
    expect(fire('will-frame-navigate', { url: 'about:srcdoc', isMainFrame: false })).toBe(false);
    expect(fire('will-frame-navigate', { url: 'blob:salvo://app/1', isMainFrame: false })).toBe(false);
    expect(fire('will-frame-navigate', { url: 'http://127.0.0.1:1/canary', isMainFrame: false })).toBe(true);
  });

  it('denies redirects, webviews and every new window', () => {
    const { fire, open, opened } = setup();
    expect(fire('will-redirect', { url: 'https://example.com/' })).toBe(true);
    expect(fire('will-attach-webview', {})).toBe(true);
    expect(open({ url: 'https://example.com/', disposition: 'foreground-tab' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///etc/passwd', disposition: 'new-window' })).toEqual({ action: 'deny' });
    expect(opened).toEqual([]);
  });
});

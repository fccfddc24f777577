import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  decideNavigation,
  isAllowedFrameNavigation,
  isAllowedSender,
  originOf,
  resolveRendererSource,
  shouldOpenExternally,
} from '../../electron/main/url-policy';

describe('originOf', () => {
  it('rebuilds custom-scheme origins that WHATWG reports as "null"', () => {
    expect(originOf('salvo://app/index.html')).toBe('salvo://app');
    expect(originOf('http://localhost:5173/x?y')).toBe('http://localhost:5173');
    expect(originOf('not a url')).toBeUndefined();
    expect(originOf('about:blank')).toBeUndefined();
  });
});

describe('isAllowedSender', () => {
  it.each([
    ['salvo://app/index.html', true],
    ['salvo://app/', true],
    ['SALVO://APP/index.html', true],
    ['salvo://evil/index.html', false],
    ['salvo://app.evil/index.html', false],
    ['https://app/index.html', false],
    ['file:///work/out/renderer/index.html', false],
    ['about:srcdoc', false],
    ['about:blank', false],
    ['blob:salvo://app/1234', false],
    ['data:text/html,<script>1</script>', false],
    ['', false],
  ])('%s -> %s', (url, expected) => {
    expect(isAllowedSender(url, APP_ORIGIN)).toBe(expected);
  });

  it('matches the dev server by scheme, host and port', () => {
    expect(isAllowedSender('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true);
    expect(isAllowedSender('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAllowedSender('https://localhost:5173/', 'http://localhost:5173')).toBe(false);
  });
});

describe('shouldOpenExternally', () => {
  it.each([
    ['https://example.com/docs', true],
    ['http://example.com', true],
    ['file:///etc/passwd', false],
    ['smb://host/share', false],
    ['javascript:alert(1)', false],
    ['ms-msdt:/id PCWDiagnostic', false],
    ['salvo://app/index.html', false],
    ['https://user:pass@example.com/', false],
    ['https://', false],
    ['nonsense', false],
    ['https://example.com/' + 'a'.repeat(9000), false],
  ])('%s -> %s', (url, expected) => {
    expect(shouldOpenExternally(url)).toBe(expected);
  });
});

describe('decideNavigation', () => {
  it('opens web links clicked in the app UI externally and denies everything else', () => {
    expect(decideNavigation('https://example.com', 'salvo://app/index.html', APP_ORIGIN)).toBe('open-external');
    expect(decideNavigation('file:///etc/passwd', 'salvo://app/index.html', APP_ORIGIN)).toBe('deny');
    expect(decideNavigation('https://example.com', 'about:srcdoc', APP_ORIGIN)).toBe('deny');
    expect(decideNavigation('https://example.com', undefined, APP_ORIGIN)).toBe('deny');
    expect(decideNavigation('salvo://app/other.html', 'salvo://app/index.html', APP_ORIGIN)).toBe('deny');
  });
});

describe('isAllowedFrameNavigation', () => {
  it('lets preview frames hold only local inert documents', () => {
    expect(isAllowedFrameNavigation('about:srcdoc', APP_ORIGIN)).toBe(true);
    expect(isAllowedFrameNavigation('about:blank', APP_ORIGIN)).toBe(true);
    expect(isAllowedFrameNavigation('blob:salvo://app/5b0e', APP_ORIGIN)).toBe(true);
    expect(isAllowedFrameNavigation('data:text/html,hi', APP_ORIGIN)).toBe(true);
    expect(isAllowedFrameNavigation('http://127.0.0.1:9/canary', APP_ORIGIN)).toBe(false);
    expect(isAllowedFrameNavigation('https://example.com/', APP_ORIGIN)).toBe(false);
    expect(isAllowedFrameNavigation('file:///etc/passwd', APP_ORIGIN)).toBe(false);
  });
});

describe('resolveRendererSource', () => {
  it('uses the bundle when packaged, even if a dev URL is set', () => {
    expect(resolveRendererSource(true, 'http://localhost:5173')).toEqual({ kind: 'bundle', url: 'salvo://app/index.html', origin: 'salvo://app' });
  });
  it('uses a loopback dev server when unpackaged', () => {
    expect(resolveRendererSource(false, 'http://localhost:5173/')).toEqual({ kind: 'dev', url: 'http://localhost:5173/', origin: 'http://localhost:5173' });
  });
  it('ignores a non-loopback or non-http dev URL', () => {
    expect(resolveRendererSource(false, 'http://evil.example:5173/').kind).toBe('bundle');
    expect(resolveRendererSource(false, 'file:///tmp/index.html').kind).toBe('bundle');
    expect(resolveRendererSource(false, undefined).kind).toBe('bundle');
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('allows scripts only from the app and forbids plugins, base and forms', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => { const [name, ...values] = d.trim().split(/\s+/); return [name, values.join(' ')] as const; }));
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('form-action')).toBe("'none'");
    expect(directives.get('connect-src')).toBe("'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*/);
  });
});

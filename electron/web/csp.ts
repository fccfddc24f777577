import { rendererCsp } from '../../shared/lib/csp';

/**
 * CSP of the renderer when served in browser mode: the Electron shell's policy
 * (electron/main/url-policy.ts) plus the bridge socket in connect-src and no framing by others.
 */
export function browserModeCsp(origin: string): string {
  return rendererCsp({ connect: [origin.replace(/^http/, 'ws')], forbidFraming: true });
}

/** Headers on every static response: no sniffing, no referrer, no embedding, no caching of the bundle. */
export function staticSecurityHeaders(origin: string): Record<string, string> {
  return {
    'Content-Security-Policy': browserModeCsp(origin),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

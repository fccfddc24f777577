import { rendererCsp } from '../../shared/lib/csp';

/** Scheme the packaged renderer is served from (registered as privileged before app ready). */
export const APP_SCHEME = 'salvo';
/** Host part of the app URL: `salvo://app/`. */
export const APP_HOST = 'app';
/** The app's own origin when loaded from the bundle. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** Entry page of the bundled renderer. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** CSP sent with every bundle response; mirrors the meta tag in renderer/index.html. */
export const CONTENT_SECURITY_POLICY = rendererCsp();

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * `scheme://host[:port]` of a URL, or undefined. WHATWG gives custom schemes an opaque
 * origin ("null"), so it is rebuilt from protocol and host for those.
 */
export function originOf(url: string): string | undefined {
  const parsed = parse(url);
  if (!parsed || parsed.host === '') return undefined;
  return `${parsed.protocol}//${parsed.host}`.toLowerCase();
}

/** True when a frame URL belongs to the app's own origin (the bundle scheme or the dev server). */
export function isAllowedSender(url: string, appOrigin: string): boolean {
  const origin = originOf(url);
  return origin !== undefined && origin === appOrigin.toLowerCase();
}

/** True for http(s) URLs without credentials: the only kind handed to the system browser. */
export function shouldOpenExternally(url: string): boolean {
  if (typeof url !== 'string' || url.length > 8192) return false;
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  // user:pass@ URLs are a classic phishing disguise; a real link never needs them.
  return parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

/**
 * Subframes may hold only inert local documents (response previews as srcdoc/blob/data);
 * anything else, in particular network URLs, is refused.
 */
export function isAllowedFrameNavigation(url: string, appOrigin: string): boolean {
  if (url === 'about:blank' || url === 'about:srcdoc') return true;
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === 'blob:' || parsed.protocol === 'data:') return true;
  return isAllowedSender(url, appOrigin);
}

/** Where the renderer comes from: the dev server (unpackaged, ELECTRON_RENDERER_URL) or the bundle. */
export type RendererSource = { readonly kind: 'dev'; readonly url: string; readonly origin: string } | { readonly kind: 'bundle'; readonly url: string; readonly origin: string };

/** Picks the renderer source; a dev URL is honoured only unpackaged and only on a loopback host. */
export function resolveRendererSource(isPackaged: boolean, devUrl: string | undefined): RendererSource {
  if (!isPackaged && devUrl) {
    const parsed = parse(devUrl);
    const loopback = parsed && (parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1' || parsed.hostname === '[::1]');
    if (parsed && loopback && (parsed.protocol === 'http:' || parsed.protocol === 'https:')) {
      return { kind: 'dev', url: parsed.href, origin: `${parsed.protocol}//${parsed.host}` };
    }
  }
  return { kind: 'bundle', url: APP_ENTRY_URL, origin: APP_ORIGIN };
}

/**
 * What to do with a top-level navigation attempt: always stay put; a web link clicked in the
 * app's own UI (not in a preview) opens in the system browser instead.
 */
export function decideNavigation(url: string, initiatorUrl: string | undefined, appOrigin: string): 'deny' | 'open-external' {
  const fromApp = initiatorUrl !== undefined && isAllowedSender(initiatorUrl, appOrigin);
  return fromApp && shouldOpenExternally(url) ? 'open-external' : 'deny';
}

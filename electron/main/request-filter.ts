import type { Session } from 'electron';
import { isAllowedSender } from './url-policy';

/**
 * Whether a request made by a renderer (page, preview iframe, image, worker) may proceed. The UI
 * never needs the network: every HTTP call goes through the main process. So only the app origin
 * and inert local schemes pass; in dev, the dev server (and its HMR socket) too.
 */
export function isRendererRequestAllowed(url: string, appOrigin: string): boolean {
  if (/^(data|blob|devtools|chrome-extension):/i.test(url)) return true;
  if (isAllowedSender(url, appOrigin)) return true;
  const ws = url.replace(/^ws(s?):/i, 'http$1:');
  return ws !== url && isAllowedSender(ws, appOrigin);
}

/** The part of a Session the filter installs itself on. */
export type FilterSession = { readonly webRequest: Pick<Session['webRequest'], 'onBeforeRequest'> };

/** Cancels every renderer request that {@link isRendererRequestAllowed} refuses. */
export function applyRequestFilter(session: FilterSession, appOrigin: string): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isRendererRequestAllowed(details.url, appOrigin) });
  });
}

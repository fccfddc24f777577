import { protocol } from 'electron';
import { readBundleFile } from './bundle-files';
import { APP_SCHEME, CONTENT_SECURITY_POLICY } from './url-policy';

/** Must run before app ready: makes `salvo://` a standard, secure origin (fetch allowed, no CSP bypass). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

/** Serves the renderer bundle at `salvo://app/` with the CSP header; paths outside `root` get 403. */
export function serveBundle(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('method not allowed', { status: 405 });
    const file = await readBundleFile(root, request.url);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
      status: file.status,
      headers: {
        'content-type': file.contentType,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cross-origin-opener-policy': 'same-origin',
        'referrer-policy': 'no-referrer',
      },
    });
  });
}

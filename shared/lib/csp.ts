/**
 * The renderer's Content-Security-Policy, one definition for every way it is served: the
 * Electron protocol handler and browser mode (which adds its bridge socket and forbids framing).
 * renderer/index.html carries the same policy as a meta tag (checked by test/security/bundles).
 */
export function rendererCsp(options: { readonly connect?: readonly string[]; readonly forbidFraming?: boolean } = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "frame-src 'self' blob: data:",
    ["connect-src 'self'", ...(options.connect ?? [])].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    ...(options.forbidFraming === true ? ["frame-ancestors 'none'"] : []),
  ].join('; ');
}

import type { ErrorInfo } from '../../../shared/model/errors';
import { assertNever } from '../../../shared/model/errors';

/** A hint for an error, with an optional one-click fix. */
export interface ErrorHint {
  readonly text: string;
  readonly action?: 'allow-insecure' | 'raise-timeout' | 'show-variables' | 'allow-external-files';
}

function isCertificateProblem(info: ErrorInfo): boolean {
  const text = `${info.message} ${JSON.stringify(info.detail ?? {})}`.toLowerCase();
  return /self[- ]signed|certificate|unable to verify|cert_|depth_zero|expired/.test(text);
}

/** What to tell the user about an error kind. */
export function hintFor(info: ErrorInfo): ErrorHint {
  switch (info.kind) {
    case 'tls':
      return isCertificateProblem(info)
        ? { text: 'The server certificate is not trusted (self-signed, expired or for another host). Allow insecure TLS for this request?', action: 'allow-insecure' }
        : { text: 'The TLS handshake failed. Check the protocol, the client certificate and the CA file in Options.' };
    case 'invalid-url':
      return { text: 'The URL is not valid. It needs a scheme (http:// or https://) and a host.' };
    case 'unresolved-variable':
      return { text: 'Some {{variables}} are not defined in the active environment, collection, folder or request.', action: 'show-variables' };
    case 'dns':
      return { text: 'The host name could not be resolved. Check the spelling and your network or VPN.' };
    case 'connection-refused':
      return { text: 'Nothing is listening at that host and port. Is the server running?' };
    case 'connection-reset':
      return { text: 'The server closed the connection unexpectedly.' };
    case 'timeout':
      return { text: `The request timed out${typeof info.detail?.phase === 'string' ? ` waiting for ${info.detail.phase}` : ''}. You can raise the timeouts in Options.`, action: 'raise-timeout' };
    case 'too-many-redirects':
      return { text: 'The redirect limit was reached. Raise it in Options or check for a redirect loop.' };
    case 'body-too-large':
      return { text: 'The body is larger than the cap. Save it to a file instead.' };
    case 'decompression':
      return { text: 'The body could not be decoded as its Content-Encoding claims (or it expands too much).' };
    case 'protocol':
      return { text: 'The server sent a response that breaks the HTTP protocol.' };
    case 'cancelled':
      return { text: 'The request was cancelled.' };
    case 'invalid-input':
      return info.detail?.reason === 'external-file'
        ? {
            text: `${Array.isArray(info.detail.paths) ? info.detail.paths.join(', ') : String(info.detail.path)}: a file outside the collection folder is read only with your consent, kept on this computer (never in the collection). Allow exactly ${Array.isArray(info.detail.paths) && info.detail.paths.length > 1 ? 'these files' : 'this file'}?`,
            action: 'allow-external-files',
          }
        : { text: 'The request is not valid. Check the highlighted fields.' };
    case 'not-found':
      return { text: 'The file or item no longer exists.' };
    case 'conflict':
      return { text: 'The file changed on disk since it was opened.' };
    case 'io':
      return { text: 'A file could not be read or written.' };
    case 'internal':
      return { text: 'Something went wrong inside Salvo.' };
    default:
      return assertNever(info.kind);
  }
}

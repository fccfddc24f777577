import { mapUrlPath, readStaticFile } from '../fs/static-files';
import { APP_HOST, APP_SCHEME } from './url-policy';

/**
 * Maps a `salvo://app/...` URL to a file under `root`, or undefined when the URL is for another
 * scheme/host, is malformed, or its path (after percent-decoding) would leave the bundle.
 */
export function resolveBundlePath(root: string, requestUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST) return undefined;
  return mapUrlPath(root, url.pathname);
}

/** What the protocol handler answers. */
export interface BundleResponse {
  readonly status: 200 | 403 | 404;
  readonly contentType: string;
  readonly body: Buffer;
}

function refuse(status: 403 | 404): BundleResponse {
  return { status, contentType: 'text/plain; charset=utf-8', body: Buffer.from(status === 403 ? 'forbidden' : 'not found') };
}

/**
 * Reads the file a bundle URL names. Symlinks are followed only if their real target is still
 * inside the real bundle root, so a link planted in out/renderer cannot expose the disk.
 */
export async function readBundleFile(root: string, requestUrl: string): Promise<BundleResponse> {
  const target = resolveBundlePath(root, requestUrl);
  if (target === undefined) return refuse(403);
  const found = await readStaticFile(root, new URL(requestUrl).pathname);
  switch (found.kind) {
    case 'file':
      return { status: 200, contentType: found.contentType, body: found.body };
    case 'forbidden':
      return refuse(403);
    case 'not-found':
      return refuse(404);
  }
}

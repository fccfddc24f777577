import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './url-policy';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Content type by file extension; unknown files are opaque bytes (never sniffed into HTML). */
export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && rel.split(sep)[0] !== '..');
}

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
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  // Backslashes and NUL are never in our bundle names; on Windows a backslash is a separator.
  if (pathname.includes('\0') || pathname.includes('\\')) return undefined;
  const segments = pathname.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.' || /^[a-zA-Z]:$/.test(s))) return undefined;
  const base = resolve(root);
  const target = segments.length === 0 ? join(base, 'index.html') : resolve(base, ...segments);
  return isInside(base, target) && target !== base ? target : undefined;
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
  try {
    const [realRoot, realTarget] = await Promise.all([realpath(root), realpath(target)]);
    if (!isInside(realRoot, realTarget)) return refuse(403);
    if (!(await stat(realTarget)).isFile()) return refuse(404);
    return { status: 200, contentType: contentTypeFor(realTarget), body: await readFile(realTarget) };
  } catch {
    return refuse(404);
  }
}

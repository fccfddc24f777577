import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

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

/** Content type by extension; unknown files are opaque bytes (never sniffed into HTML). */
export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel !== '' && !isAbsolute(rel) && rel.split(sep)[0] !== '..';
}

/** Lexically maps a URL path to a file under root, or undefined when it would leave it. */
export function mapUrlPath(root: string, urlPath: string): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  // Backslashes and NUL never appear in bundle names; on Windows a backslash is a separator.
  if (pathname.includes('\0') || pathname.includes('\\')) return undefined;
  const segments = pathname.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.' || /^[a-zA-Z]:$/.test(s))) return undefined;
  const base = resolve(root);
  const target = segments.length === 0 ? resolve(base, 'index.html') : resolve(base, ...segments);
  return isInside(base, target) ? target : undefined;
}

/** A file to serve, or why not. */
export type StaticLookup = { readonly kind: 'file'; readonly body: Buffer; readonly contentType: string } | { readonly kind: 'not-found' } | { readonly kind: 'forbidden' };

/**
 * Reads the file a URL path names under `root`. Paths that leave the root lexically or through
 * a symlink (checked after realpath) are forbidden; missing files and folders are not found.
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticLookup> {
  const mapped = mapUrlPath(root, urlPath);
  if (mapped === undefined) return { kind: 'forbidden' };
  let real: string;
  let realRoot: string;
  try {
    [real, realRoot] = await Promise.all([realpath(mapped), realpath(root)]);
  } catch {
    return { kind: 'not-found' };
  }
  if (!isInside(realRoot, real)) return { kind: 'forbidden' };
  try {
    const info = await stat(real);
    if (!info.isFile()) return { kind: 'not-found' };
    return { kind: 'file', body: await readFile(real), contentType: contentTypeFor(real) };
  } catch {
    return { kind: 'not-found' };
  }
}

import { SalvoError } from '../../shared/model/errors';

/** Longest file or folder name we create (well under every filesystem's 255-byte limit). */
export const MAX_SEGMENT_LENGTH = 80;
/** Longest collection-relative path accepted from a caller. */
const MAX_REL_PATH = 1024;

const RESERVED_WINDOWS = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** True for keys that must never become object properties (prototype pollution). */
export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN_KEYS.has(key);
}

/** Why a single path segment is unsafe, or undefined when it is fine. */
export function segmentProblem(segment: string): string | undefined {
  if (segment === '' || segment === '.' || segment === '..') return 'empty or dot segment';
  if (segment.length > 255) return 'name too long';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(segment)) return 'control character in name';
  if (/[/\\:*?"<>|]/.test(segment)) return 'separator or reserved character in name';
  if (/[. ]$/.test(segment)) return 'name ends with a dot or space';
  if (RESERVED_WINDOWS.test(segment)) return 'reserved device name';
  if (isForbiddenKey(segment)) return 'reserved name';
  return undefined;
}

/**
 * Splits and checks a collection-relative path from an untrusted caller ('' = the root).
 * Refuses absolute paths, drive letters, backslashes, `..`, NUL and reserved names.
 */
export function splitRelPath(rel: string): string[] {
  if (rel === '' || rel === '/') return [];
  if (rel.length > MAX_REL_PATH) throw new SalvoError('invalid-input', 'path is too long');
  if (rel.startsWith('/') || rel.includes('\\') || /^[a-zA-Z]:/.test(rel)) throw new SalvoError('invalid-input', `not a collection-relative path: ${rel.slice(0, 80)}`);
  const parts = rel.split('/').filter((p, i, all) => !(p === '' && i === all.length - 1));
  for (const part of parts) {
    const problem = segmentProblem(part);
    if (problem !== undefined) throw new SalvoError('invalid-input', `unsafe path ${JSON.stringify(rel.slice(0, 80))}: ${problem}`);
  }
  return parts;
}

/**
 * Turns a display name (from the user or an imported file) into a safe, readable file stem:
 * lowercase words joined by '-', no separators or dots at the ends, never a reserved name.
 */
export function slugify(name: string): string {
  let slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-. ]+$/g, '');
  if (slug.length > MAX_SEGMENT_LENGTH) slug = slug.slice(0, MAX_SEGMENT_LENGTH).replace(/[-. ]+$/g, '');
  if (slug === '' || slug === '.' || slug === '..') slug = 'untitled';
  if (RESERVED_WINDOWS.test(slug) || isForbiddenKey(slug)) slug = `${slug}-`.replace(/\./g, '-') + 'item';
  return slug;
}

/** Picks `stem + ext`, or `stem-2 + ext`, ... that is not in `taken` (compared case-insensitively). */
export function uniqueName(stem: string, ext: string, taken: ReadonlySet<string>): string {
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  for (let n = 1; n < 10_000; n++) {
    const candidate = n === 1 ? `${stem}${ext}` : `${stem}-${n}${ext}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
  throw new SalvoError('conflict', `no free name for ${stem}`);
}

/** Checks a display name given by the user (request, folder or environment name). */
export function checkDisplayName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new SalvoError('invalid-input', 'name must not be empty');
  if (trimmed.length > 255) throw new SalvoError('invalid-input', 'name is too long');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) throw new SalvoError('invalid-input', 'name contains control characters');
  return trimmed;
}

/** Joins collection-relative segments with '/'. */
export function joinRel(...parts: string[]): string {
  return parts.filter((p) => p !== '').join('/');
}

/** Parent folder of a collection-relative path ('' for top level). */
export function parentRel(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? '' : rel.slice(0, i);
}

/** Last segment of a collection-relative path. */
export function baseRel(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? rel : rel.slice(i + 1);
}

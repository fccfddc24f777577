/**
 * Response bodies live outside reactive state: a plain Map keyed by request id. The responses
 * store only carries `{ bytes, version, truncated }`, and the version bumps when the text here changes.
 */
const bodies = new Map<string, string>();

/** The body text (or base64 for binary) cached for a request id. */
export function getBody(id: string): string {
  return bodies.get(id) ?? '';
}

/** Replaces the cached body. */
export function setBody(id: string, text: string): void {
  bodies.set(id, text);
}

/** Appends streamed or progressively fetched text. */
export function appendBody(id: string, text: string): void {
  bodies.set(id, (bodies.get(id) ?? '') + text);
}

/** Drops a cached body (tab closed, new send). */
export function dropBody(id: string): void {
  bodies.delete(id);
}

/** Number of cached bodies (tests, leak checks). */
export function bodyCount(): number {
  return bodies.size;
}

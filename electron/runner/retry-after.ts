/** Statuses that may be retried when retries are on. */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/**
 * How long to wait before retry `attempt` (0-based): `Retry-After` (seconds or an HTTP date) when
 * present, else exponential backoff from 100 ms; always capped at `maxDelayMs`.
 */
export function retryDelayMs(retryAfter: string | undefined, attempt: number, maxDelayMs: number, now: number = Date.now()): number {
  let delay = 100 * 2 ** attempt;
  if (retryAfter !== undefined && retryAfter.trim() !== '') {
    const text = retryAfter.trim();
    if (/^\d+$/.test(text)) delay = Number(text) * 1000;
    else {
      const at = Date.parse(text);
      if (!Number.isNaN(at)) delay = Math.max(0, at - now);
    }
  }
  return Math.min(Math.max(0, delay), maxDelayMs);
}

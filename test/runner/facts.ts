import { ResponseFacts } from '../../electron/runner/response-facts';

/** Response facts for tests: a JSON or text body with headers. */
export function facts(status: number, body: string | object, headers: Array<[string, string]> = [], durationMs = 12): ResponseFacts {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const bytes = new TextEncoder().encode(text);
  return new ResponseFacts(status, headers, bytes, bytes.byteLength, durationMs, 'utf-8');
}

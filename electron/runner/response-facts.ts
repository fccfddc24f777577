import { TextDecoder } from 'node:util';
import type { HeaderList, ResponseResult } from '../../shared/model/response';

/** Decoded body text kept for analysis is capped; beyond it body assertions fail with a clear reason. */
export const ANALYSIS_CAP_BYTES = 8 * 1024 * 1024;

/** What assertions and extractions look at: one response, with its body parsed at most once. */
export class ResponseFacts {
  private parsed: { ok: true; value: unknown } | { ok: false; reason: string } | undefined;
  private text: string | undefined;

  constructor(
    readonly status: number,
    readonly headers: HeaderList,
    private readonly bodyBytes: Uint8Array | undefined,
    /** Decoded body size (may exceed what was kept). */
    readonly bodySize: number,
    readonly durationMs: number,
    private readonly charset: string | undefined,
  ) {}

  /** Builds the facts from an engine result (a file-spilled body is not analysed). */
  static from(result: ResponseResult): ResponseFacts {
    const bytes = result.body.kind === 'memory' ? result.body.bytes : undefined;
    return new ResponseFacts(result.status, result.headers, bytes, result.sizes.bodyDecoded, result.timings.total, result.charset);
  }

  /** First value of a header (case-insensitive), or undefined. */
  header(name: string): string | undefined {
    const lower = name.toLowerCase();
    for (const [n, v] of this.headers) if (n.toLowerCase() === lower) return v;
    return undefined;
  }

  /** The whole body as text, or a reason why it is not available. */
  bodyText(): { ok: true; text: string } | { ok: false; reason: string } {
    if (this.text !== undefined) return { ok: true, text: this.text };
    if (this.bodyBytes === undefined) return { ok: false, reason: 'body not kept in memory' };
    if (this.bodyBytes.byteLength < this.bodySize) return { ok: false, reason: `body larger than the ${ANALYSIS_CAP_BYTES} byte analysis cap` };
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(this.charset ?? 'utf-8');
    } catch {
      decoder = new TextDecoder('utf-8');
    }
    const text = decoder.decode(this.bodyBytes);
    this.text = text;
    return { ok: true, text };
  }

  /** The body parsed as JSON (once). */
  json(): { ok: true; value: unknown } | { ok: false; reason: string } {
    if (this.parsed !== undefined) return this.parsed;
    const body = this.bodyText();
    if (!body.ok) {
      this.parsed = body;
      return body;
    }
    try {
      this.parsed = { ok: true, value: JSON.parse(body.text) as unknown };
    } catch (err) {
      this.parsed = { ok: false, reason: `body is not JSON: ${err instanceof Error ? err.message : String(err)}` };
    }
    return this.parsed;
  }
}

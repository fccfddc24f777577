import type { RequestSpec } from '../../shared/model/request';
import type { ResponseResult } from '../../shared/model/response';

/** Settings of the one shared client session. */
export interface EngineOptions {
  /** Max sockets per origin (undici Pool `connections`). */
  readonly connectionsPerOrigin?: number;
  /** undici pipelining factor; 1 = off. */
  readonly pipelining?: number;
  /** Default decoded-body cap before a body spills to a temp file (50 MB). */
  readonly bodyCapBytes?: number;
  /** Where spilled bodies go; a per-process temp folder by default. */
  readonly tempDir?: string;
  /** Hard limit of decoded body bytes (memory + spill file); past it a response is `body-too-large` (1 GiB). */
  readonly maxBodyBytes?: number;
  /** Largest response header block accepted (64 KB). */
  readonly maxHeaderSize?: number;
  /** How long an idle keep-alive socket is kept (10 s). */
  readonly keepAliveTimeoutMs?: number;
}

/**
 * A cookie jar as the engine sees it: no persistence, no policy beyond RFC 6265 matching. The
 * header lookup may answer synchronously (an empty jar does, so a batch without cookies pays
 * nothing); `store` is awaited before the send resolves, so a request that starts after another
 * finished sees the cookies it was given.
 */
export interface CookieJarPort {
  /** The `Cookie` header value for a request to `url`, or undefined when no cookie matches. */
  cookieHeaderFor(url: URL): string | undefined | Promise<string | undefined>;
  /** Stores the `Set-Cookie` values of one response from `url` (invalid or refused ones are ignored). */
  store(url: URL, setCookies: readonly string[]): Promise<void>;
}

/** Per-send options that are not part of the saved spec. */
export interface SendOptions {
  /** Caller-chosen id used for cancel and for chunk events. */
  readonly id: string;
  readonly signal?: AbortSignal;
  /** Streaming body chunks as they arrive, decoded. The engine does not coalesce; callers do. */
  readonly onChunk?: (chunk: Uint8Array) => void;
  /** Secret values substituted into this request: redacted in `sent` and dropped on cross-origin hops. */
  readonly secretValues?: readonly string[];
  /** Header names / query names that came from auth settings or secrets: dropped on a cross-origin redirect. */
  readonly sensitiveNames?: readonly string[];
  /** Cap on body bytes kept in memory for this request; beyond it the body spills to a file (or is dropped if `discardBeyondCap`). */
  readonly bodyCapBytes?: number;
  /** Batch runs keep only a preview: bytes beyond the cap are counted but not kept. */
  readonly discardBeyondCap?: boolean;
  /** Hard decoded-byte limit for this request (overrides the engine's `maxBodyBytes`). */
  readonly maxBodyBytes?: number;
  /** The jar for this send: cookies added on every hop, every hop's Set-Cookie stored (unless the spec's `useCookieJar` is off). */
  readonly cookies?: CookieJarPort;
}

/**
 * The request engine: owns the one undici Agent. `send` never rejects: failures come back as a
 * result with `error` set, so no caller can leak an unhandled rejection into the main process.
 */
export interface Engine {
  /** `spec` must already be variable-resolved. */
  send(spec: RequestSpec, options: SendOptions): Promise<ResponseResult>;
  /** Aborts an in-flight request by id; true when one was found. */
  cancel(id: string): boolean;
  /** Number of requests in flight (for leak checks). */
  inFlight(): number;
  close(): Promise<void>;
}

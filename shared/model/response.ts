import type { ErrorInfo } from './errors';

/** Timing phases in milliseconds. Phases that did not happen (reused socket, plain HTTP) are 0. */
export interface Timings {
  readonly dns: number;
  readonly connect: number;
  readonly tls: number;
  /** Writing the request (headers + body) to the socket. */
  readonly send: number;
  /** From request written to first response byte (server think time). */
  readonly ttfb: number;
  readonly download: number;
  readonly total: number;
}

export interface Sizes {
  readonly headers: number;
  /** Body bytes as received on the wire (before content decoding). */
  readonly bodyWire: number;
  /** Body bytes after content decoding. */
  readonly bodyDecoded: number;
}

/** One hop of a redirect chain that Salvo followed itself. */
export interface RedirectHop {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly location: string;
  /** Credentials were dropped because the next hop changes origin. */
  readonly droppedCredentials: boolean;
  /** https -> http. */
  readonly downgrade: boolean;
}

/** Header list in received order; a name may repeat. */
export type HeaderList = ReadonlyArray<readonly [name: string, value: string]>;

/** Where the body of a response lives in the main process. */
export type BodyStore =
  | { readonly kind: 'memory'; readonly bytes: Uint8Array }
  | { readonly kind: 'file'; readonly path: string; readonly bytes: number };

/** The engine's result of one request: kept in the main process. */
export interface ResponseResult {
  readonly id: string;
  readonly method: string;
  /** Final URL after redirects. */
  readonly url: string;
  readonly status: number;
  readonly statusText: string;
  readonly httpVersion: string;
  readonly headers: HeaderList;
  readonly body: BodyStore;
  readonly contentType: string;
  /** The charset used to decode text, or undefined for binary bodies. */
  readonly charset: string | undefined;
  readonly isBinary: boolean;
  readonly sizes: Sizes;
  readonly timings: Timings;
  readonly reusedConnection: boolean;
  readonly remoteAddress: string;
  readonly remotePort: number;
  readonly redirects: readonly RedirectHop[];
  /** The body was cut short (reset, close before Content-Length, missing last chunk). */
  readonly incomplete: boolean;
  /** The body went past the in-memory cap and was spilled to a temp file. */
  readonly spilledToFile: boolean;
  /** Set when the request failed; the fields above hold what was received before the failure. */
  readonly error: ErrorInfo | undefined;
  readonly startedAt: number;
  /** What was actually sent, secrets redacted. */
  readonly sent: { readonly method: string; readonly url: string; readonly headers: HeaderList };
}

/** What crosses IPC for one response: everything but the full body. */
export interface ResponseView extends Omit<ResponseResult, 'body'> {
  readonly bodyBytes: number;
  /** Text preview (decoded) or base64 preview for binary bodies, capped. */
  readonly preview: string;
  readonly previewEncoding: 'text' | 'base64';
  readonly previewTruncated: boolean;
}

/** A slice of a body fetched on demand. */
export interface BodySlice {
  readonly id: string;
  readonly offset: number;
  readonly totalBytes: number;
  readonly encoding: 'text' | 'base64';
  readonly data: string;
  readonly done: boolean;
}

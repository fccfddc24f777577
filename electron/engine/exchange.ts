import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { pipeline } from 'node:stream';
import type { Readable, Transform, Writable } from 'node:stream';
import type { Dispatcher } from 'undici';
import type { ErrorInfo } from '../../shared/model/errors';
import { SalvoError } from '../../shared/model/errors';
import type { BodyStore } from '../../shared/model/response';
import { BodyCollector, BodySink } from './body-sink';
import type { SinkOptions } from './body-sink';
import { socketFacts } from './connector';
import { COARSE_FROM_MS, unwatchDeadline, watchDeadline } from './deadlines';
import type { Swept } from './deadlines';
import { createDecoders, decodeError, parseCodings } from './decode';
import type { Coding } from './decode';
import { mapError, timeoutError } from './errors';
import type { ExchangePhase } from './errors';
import type { SocketAware } from './socket-tap';

/** One request on the wire, no redirects. */
export interface ExchangeRequest {
  readonly url: URL;
  readonly method: string;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: Buffer | Readable | null;
  readonly headersTimeoutMs: number;
  readonly bodyIdleTimeoutMs: number;
  /** Body limits, chosen once the status is known (followed redirects are not streamed or kept). */
  readonly sink: SinkChooser;
}

/** Chooses the body limits of an exchange from its status and headers. */
export interface SinkChooser {
  sinkFor(status: number, headers: ReadonlyArray<readonly [string, string]>): SinkOptions;
}

/** Raw phase marks of one exchange (performance.now() values, 0 = did not happen). */
export interface ExchangeMarks {
  readonly start: number;
  readonly written: number;
  readonly sent: number;
  readonly firstByte: number;
  readonly headers: number;
  readonly end: number;
  readonly dns: number;
  readonly connect: number;
  readonly tls: number;
}

/** What one exchange produced; `error` set when it failed (fields hold what arrived). */
export interface ExchangeResult {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Array<[string, string]>;
  readonly headerBytes: number;
  readonly body: BodyStore;
  readonly wireBytes: number;
  readonly decodedBytes: number;
  readonly spilled: boolean;
  readonly marks: ExchangeMarks;
  readonly reused: boolean;
  readonly remoteAddress: string;
  readonly remotePort: number;
  readonly httpVersion: string;
  readonly incomplete: boolean;
  readonly error: ErrorInfo | undefined;
  /** The first Content-Type value ('' when none or nothing arrived). */
  readonly contentType: string;
  /** The Set-Cookie values, undefined when there are none (the common case, no array). */
  readonly setCookies: string[] | undefined;
}

/** What one pass over the raw response headers yields. */
interface HeaderScan {
  readonly pairs: Array<[string, string]>;
  readonly bytes: number;
  readonly encodings: string[] | undefined;
  readonly lengths: string[] | undefined;
  readonly contentType: string | undefined;
  readonly setCookies: string[] | undefined;
}

/**
 * Header pairs, their size, and the values the engine acts on (Content-Encoding, Content-Length,
 * Content-Type, Set-Cookie), in one pass: nothing downstream scans the list again per response.
 */
function scanHeaders(raw: Buffer[]): HeaderScan {
  const pairs: Array<[string, string]> = [];
  let bytes = 0;
  let encodings: string[] | undefined;
  let lengths: string[] | undefined;
  let contentType: string | undefined;
  let setCookies: string[] | undefined;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]?.toString('latin1') ?? '';
    const value = raw[i + 1]?.toString('latin1') ?? '';
    pairs.push([name, value]);
    bytes += name.length + value.length + 4;
    // Only names of the right length are lower-cased and compared.
    const size = name.length;
    if (size === 12) {
      if (contentType === undefined && name.toLowerCase() === 'content-type') contentType = value;
    } else if (size === 10) {
      if (name.toLowerCase() === 'set-cookie') (setCookies ??= []).push(value);
    } else if (size === 16) {
      if (name.toLowerCase() === 'content-encoding') (encodings ??= []).push(value);
    } else if (size === 14 && name.toLowerCase() === 'content-length') (lengths ??= []).push(value.trim());
  }
  return { pairs, bytes, encodings, lengths, contentType, setCookies };
}

function declaredLength(values: readonly string[] | undefined): number | undefined {
  if (values === undefined || values.length !== 1 || !/^\d+$/.test(values[0] ?? '')) return undefined;
  return Number(values[0]);
}

const NO_BODY: BodyStore = { kind: 'memory', bytes: new Uint8Array(0) };

/** Runs `deliver` one macrotask after the current callback returns (see `finish`). */
function deliverLater(handler: ExchangeHandler): void {
  setImmediate(deliver, handler);
}

function deliver(handler: ExchangeHandler): void {
  handler.deliver();
}

function onTimer(handler: ExchangeHandler): void {
  handler.timedOut();
}

/**
 * The per-request dispatch handler. It uses undici's classic handler hooks on purpose: they are
 * passed through unwrapped, so the `sendHeaders` diagnostics message can be matched to this
 * object, and they include onRequestSent / onResponseStarted for the send and TTFB marks.
 */
class ExchangeHandler implements Dispatcher.DispatchHandler, SocketAware, Swept {
  private abortFn: ((err?: Error) => void) | undefined;
  private pendingAbort: Error | undefined;
  private resumeFn: (() => void) | undefined;
  /**
   * Our own native timer for a short limit (undici's coarse timers can overshoot sub-second
   * limits by a second), re-armed with `refresh()` while its length stays the same.
   */
  private timer: NodeJS.Timeout | undefined;
  /** A long limit is watched by the shared sweep instead (deadlines.ts): its slot there (-1: not watched), deadline, and activity since the last sweep. */
  sweepSlot = -1;
  private deadline = 0;
  private active = false;
  private timerMs = 0;
  private timerPhase: 'headers' | 'body' = 'headers';
  private settled = false;
  private phase: ExchangePhase = 'connect';
  private status = 0;
  private statusText = '';
  private headers: Array<[string, string]> = [];
  private contentType = '';
  private setCookies: string[] | undefined;
  private headerBytes = 0;
  private wireBytes = 0;
  /** Declared Content-Length, checked at the end (undici's HTTP/2 client reports RST_STREAM as a normal end). */
  private expectedLength: number | undefined;
  private codings: Coding[] = [];
  private collector: BodyCollector | undefined;
  /**
   * First stage of the body stream (a decoder, or the sink itself); undefined when the body goes
   * straight to the collector: identity-coded and never spilled (kept within the cap or discarded
   * beyond it), which is every batch-run response and every small one.
   */
  private head: Transform | Writable | undefined;
  private pipelineDone: Promise<Error | undefined> | undefined;
  private socket: Socket | undefined;
  private reused = false;
  private readonly marks = { start: performance.now(), written: 0, sent: 0, firstByte: 0, headers: 0, end: 0, dns: 0, connect: 0, tls: 0 };
  private outcome: ExchangeResult | undefined;
  readonly done: Promise<ExchangeResult>;
  private resolveDone!: (r: ExchangeResult) => void;

  constructor(private readonly req: ExchangeRequest) {
    this.done = new Promise((resolve) => {
      this.resolveDone = resolve;
    });
  }

  /** Stops the exchange now with this error; the partial body is kept. */
  stop(err: SalvoError): void {
    if (this.settled) return;
    if (this.abortFn === undefined) this.pendingAbort = err;
    else this.abortFn(err);
    this.finish(err.info);
  }

  onSocket(socket: Socket): void {
    this.socket = socket;
    const facts = socketFacts(socket);
    facts.uses += 1;
    this.reused = facts.uses > 1;
    if (!this.reused) {
      this.marks.dns = facts.dns;
      this.marks.connect = facts.connect;
      this.marks.tls = facts.tls;
    }
  }

  onConnect(abort: (err?: Error) => void): void {
    this.abortFn = abort;
    this.marks.written = performance.now();
    this.phase = 'request';
    if (this.pendingAbort !== undefined) abort(this.pendingAbort);
  }

  onRequestSent(): void {
    this.marks.sent = performance.now();
    this.phase = 'headers';
    this.arm('headers', this.req.headersTimeoutMs);
  }

  private arm(phase: 'headers' | 'body', ms: number): void {
    if (this.settled) return;
    if (ms <= 0) {
      this.disarm();
      return;
    }
    this.timerPhase = phase;
    if (ms >= COARSE_FROM_MS) {
      // A long limit: the shared sweep watches it; re-arming it only notes activity.
      if (this.sweepSlot >= 0 && this.timerMs === ms) {
        this.active = true;
        return;
      }
      this.disarm();
      this.timerMs = ms;
      this.deadline = performance.now() + ms;
      this.active = false;
      watchDeadline(this);
      return;
    }
    if (this.timer !== undefined && this.timerMs === ms) {
      this.timer.refresh();
      return;
    }
    this.disarm();
    this.timerMs = ms;
    this.timer = setTimeout(onTimer, ms, this);
  }

  private disarm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    unwatchDeadline(this);
  }

  /** The shared sweep's turn (long limits only): activity since the last turn restarts the limit. */
  sweep(now: number): void {
    if (this.active) {
      this.active = false;
      this.deadline = now + this.timerMs;
      return;
    }
    if (now < this.deadline) return;
    this.disarm();
    this.timedOut();
  }

  /** The armed headers / body-idle limit ran out. */
  timedOut(): void {
    this.timer = undefined;
    this.stop(timeoutError(this.timerPhase, this.timerMs));
  }

  onResponseStarted(): void {
    if (this.marks.firstByte === 0 && !this.settled) this.marks.firstByte = performance.now();
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[], resume: () => void, statusText: string): boolean {
    if (this.settled) return false;
    const now = performance.now();
    if (this.marks.firstByte === 0) this.marks.firstByte = now;
    if (this.marks.sent === 0) this.marks.sent = now;
    // 1xx (100 Continue, 103 Early Hints) precede the real response: note nothing, wait for it.
    if (statusCode < 200) return true;
    this.marks.headers = now;
    this.phase = 'body';
    this.arm('body', this.req.bodyIdleTimeoutMs);
    this.status = statusCode;
    this.statusText = statusText;
    const scan = scanHeaders(rawHeaders);
    this.headers = scan.pairs;
    this.contentType = scan.contentType ?? '';
    this.setCookies = scan.setCookies;
    this.headerBytes = scan.bytes + statusText.length + 15;
    this.resumeFn = resume;
    const bodiless = this.req.method === 'HEAD' || statusCode === 204 || statusCode === 304;
    this.expectedLength = bodiless ? undefined : declaredLength(scan.lengths);
    try {
      this.codings = bodiless || scan.encodings === undefined ? [] : parseCodings(scan.encodings).codings;
    } catch (err) {
      this.stop(err instanceof SalvoError ? err : new SalvoError('decompression', String(err)));
      return false;
    }
    this.startBody();
    return true;
  }

  private startBody(): void {
    const options = this.req.sink.sinkFor(this.status, this.headers);
    const collector = new BodyCollector(options);
    this.collector = collector;
    const fitsInMemory = options.discardBeyondCap || (this.expectedLength !== undefined && this.expectedLength <= options.capBytes);
    if (this.codings.length === 0 && fitsInMemory) return;
    const decoders: Transform[] = createDecoders(this.codings);
    const sink = new BodySink(collector);
    this.head = decoders[0] ?? sink;
    const stages: NodeJS.WritableStream[] = [...decoders, sink];
    this.pipelineDone = new Promise((resolve) => {
      if (stages.length === 1) {
        sink.once('finish', () => resolve(undefined));
        sink.once('error', (err) => resolve(err));
      } else {
        // pipeline() with a variable list of stages; the callback receives the first failure.
        (pipeline as unknown as (...args: unknown[]) => void)(...stages, (err: Error | null | undefined) => resolve(err ?? undefined));
      }
    });
    this.pipelineDone
      .then((err) => {
        if (err !== undefined && !this.settled) {
          const failure = err instanceof SalvoError ? err : decodeError(this.codings, err);
          this.stop(failure);
        }
      })
      .catch(() => undefined);
  }

  onData(chunk: Buffer): boolean {
    if (this.settled) return false;
    this.wireBytes += chunk.length;
    const head = this.head;
    if (head !== undefined) {
      if (head.write(chunk)) {
        this.arm('body', this.req.bodyIdleTimeoutMs);
        return true;
      }
      // Paused by our own decoder, not by the server: the idle clock restarts on resume.
      this.disarm();
      head.once('drain', () => this.resumeAfterPause());
      return false;
    }
    const collector = this.collector;
    if (collector === undefined) return false;
    const taken = collector.accept(chunk);
    if (taken === undefined) {
      this.arm('body', this.req.bodyIdleTimeoutMs);
      return true;
    }
    if (taken instanceof SalvoError) {
      this.stop(taken);
      return false;
    }
    // Not reached: a body that may spill is streamed through the sink (see startBody).
    this.stop(new SalvoError('internal', 'A direct body started to spill'));
    taken.catch(() => undefined);
    return false;
  }

  private resumeAfterPause(): void {
    if (this.settled) return;
    this.arm('body', this.req.bodyIdleTimeoutMs);
    this.resumeFn?.();
  }

  onComplete(): void {
    if (this.settled) return;
    this.disarm();
    this.phase = 'body';
    if (this.expectedLength !== undefined && this.wireBytes !== this.expectedLength) {
      this.finish({ kind: 'connection-reset', message: `The response ended after ${this.wireBytes} of ${this.expectedLength} body bytes`, detail: { received: this.wireBytes, expected: this.expectedLength } });
      return;
    }
    const head = this.head;
    if (head === undefined) {
      this.finish(undefined);
      return;
    }
    head.end();
    this.pipelineDone
      ?.then((err) => {
        if (err === undefined) this.finish(undefined);
      })
      .catch(() => undefined);
  }

  onError(err: Error): void {
    if (this.settled) return;
    this.finish(mapError(err, this.phase));
  }

  onUpgrade(): void {
    this.finish({ kind: 'protocol', message: 'The server switched protocols unexpectedly' });
  }

  private finish(error: ErrorInfo | undefined): void {
    if (this.settled) return;
    this.settled = true;
    this.disarm();
    this.marks.end = performance.now();
    const incomplete = error !== undefined && this.status >= 200;
    // Stop decoding; what reached the collector is kept.
    if (error !== undefined) this.head?.destroy();
    const collector = this.collector;
    const inMemory = collector === undefined ? NO_BODY : collector.memoryResult();
    if (inMemory !== undefined) {
      this.outcome = this.result(inMemory, error, incomplete);
      // One macrotask later, scheduled after this callback returns: undici marks the socket idle in
      // a setImmediate it queues right after onComplete, and a caller that sends again before that
      // would open a second connection instead of reusing this one.
      process.nextTick(deliverLater, this);
      return;
    }
    (collector?.result() ?? Promise.resolve(NO_BODY))
      .then((store) => {
        this.outcome = this.result(store, error, incomplete);
        deliverLater(this);
      })
      .catch(() => {
        this.outcome = this.result(NO_BODY, error, incomplete);
        deliverLater(this);
      });
  }

  /** Hands the finished result to `done` (called by `deliverLater`). */
  deliver(): void {
    if (this.outcome !== undefined) this.resolveDone(this.outcome);
  }

  private result(body: BodyStore, error: ErrorInfo | undefined, incomplete: boolean): ExchangeResult {
    const socket = this.socket;
    return {
      status: this.status,
      statusText: this.statusText,
      headers: this.headers,
      headerBytes: this.headerBytes,
      body,
      wireBytes: this.wireBytes,
      decodedBytes: this.collector?.decodedBytes ?? 0,
      spilled: this.collector?.spilled ?? false,
      // Not copied: nothing writes the marks once the exchange has settled.
      marks: this.marks,
      reused: this.reused,
      remoteAddress: socket?.remoteAddress ?? '',
      remotePort: socket?.remotePort ?? 0,
      httpVersion: (socket as TLSSocket | undefined)?.alpnProtocol === 'h2' ? '2' : '1.1',
      incomplete,
      error,
      contentType: this.contentType,
      setCookies: this.setCookies,
    };
  }
}

/** A running exchange: await `done` (never rejects); `stop` ends it early with an error. */
export interface RunningExchange {
  readonly done: Promise<ExchangeResult>;
  stop(err: SalvoError): void;
}

/** Sends one request through a dispatcher and collects the decoded response. */
export function startExchange(dispatcher: Dispatcher, req: ExchangeRequest): RunningExchange {
  const handler = new ExchangeHandler(req);
  const flat: string[] = [];
  for (const [name, value] of req.headers) flat.push(name, value);
  try {
    dispatcher.dispatch(
      {
        origin: req.url.origin,
        path: `${req.url.pathname}${req.url.search}`,
        method: req.method,
        headers: flat,
        body: req.body,
        // undici's timers stay as a backstop a little past ours (0 keeps them off, like ours).
        headersTimeout: req.headersTimeoutMs > 0 ? req.headersTimeoutMs + 2000 : 0,
        bodyTimeout: req.bodyIdleTimeoutMs > 0 ? req.bodyIdleTimeoutMs + 2000 : 0,
      },
      handler,
    );
  } catch (err) {
    handler.onError(err instanceof Error ? err : new Error(String(err)));
  }
  // The handler itself is the running exchange (`done` and `stop`): no wrapper per request.
  return handler;
}

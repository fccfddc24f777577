import type { Dispatcher } from 'undici';
import type { ErrorInfo } from '../../shared/model/errors';
import { SalvoError } from '../../shared/model/errors';
import type { RequestSpec } from '../../shared/model/request';
import type { BodyStore, HeaderList, RedirectHop, ResponseResult } from '../../shared/model/response';
import { redact } from '../../shared/lib/variables';
import type { AgentPool } from './agents';
import { releaseBody } from './body-sink';
import type { SinkOptions } from './body-sink';
import { contentFacts } from './content-type';
import { digestAuthorization, parseDigestChallenge } from './digest';
import { mapError } from './errors';
import { startExchange } from './exchange';
import { storeResponseCookies, withJarCookies } from './jar-cookies';
import type { ExchangeMarks, ExchangeResult, RunningExchange, SinkChooser } from './exchange';
import { prepareRequest } from './prepare';
import type { PreparedRequest } from './prepare';
import { REDIRECT_STATUSES, nextHop } from './redirects';
import type { HopState } from './redirects';
import { combineTimings } from './timings';
import type { CookieJarPort, SendOptions } from './types';

/** Engine-wide pieces one send needs. */
export interface SendDeps {
  readonly agents: AgentPool;
  readonly tempDir: string;
  readonly bodyCapBytes: number;
  readonly maxBodyBytes: number;
}

/** Lets cancel and the total deadline stop whichever exchange is running. */
export class SendControl {
  reason: SalvoError | undefined;
  current: RunningExchange | undefined;
  /** Called once when the send has its result (the engine's bookkeeping: timer, abort listener, id). */
  settle: (() => void) | undefined;

  stop(err: SalvoError): void {
    if (this.reason !== undefined) return;
    this.reason = err;
    this.current?.stop(err);
  }
}

const NO_NAMES: readonly string[] = [];
const NO_REDIRECTS: readonly RedirectHop[] = [];
const EMPTY: BodyStore = { kind: 'memory', bytes: new Uint8Array(0) };
/** Bodies of followed redirects and digest challenges: read to keep the socket reusable, not kept. */
const SKIPPED_BODY_CAP = 64 * 1024;

/** Values of one header; `lower` is the lower-case name. */
function headerValues(headers: HeaderList, lower: string): string[] {
  const out: string[] = [];
  for (const [n, v] of headers) if (n.length === lower.length && n.toLowerCase() === lower) out.push(v);
  return out;
}

/** The first value of one header; `lower` is the lower-case name. */
function firstHeader(headers: HeaderList, lower: string): string | undefined {
  for (const [n, v] of headers) if (n.length === lower.length && n.toLowerCase() === lower) return v;
  return undefined;
}

const NO_BYTES = new Uint8Array(0);

interface SendState {
  readonly spec: RequestSpec;
  readonly options: SendOptions;
  readonly startedAt: number;
  readonly t0: number;
  readonly marks: ExchangeMarks[];
  readonly redirects: RedirectHop[];
}

function sentView(state: SendState, hop: HopState | undefined): ResponseResult['sent'] {
  const secrets = state.options.secretValues ?? [];
  if (hop === undefined) return { method: state.spec.method, url: redact(state.spec.url, secrets), headers: [] };
  // Without secrets there is nothing to redact: the hop's own (never mutated) header list is what was sent.
  if (secrets.length === 0) return { method: hop.method, url: hop.url.href, headers: hop.headers };
  return { method: hop.method, url: redact(hop.url.href, secrets), headers: hop.headers.map(([n, v]) => [n, redact(v, secrets)] as const) };
}

function failure(state: SendState, error: ErrorInfo, hop: HopState | undefined): ResponseResult {
  return build(state, undefined, hop, error);
}

function build(state: SendState, r: ExchangeResult | undefined, hop: HopState | undefined, error: ErrorInfo | undefined): ResponseResult {
  const body = r?.body ?? EMPTY;
  const contentType = r?.contentType ?? '';
  const sample = body.kind === 'memory' ? (body.bytes.length > 4096 ? body.bytes.subarray(0, 4096) : body.bytes) : NO_BYTES;
  const facts = contentFacts(contentType, sample);
  return {
    id: state.options.id,
    method: hop?.method ?? state.spec.method,
    url: hop?.url.href ?? state.spec.url,
    status: r?.status ?? 0,
    statusText: r?.statusText ?? '',
    httpVersion: r?.httpVersion ?? '',
    headers: r?.headers ?? [],
    body,
    contentType: facts.contentType,
    charset: facts.charset,
    isBinary: facts.isBinary,
    sizes: { headers: r?.headerBytes ?? 0, bodyWire: r?.wireBytes ?? 0, bodyDecoded: r?.decodedBytes ?? 0 },
    // Total runs to the end of the last exchange: our own post-processing is not the server's time.
    timings: combineTimings(state.marks, (state.marks.at(-1)?.end ?? performance.now()) - state.t0),
    reusedConnection: r?.reused ?? false,
    remoteAddress: r?.remoteAddress ?? '',
    remotePort: r?.remotePort ?? 0,
    // Most results followed no redirect: they share one empty list instead of keeping their own.
    redirects: state.redirects.length === 0 ? NO_REDIRECTS : state.redirects,
    incomplete: r?.incomplete ?? false,
    spilledToFile: r?.spilled ?? false,
    error: error ?? r?.error,
    startedAt: state.startedAt,
    sent: sentView(state, hop),
  };
}

function sinkFor(state: SendState, deps: SendDeps, skip: boolean, n: number): SinkOptions {
  const cap = state.options.bodyCapBytes ?? state.spec.options.bodyCapBytes ?? deps.bodyCapBytes;
  // The spill file is named from the id only if the body ever spills.
  const fileStem = state.options.id;
  if (skip) return { capBytes: 0, maxBytes: SKIPPED_BODY_CAP * 16, discardBeyondCap: true, tempDir: deps.tempDir, fileStem, exchange: n };
  const onChunk = state.options.onChunk;
  return {
    capBytes: cap,
    maxBytes: Math.max(cap, state.options.maxBodyBytes ?? deps.maxBodyBytes),
    discardBeyondCap: state.options.discardBeyondCap ?? false,
    tempDir: deps.tempDir,
    fileStem,
    exchange: n,
    ...(onChunk === undefined ? {} : { onChunk }),
  };
}

/** The body limits of one exchange of a send (an object, not a closure per exchange). */
class HopSink implements SinkChooser {
  constructor(
    private readonly walk: Walk,
    private readonly digestPending: boolean,
    private readonly n: number,
  ) {}

  sinkFor(status: number, headers: HeaderList): SinkOptions {
    const { state, deps, prepared } = this.walk;
    return sinkFor(state, deps, isIntermediate(state.spec, prepared, this.digestPending, status, headers), this.n);
  }
}

/** True when this response will not be the final one (its body is skipped, not streamed). */
function isIntermediate(spec: RequestSpec, prepared: PreparedRequest, digestPending: boolean, status: number, headers: HeaderList): boolean {
  if (status === 401 && digestPending && prepared.digest !== undefined) return parseDigestChallenge(headerValues(headers, 'www-authenticate')) !== undefined;
  return spec.options.followRedirects && REDIRECT_STATUSES.has(status) && firstHeader(headers, 'location') !== undefined;
}

/** Per-send state of the hop loop. */
interface Walk {
  readonly deps: SendDeps;
  readonly state: SendState;
  readonly prepared: PreparedRequest;
  readonly hygiene: { readonly sensitiveNames: readonly string[]; readonly secretValues: readonly string[] };
  /** The jar of this send; undefined when none was given or the spec turns it off. */
  readonly cookies: CookieJarPort | undefined;
  /** The hop from the spec, digest and redirect rules, before the jar's cookies (redirect rules read this). */
  base: HopState;
  /** The hop as sent: `base` plus the jar's cookies (the same object without a jar). */
  hop: HopState;
  digestPending: boolean;
}

/** What to do after one exchange: return a result, or send the next hop. */
type Step = { readonly result: ResponseResult } | { readonly next: HopState; readonly digestPending: boolean };

/**
 * Starts one exchange on the agent for the spec's socket settings. Not async: the per-send path
 * awaits the exchange itself, with no promise of its own around it.
 */
function runExchange(walk: Walk, control: SendControl, n: number): Promise<ExchangeResult | ResponseResult> {
  const dispatcher = walk.deps.agents.dispatcherFor(walk.state.spec.options);
  // Only the first send with new socket settings waits for its agent to be created.
  if (dispatcher instanceof Promise) return dispatcher.then((d) => exchangeOn(d, walk, control, n), (err: unknown) => failure(walk.state, mapError(err, 'prepare'), walk.hop));
  return exchangeOn(dispatcher, walk, control, n);
}

function exchangeOn(dispatcher: Dispatcher, walk: Walk, control: SendControl, n: number): Promise<ExchangeResult> {
  const { state, prepared, hop } = walk;
  const spec = state.spec;
  const running = startExchange(dispatcher, {
    url: hop.url,
    method: hop.method,
    headers: hop.headers,
    body: hop.hasBody ? prepared.body.open() : null,
    headersTimeoutMs: spec.options.timeouts.headers,
    bodyIdleTimeoutMs: spec.options.timeouts.bodyIdle,
    sink: new HopSink(walk, walk.digestPending, n),
  });
  control.current = running;
  if (control.reason !== undefined) running.stop(control.reason);
  return running.done;
}

/** The digest answer to a 401 challenge, or undefined when this 401 is final. */
function digestRetry(walk: Walk, r: ExchangeResult): HopState | undefined {
  const digest = walk.prepared.digest;
  if (!walk.digestPending || r.status !== 401 || digest === undefined) return undefined;
  const challenge = parseDigestChallenge(headerValues(r.headers, 'www-authenticate'));
  if (challenge === undefined) return undefined;
  const current = walk.base;
  const uri = `${current.url.pathname}${current.url.search}`;
  const header = digestAuthorization(challenge, digest.username, digest.password, current.method, uri);
  return { ...current, headers: [...current.headers.filter(([name]) => name.toLowerCase() !== 'authorization'), ['Authorization', header]] };
}

/** Decides between the final result, a digest retry and the next redirect hop (a final result needs no wait). */
function nextStep(walk: Walk, r: ExchangeResult): Step | Promise<Step> {
  const options = walk.state.spec.options;
  if (!(r.status === 401 && walk.digestPending) && !(options.followRedirects && REDIRECT_STATUSES.has(r.status))) return { result: build(walk.state, r, walk.hop, undefined) };
  return nextHopStep(walk, r);
}

async function nextHopStep(walk: Walk, r: ExchangeResult): Promise<Step> {
  const { state, hop: current, base, hygiene, prepared } = walk;
  const options = state.spec.options;
  const retry = digestRetry(walk, r);
  if (retry !== undefined) {
    await releaseBody(r.body).catch(() => undefined);
    return { next: retry, digestPending: false };
  }
  const location = firstHeader(r.headers, 'location');
  if (!options.followRedirects || !REDIRECT_STATUSES.has(r.status) || location === undefined) return { result: build(state, r, current, undefined) };
  if (state.redirects.length >= options.maxRedirects) {
    const max = options.maxRedirects;
    return { result: build(state, r, current, { kind: 'too-many-redirects', message: `Stopped after ${max} redirect${max === 1 ? '' : 's'}: the server kept redirecting (last to ${location.slice(0, 200)})`, detail: { max } }) };
  }
  let next;
  try {
    // From the hop without the jar's cookies: the next hop gets the jar's cookies for its own URL.
    next = nextHop(base, r.status, location, hygiene);
  } catch (err) {
    return { result: build(state, r, current, mapError(err, 'headers')) };
  }
  await releaseBody(r.body).catch(() => undefined);
  state.redirects.push({ method: current.method, url: redact(current.url.href, hygiene.secretValues), status: r.status, location: redact(location, hygiene.secretValues), droppedCredentials: next.droppedCredentials, downgrade: next.downgrade });
  // Digest credentials answer challenges only from the origin they were set for.
  const digestPending = prepared.digest !== undefined && next.url.origin === prepared.url.origin;
  // A digest answer is bound to its URI: the next hop gets a fresh challenge round trip.
  return { next: digestPending ? { ...next, headers: next.headers.filter(([name]) => name.toLowerCase() !== 'authorization') } : next, digestPending };
}

/**
 * Sends one resolved request: first hop, digest challenge round trip, redirects followed by Salvo
 * itself (each hop recorded, credentials dropped across origins). Never rejects; `control.settle`
 * runs once the result is known.
 */
export async function performSend(deps: SendDeps, spec: RequestSpec, options: SendOptions, control: SendControl): Promise<ResponseResult> {
  const state: SendState = { spec, options, startedAt: Date.now(), t0: performance.now(), marks: [], redirects: [] };
  // One async function for the whole send (no inner one to await): a batch makes a million of these.
  try {
    let prepared: PreparedRequest;
    try {
      const preparing = prepareRequest(spec, options.sensitiveNames ?? NO_NAMES);
      prepared = preparing instanceof Promise ? await preparing : preparing;
    } catch (err) {
      return failure(state, mapError(err, 'prepare'), undefined);
    }
    const first: HopState = { method: prepared.method, url: prepared.url, headers: prepared.headers, hasBody: prepared.hasBody };
    const walk: Walk = {
      deps,
      state,
      prepared,
      hygiene: { sensitiveNames: prepared.sensitiveNames, secretValues: options.secretValues ?? [] },
      cookies: spec.options.useCookieJar === false ? undefined : options.cookies,
      base: first,
      hop: first,
      digestPending: prepared.digest !== undefined,
    };
    for (let n = 0; ; n++) {
      if (control.reason !== undefined) return failure(state, control.reason.info, walk.hop);
      const jar = walk.cookies;
      if (jar !== undefined) {
        const sending = withJarCookies(jar, walk.base);
        walk.hop = sending instanceof Promise ? await sending : sending;
      }
      const r = await runExchange(walk, control, n);
      if ('id' in r) return r;
      control.current = undefined;
      state.marks.push(r.marks);
      // Every hop's Set-Cookie is stored before the next hop (or the result): cookies set by a redirect are sent after it.
      if (jar !== undefined && r.setCookies !== undefined) await storeResponseCookies(jar, walk.hop.url, r.setCookies);
      if (r.error !== undefined) return build(state, r, walk.hop, undefined);
      const next = nextStep(walk, r);
      const step = next instanceof Promise ? await next : next;
      if ('result' in step) return step.result;
      walk.base = step.next;
      walk.hop = step.next;
      walk.digestPending = step.digestPending;
    }
  } catch (err) {
    // The send is written not to throw; this is the last line of defence for the main process.
    return failure(state, { kind: 'internal', message: err instanceof Error ? err.message : String(err) }, undefined);
  } finally {
    control.settle?.();
  }
}

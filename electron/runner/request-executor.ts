import { redact, resolveRequest } from '../../shared/lib/variables';
import type { ResolveOutcome, VariableLayer } from '../../shared/lib/variables';
import type { ErrorInfo } from '../../shared/model/errors';
import type { RequestSpec } from '../../shared/model/request';
import type { ResponseResult } from '../../shared/model/response';
import type { AssertionOutcome, ResultSummary } from '../../shared/model/run';
import type { CookieJarPort, Engine } from '../engine/types';
import type { EffectiveRequest } from '../handlers/context';
import { evaluateAssertions } from './assertions';
import { applyExtractions } from './extractions';
import { ANALYSIS_CAP_BYTES, ResponseFacts } from './response-facts';
import { RETRY_STATUSES, retryDelayMs } from './retry-after';
import type { PhaseTimes } from './run-stats';
import { PREVIEW_BYTES } from './run-store';
import { abortableSleep } from './sleep';
import { bindRequestFiles, readsFiles } from '../collections/request-files';
import { applyHostTls } from '../collections/host-tls';
import { toErrorInfo } from '../../shared/model/errors';

/** Run-wide options that change how each request is sent. */
export interface SendPolicy {
  readonly timeoutMs: number | undefined;
  readonly insecure: boolean;
  readonly retries: { readonly max: number; readonly maxDelayMs: number };
  /** The run's cookie jar (config `cookies`); undefined = no cookies sent or stored. */
  readonly cookies?: CookieJarPort;
}

/** Where a planned request sits in the run. */
export interface ItemPlace {
  readonly stage: number;
  readonly iteration: number;
  readonly dataRow: number | undefined;
}

/** A summary still owned by the executor and the batch: numbered once, at completion, before anyone else sees it. */
export type DraftSummary = { -readonly [K in keyof ResultSummary]: ResultSummary[K] };

/** One executed request: everything but the sequence number, which is given at completion. */
export interface Executed {
  /** The summary; its `seq` is a placeholder until the run numbers it (`numberInPlace`). */
  readonly summary: DraftSummary;
  readonly phases: PhaseTimes;
  /** The engine result when something was received or it failed; the store keeps a preview of it if its budget allows. */
  readonly response: ResponseResult | undefined;
  /** Secret values substituted into the request (redacted from a kept preview). */
  readonly secrets: readonly string[];
  readonly assertions: readonly AssertionOutcome[];
  readonly extracted: ReadonlyMap<string, string>;
  /** Variables this request should have extracted but did not, with why. */
  readonly missing: ReadonlyArray<{ readonly variable: string; readonly reason: string }>;
  /** The result was aborted by a cancel: not reported. */
  readonly cancelled: boolean;
}

const NO_PHASES: PhaseTimes = { connect: 0, tls: 0, ttfb: 0 };
const NO_SECRETS: readonly string[] = [];

/** Applies the run's timeout override and insecure flag to a spec. */
export function applyPolicy(spec: RequestSpec, policy: SendPolicy): RequestSpec {
  const needsTimeout = policy.timeoutMs !== undefined && policy.timeoutMs > 0;
  if (!needsTimeout && !policy.insecure) return spec;
  return {
    ...spec,
    options: {
      ...spec.options,
      ...(policy.insecure ? { verifyTls: false } : {}),
      timeouts: needsTimeout ? { ...spec.options.timeouts, total: policy.timeoutMs ?? 0 } : spec.options.timeouts,
    },
  };
}

/** A result that was never sent (unresolved variable, failed producer, a cancel just before sending). */
export function notSent(request: EffectiveRequest, place: ItemPlace, error: ErrorInfo, cancelled = false): Executed {
  return {
    summary: makeSummary(request, place, request.spec.url, 0, error.kind, error.message, 0, 0, 0, 0, 0, false, Date.now()),
    phases: NO_PHASES,
    response: undefined,
    secrets: NO_SECRETS,
    assertions: [],
    extracted: new Map(),
    missing: request.spec.extractions.map((e) => ({ variable: e.variable, reason: error.message })),
    cancelled,
  };
}

/**
 * Resolves, sends (with bounded 429/503 retries), asserts and extracts one planned request.
 * The signal is not handed to the engine: an AbortSignal listener per send is measurable on fast
 * runs, so the batch cancels in-flight sends by id (`engine.cancel(id)`); retries reuse the id.
 */
export async function executeRequest(
  engine: Engine,
  request: EffectiveRequest,
  place: ItemPlace,
  layers: readonly VariableLayer[],
  policy: SendPolicy,
  id: string,
  signal: AbortSignal,
  cache?: Map<EffectiveRequest, ResolveOutcome<RequestSpec>>,
): Promise<Executed> {
  let resolved = cache?.get(request);
  if (resolved === undefined) {
    resolved = resolveRequest(applyPolicy(request.spec, policy), [...request.layers, ...layers]);
    // Only a run whose values cannot change (no data rows, no extractions, no dynamic names) passes a cache.
    if (cache !== undefined && !usesDynamic(request.spec)) cache.set(request, resolved);
  }
  if (resolved.unresolved.length > 0) {
    return notSent(request, place, { kind: 'unresolved-variable', message: `unresolved variable${resolved.unresolved.length > 1 ? 's' : ''}: ${resolved.unresolved.join(', ')}`, detail: { names: resolved.unresolved } });
  }
  let toSend = resolved.value;
  // Body files and the request's own TLS files: relative to the collection, outside it only with consent.
  if (request.files !== undefined && readsFiles(toSend)) {
    try {
      toSend = await bindRequestFiles(toSend, request.files);
    } catch (err) {
      return notSent(request, place, toErrorInfo(err));
    }
  }
  // The collection's certificate entry for the resolved host (sync; its files are read once per agent).
  if (request.hostTls !== undefined) {
    try {
      toSend = applyHostTls(toSend, request.hostTls);
    } catch (err) {
      return notSent(request, place, toErrorInfo(err));
    }
  }
  const needsBody = checksOf(request.spec).needsBody;
  let result: ResponseResult;
  // When the first attempt started (the engine's own clock reading; retries keep it).
  let startedAt = 0;
  if (signal.aborted) return notSent(request, place, { kind: 'cancelled', message: 'run cancelled' }, true);
  for (let attempt = 0; ; attempt++) {
    result = await engine.send(toSend, {
      id,
      secretValues: resolved.secretValues,
      sensitiveNames: request.sensitiveNames,
      bodyCapBytes: needsBody ? ANALYSIS_CAP_BYTES : PREVIEW_BYTES,
      discardBeyondCap: true,
      cookies: policy.cookies,
    });
    if (attempt === 0) startedAt = result.startedAt;
    if (attempt >= policy.retries.max || result.error !== undefined || !RETRY_STATUSES.has(result.status) || signal.aborted) break;
    const delay = retryDelayMs(header(result, 'retry-after'), attempt, policy.retries.maxDelayMs);
    if (!(await abortableSleep(delay, signal))) break;
  }
  return finish(request, place, result, resolved.secretValues, startedAt, signal.aborted, toSend.url);
}

/** What a spec's assertions and extractions need, worked out once per spec rather than per send. */
interface SpecChecks {
  readonly needsBody: boolean;
  readonly hasStatusAssertion: boolean;
  readonly checksNothing: boolean;
}

const specChecks = new WeakMap<RequestSpec, SpecChecks>();

function checksOf(spec: RequestSpec): SpecChecks {
  let checks = specChecks.get(spec);
  if (checks === undefined) {
    checks = {
      needsBody: spec.extractions.some((e) => e.from !== 'status' && e.from !== 'header') || spec.assertions.some((a) => a.type.startsWith('json') || a.type === 'body-contains'),
      hasStatusAssertion: spec.assertions.some((a) => a.type === 'status-equals' || a.type === 'status-in-range'),
      checksNothing: spec.assertions.length === 0 && spec.extractions.length === 0,
    };
    specChecks.set(spec, checks);
  }
  return checks;
}

type Extraction = { readonly values: ReadonlyMap<string, string>; readonly missing: ReadonlyArray<{ readonly variable: string; readonly reason: string }> };
/** Shared by every result of a request without extractions (never mutated). */
const NO_EXTRACTION: Extraction = { values: new Map(), missing: [] };
const NO_OUTCOMES: readonly AssertionOutcome[] = [];

function finish(request: EffectiveRequest, place: ItemPlace, result: ResponseResult, secrets: readonly string[], startedAt: number, aborted: boolean, specUrl: string): Executed {
  const checks = checksOf(request.spec);
  const received = result.error === undefined;
  let assertions: readonly AssertionOutcome[] = NO_OUTCOMES;
  let extraction: Extraction = NO_EXTRACTION;
  if (!checks.checksNothing) {
    const facts = ResponseFacts.from(result);
    assertions = received ? evaluateAssertions(request.spec.assertions, facts) : [];
    extraction = received ? applyExtractions(request.spec.extractions, facts) : { values: new Map<string, string>(), missing: request.spec.extractions.map((e) => ({ variable: e.variable, reason: result.error?.message ?? 'request failed' })) };
  }
  let failedAssertions = 0;
  for (const a of assertions) if (!a.passed) failedAssertions++;
  const hasStatusAssertion = checks.hasStatusAssertion;
  // Without a status assertion, an HTTP error status fails the request (what CI users expect).
  const statusOk = hasStatusAssertion || (result.status > 0 && result.status < 400);
  const errorMessage = result.error !== undefined ? redact(result.error.message, secrets) : result.incomplete ? 'response body incomplete' : !statusOk ? `HTTP ${result.status}` : undefined;
  const passed = result.error === undefined && !result.incomplete && statusOk && failedAssertions === 0;
  return {
    summary: makeSummary(
      request,
      place,
      sentUrl(result, secrets, specUrl),
      result.status,
      result.error?.kind,
      errorMessage,
      result.timings.total,
      result.timings.ttfb,
      result.sizes.bodyDecoded,
      assertions.length - failedAssertions,
      failedAssertions,
      passed,
      startedAt,
    ),
    // The engine's timings carry the phases: no copy per result.
    phases: result.timings,
    response: result.status > 0 || result.error !== undefined ? result : undefined,
    secrets,
    assertions,
    extracted: extraction.values,
    missing: extraction.missing,
    cancelled: aborted && result.error?.kind === 'cancelled',
  };
}

// One literal with every field in a fixed order: 100,000 of these share one hidden class (no spreads).
function makeSummary(
  request: EffectiveRequest,
  place: ItemPlace,
  url: string,
  status: number,
  errorKind: ResultSummary['errorKind'],
  errorMessage: string | undefined,
  durationMs: number,
  ttfbMs: number,
  bytes: number,
  assertionsPassed: number,
  assertionsFailed: number,
  passed: boolean,
  startedAt: number,
): DraftSummary {
  return { seq: -1, requestPath: request.path, name: request.name, method: request.spec.method, url, stage: place.stage, iteration: place.iteration, dataRow: place.dataRow, status, errorKind, errorMessage, durationMs, ttfbMs, bytes, assertionsPassed, assertionsFailed, passed, startedAt };
}

/** Gives a finished result its sequence number, in place (no copy per result), and hands it out read-only. */
export function numberInPlace(s: DraftSummary, seq: number): ResultSummary {
  s.seq = seq;
  return s;
}

/** The URL a summary shows; the resolved spec's own string when they are equal, so 100,000 summaries share one. */
function sentUrl(result: ResponseResult, secrets: readonly string[], specUrl: string): string {
  const url = result.sent.url === '' ? redact(result.url, secrets) : result.sent.url;
  return url === specUrl ? specUrl : url;
}

function header(result: ResponseResult, name: string): string | undefined {
  for (const [n, v] of result.headers) if (n.toLowerCase() === name) return v;
  return undefined;
}

const dynamicFlags = new WeakMap<RequestSpec, boolean>();

/** True when the spec references a dynamic value ({{$uuid}} ...), which must be resolved per send. */
function usesDynamic(spec: RequestSpec): boolean {
  let flag = dynamicFlags.get(spec);
  if (flag === undefined) {
    flag = /\{\{\s*\$/.test(JSON.stringify([spec.url, spec.params, spec.headers, spec.body, spec.auth, spec.variables]));
    dynamicFlags.set(spec, flag);
  }
  return flag;
}

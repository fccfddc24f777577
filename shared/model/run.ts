import { z } from 'zod';
import { RunCookiesSchema } from './cookie';
import type { ErrorInfo, ErrorKind } from './errors';

/** One ordered stage of a batch: its own target and concurrency. */
export const RunStageSchema = z.object({
  name: z.string().default('main'),
  /** Collection-relative request paths or folder paths (a folder means all its requests in saved order). Empty = whole collection. */
  targets: z.array(z.string()).default([]),
  concurrency: z.number().int().min(1).max(1000).default(1),
  iterations: z.number().int().min(1).max(1_000_000).optional(),
});
export type RunStage = z.infer<typeof RunStageSchema>;

/** A batch run's settings; saved as a run configuration file in the collection. */
export const RunConfigSchema = z.object({
  name: z.string().default('run'),
  stages: z.array(RunStageSchema).min(1).default([{ name: 'main', targets: [], concurrency: 8 }]),
  iterations: z.number().int().min(1).max(1_000_000).default(1),
  /** Path to a CSV (header row) or JSON array data file; rows x iterations. */
  dataFile: z.string().optional(),
  connectionsPerOrigin: z.number().int().min(1).max(1024).default(64),
  /** Requests per second across the run; 0 = unlimited. */
  rateLimit: z.number().min(0).max(1_000_000).default(0),
  /** Delay in ms between starting requests (per worker slot). */
  delayMs: z.number().int().min(0).max(3_600_000).default(0),
  stopOnFailure: z.boolean().default(false),
  timeoutMs: z.number().int().min(0).max(86_400_000).optional(),
  retries: z.object({ max: z.number().int().min(0).max(10).default(0), maxDelayMs: z.number().int().min(0).max(120_000).default(30_000) }).default({ max: 0, maxDelayMs: 30_000 }),
  environment: z.string().optional(),
  insecure: z.boolean().default(false),
  /** isolated: a fresh jar for the run; collection: the collection's own jar, read and updated; off: no cookies. */
  cookies: RunCookiesSchema.default('isolated'),
});
export type RunConfig = z.infer<typeof RunConfigSchema>;

export interface AssertionOutcome {
  readonly label: string;
  readonly passed: boolean;
  readonly expected: string;
  readonly actual: string;
}

/** What the renderer holds for one result of a batch: no body. */
export interface ResultSummary {
  /** Sequence number within the run, in completion order. */
  readonly seq: number;
  readonly requestPath: string;
  readonly name: string;
  readonly method: string;
  readonly url: string;
  readonly stage: number;
  readonly iteration: number;
  readonly dataRow: number | undefined;
  readonly status: number;
  readonly errorKind: ErrorKind | undefined;
  readonly errorMessage: string | undefined;
  readonly durationMs: number;
  readonly ttfbMs: number;
  readonly bytes: number;
  readonly assertionsPassed: number;
  readonly assertionsFailed: number;
  readonly passed: boolean;
  readonly startedAt: number;
}

/** Latency percentiles in ms. */
export interface Percentiles {
  readonly count: number;
  readonly min: number;
  readonly p50: number;
  readonly p90: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

export interface RunStats {
  readonly total: number;
  readonly planned: number;
  readonly done: number;
  readonly passed: number;
  readonly failed: number;
  readonly byStatusClass: Readonly<Record<'1xx' | '2xx' | '3xx' | '4xx' | '5xx', number>>;
  readonly byErrorKind: Readonly<Partial<Record<ErrorKind, number>>>;
  readonly assertionsPassed: number;
  readonly assertionsFailed: number;
  readonly bytes: number;
  readonly elapsedMs: number;
  readonly throughputNow: number;
  readonly throughputOverall: number;
  readonly latency: Percentiles;
  readonly phases: Readonly<{ connect: Percentiles; tls: Percentiles; ttfb: Percentiles }>;
  readonly perRequest: Readonly<Record<string, Percentiles & { readonly failed: number }>>;
  /** One entry per elapsed second. */
  readonly timeline: ReadonlyArray<{ readonly second: number; readonly count: number; readonly failed: number; readonly p50: number; readonly p95: number }>;
}

export type RunState = 'running' | 'done' | 'cancelled' | 'failed';

/** Coalesced progress event: every result finished since the previous one. */
export interface RunProgress {
  readonly runId: string;
  readonly state: RunState;
  readonly results: readonly ResultSummary[];
  readonly stats: RunStats;
  readonly error?: ErrorInfo;
}

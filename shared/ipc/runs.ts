import { z } from 'zod';
import { RunConfigSchema } from '../model/run';
import type { RunConfig, RunProgress, RunStats, ResultSummary } from '../model/run';
import type { ResponseView } from '../model/response';
import { invoke } from './define';

const Id = z.string().min(1).max(128);

export type ReportFormat = 'json' | 'junit' | 'html';

/** A finished run as kept in the bounded run history. */
export interface RunRecord {
  readonly runId: string;
  readonly collectionName: string;
  readonly configName: string;
  readonly startedAt: number;
  readonly state: RunProgress['state'];
  readonly stats: RunStats;
}

export interface RunComparisonRow {
  readonly requestPath: string;
  readonly a: { readonly p50: number; readonly p95: number; readonly p99: number; readonly failed: number; readonly count: number } | undefined;
  readonly b: { readonly p50: number; readonly p95: number; readonly p99: number; readonly failed: number; readonly count: number } | undefined;
  readonly regression: boolean;
}

export const runInvokes = {
  /** Starts a batch; progress arrives as coalesced `run:progress` events. */
  'run:start': invoke<{ runId: string; planned: number }>()(
    z.object({ collectionId: Id, config: RunConfigSchema, onlyFailedOf: Id.optional() }),
  ),
  'run:cancel': invoke<boolean>()(z.object({ runId: Id })),
  /** Full response of one result, fetched when the user opens its row. */
  'run:result': invoke<ResponseView>()(z.object({ runId: Id, seq: z.number().int().min(0) })),
  /** A page of summaries (for re-hydrating a table after reload). */
  'run:results': invoke<readonly ResultSummary[]>()(z.object({ runId: Id, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(10_000).default(1000) })),
  'run:report': invoke<{ path: string }>()(z.object({ runId: Id, format: z.enum(['json', 'junit', 'html']), path: z.string().min(1).max(4096) })),
  'run:history': invoke<readonly RunRecord[]>()(z.object({ collectionId: Id.optional() })),
  'run:compare': invoke<readonly RunComparisonRow[]>()(z.object({ a: Id, b: Id })),
  'runConfig:list': invoke<readonly RunConfig[]>()(z.object({ collectionId: Id })),
  'runConfig:save': invoke<void>()(z.object({ collectionId: Id, config: RunConfigSchema })),
};

export interface RunEvents {
  /** At most ~30 per second per run, each carrying every result finished since the last. */
  'run:progress': RunProgress;
}

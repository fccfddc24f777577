import { randomUUID } from 'node:crypto';
import type { RunProgress } from '../../shared/model/run';
import type { RunConfig } from '../../shared/model/run';
import { SalvoCookieJar } from '../cookies/cookie-jar';
import type { CookieJarPort, Engine } from '../engine/types';
import type { CollectionAccess } from '../handlers/context';
import { BatchRun } from './batch-run';
import type { BatchOutcome } from './batch-run';
import { planFromCollection } from './plan-collection';
import type { PlanOptions } from './plan-collection';
import { FailureLog } from './reports/report-data';
import type { ReportData } from './reports/report-data';
import type { RunHistory, StoredRun } from './run-history';
import { RunStore } from './run-store';

/** Gets an engine for one run (connections per origin from the config) and gives it back after. */
export type EngineLease = (config: RunConfig) => { readonly engine: Engine; release(): Promise<void> };

/** A started run of a collection: the batch, its failure log and what reports need. */
export interface RunSession {
  readonly runId: string;
  readonly batch: BatchRun;
  readonly collectionRoot: string;
  readonly startedAt: number;
  /** Resolves when the run ended, its engine was released and it was saved in the history. */
  readonly finished: Promise<BatchOutcome>;
  reportData(): ReportData;
}

/** What starting a session needs. */
export interface SessionDeps {
  readonly access: CollectionAccess;
  readonly lease: EngineLease;
  readonly history: RunHistory | undefined;
  readonly emit: (progress: RunProgress) => void;
  /** Minimum gap between progress events (the coalescer's default when absent). */
  readonly progressIntervalMs?: number;
  /**
   * Keep passing results' responses for opening later (the window does). The CLI never opens a
   * row, and dropping them at once keeps a fast run's garbage young and cheap.
   */
  readonly keepPassingDetails?: boolean;
  /**
   * The collection's own cookie jar, for runs with `cookies: collection`. Without it (the CLI, which
   * keeps no jar between invocations) such a run gets a fresh in-memory jar like `isolated`.
   */
  readonly collectionJar?: (collectionId: string) => Promise<CookieJarPort>;
}

/** The jar a run sends with: fresh for `isolated`, the collection's for `collection`, none for `off`. */
async function runJar(deps: SessionDeps, collectionId: string, config: RunConfig): Promise<CookieJarPort | undefined> {
  switch (config.cookies) {
    case 'off':
      return undefined;
    case 'collection':
      return deps.collectionJar === undefined ? new SalvoCookieJar() : deps.collectionJar(collectionId);
    case 'isolated':
      return new SalvoCookieJar();
    default: {
      const never: never = config.cookies;
      throw new Error(`unknown cookies mode ${String(never)}`);
    }
  }
}

/**
 * Plans and starts a batch over a collection, shared by `run:start` and `salvo run`. Planning
 * errors (unknown target, cycle, bad data file) are thrown before anything is sent.
 */
export async function startRunSession(deps: SessionDeps, collectionId: string, config: RunConfig, options: PlanOptions = {}): Promise<RunSession> {
  const planned = await planFromCollection(deps.access, collectionId, config, options);
  const stageNames = planned.stageNames;
  const cookies = await runJar(deps, collectionId, config);
  const plan = cookies === undefined ? planned.plan : { ...planned.plan, policy: { ...planned.plan.policy, cookies } };
  const runId = randomUUID();
  const failures = new FailureLog();
  const lease = deps.lease(config);
  let batch: BatchRun;
  try {
    const store = deps.keepPassingDetails === false ? new RunStore(0) : undefined;
    batch = new BatchRun(
      lease.engine,
      plan,
      { emit: deps.emit, onResult: (s, a) => failures.add(s, a), ...(deps.progressIntervalMs === undefined ? {} : { progressIntervalMs: deps.progressIntervalMs }), ...(store === undefined ? {} : { store }) },
      runId,
    );
  } catch (err) {
    await lease.release();
    throw err;
  }
  const startedAt = Date.now();
  const collectionRoot = deps.access.rootOf(collectionId);
  const collectionName = deps.access.nameOf(collectionId);
  const reportData = (outcome?: BatchOutcome): ReportData => ({
    runId,
    collectionName,
    configName: config.name,
    startedAt,
    state: outcome?.state ?? 'running',
    stats: outcome?.stats ?? batch.snapshot(),
    stageNames,
    results: batch.store.all(),
    failedAssertions: failures.bySeq,
  });
  let ended: BatchOutcome | undefined;
  const finished = batch.start().then(async (outcome) => {
    ended = outcome;
    await lease.release().catch(() => undefined);
    const record: StoredRun = { runId, collectionName, configName: config.name, startedAt, state: outcome.state, stats: outcome.stats, collectionRoot };
    // History is best effort: a full disk must not turn a finished run into a failure.
    await deps.history?.save(record).catch(() => undefined);
    return outcome;
  });
  return { runId, batch, collectionRoot, startedAt, finished, reportData: () => reportData(ended) };
}

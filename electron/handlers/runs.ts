import { isAbsolute, join } from 'node:path';
import type { Handlers } from '../../shared/ipc/contract';
import type { ResponseView } from '../../shared/model/response';
import { SalvoError } from '../../shared/model/errors';
import { compareRuns } from '../runner/compare-runs';
import { perRunEngine } from '../runner/engine-lease';
import { writeReport } from '../runner/reports/write-report';
import { listRunConfigs, saveRunConfig } from '../runner/run-config-files';
import { RunHistory } from '../runner/run-history';
import { startRunSession } from '../runner/run-session';
import type { EngineLease, RunSession } from '../runner/run-session';
import type { CookieJarPort } from '../engine/types';
import type { AppContext, CollectionAccess } from './context';

type RunChannels = 'run:start' | 'run:cancel' | 'run:result' | 'run:results' | 'run:report' | 'run:history' | 'run:compare' | 'runConfig:list' | 'runConfig:save';

/** Finished runs whose results stay in memory for `run:result` / `run:results` / `run:report`. */
const KEEP_FINISHED = 3;


/**
 * The batch-run handlers: start / cancel runs, fetch results by id, write reports, the run
 * history and saved run configurations. Progress goes out as coalesced `run:progress` events.
 */
export function createRunHandlers(
  ctx: AppContext,
  deps: { collections: CollectionAccess; lease?: EngineLease; collectionJar?: (collectionId: string) => Promise<CookieJarPort> },
): { handlers: Pick<Handlers, RunChannels>; cancelAll(): Promise<void>; close(): Promise<void>; result(runId: string, seq: number): ResponseView } {
  const history = new RunHistory(join(ctx.userDataDir, 'runs'));
  const sessions = new Map<string, RunSession>();
  const finishedOrder: string[] = [];
  const lease = deps.lease ?? perRunEngine;

  const session = (runId: string): RunSession => {
    const found = sessions.get(runId);
    if (found === undefined) throw new SalvoError('not-found', `run ${runId} is not in memory (finished runs beyond the last ${KEEP_FINISHED} keep only their history entry)`);
    return found;
  };

  const forget = (runId: string): void => {
    finishedOrder.push(runId);
    while (finishedOrder.length > KEEP_FINISHED) {
      const old = finishedOrder.shift();
      if (old !== undefined) sessions.delete(old);
    }
  };

  const failedPaths = (runId: string): Set<string> => new Set(session(runId).batch.store.all().filter((r) => !r.passed).map((r) => r.requestPath));

  const handlers: Pick<Handlers, RunChannels> = {
    'run:start': async ({ collectionId, config, onlyFailedOf }) => {
      const onlyPaths = onlyFailedOf === undefined ? undefined : failedPaths(onlyFailedOf);
      if (onlyPaths !== undefined && onlyPaths.size === 0) throw new SalvoError('invalid-input', 'that run has no failed requests to re-run');
      const started = await startRunSession(
        { access: deps.collections, lease, history, emit: (p) => ctx.emit('run:progress', p), ...(deps.collectionJar === undefined ? {} : { collectionJar: deps.collectionJar }) },
        collectionId,
        config,
        onlyPaths === undefined ? {} : { onlyPaths },
      );
      sessions.set(started.runId, started);
      // The run reports its own end through its final progress event; this only does bookkeeping.
      started.finished.then(
        () => forget(started.runId),
        () => forget(started.runId),
      );
      return { runId: started.runId, planned: started.batch.planned };
    },
    'run:cancel': async ({ runId }) => {
      const found = sessions.get(runId);
      if (found === undefined || found.batch.isCancelled) return false;
      found.batch.cancel();
      return true;
    },
    // async so a lookup error becomes a rejection, never a synchronous throw into the binder.
    'run:result': async ({ runId, seq }) => session(runId).batch.store.detail(seq),
    'run:results': async ({ runId, offset, limit }) => session(runId).batch.store.page(offset, limit),
    'run:report': async ({ runId, format, path }) => {
      if (!isAbsolute(path)) throw new SalvoError('invalid-input', 'report path must be absolute');
      await writeReport(format, path, session(runId).reportData());
      return { path };
    },
    'run:history': async ({ collectionId }) => {
      const runs = await history.list(collectionId === undefined ? undefined : deps.collections.rootOf(collectionId));
      return runs.map(({ collectionRoot: _root, ...record }) => record);
    },
    'run:compare': async ({ a, b }) => compareRuns((await history.get(a)).stats, (await history.get(b)).stats),
    'runConfig:list': async ({ collectionId }) => (await listRunConfigs(deps.collections.rootOf(collectionId))).configs,
    'runConfig:save': async ({ collectionId, config }) => {
      await saveRunConfig(deps.collections.rootOf(collectionId), config);
    },
  };

  return {
    handlers,
    /** A kept result's detail (capped, redacted preview) for `http:body` ids of the form `run:<runId>:<seq>`. */
    result: (runId, seq) => session(runId).batch.store.detail(seq),
    /** Cancels every run still going (its window reloaded or went away); finished ones stay readable. */
    async cancelAll() {
      const running = [...sessions.values()];
      for (const s of running) s.batch.cancel();
      await Promise.allSettled(running.map((s) => s.finished));
    },
    async close() {
      const running = [...sessions.values()];
      for (const s of running) s.batch.cancel();
      await Promise.allSettled(running.map((s) => s.finished));
      sessions.clear();
    },
  };
}

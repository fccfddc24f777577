import { isAbsolute, resolve } from 'node:path';
import { SalvoError } from '../../shared/model/errors';
import type { RunConfig } from '../../shared/model/run';
import type { CollectionAccess, EffectiveRequest } from '../handlers/context';
import type { BatchPlan, PlannedStage } from './batch-run';
import { loadDataFile } from './data-file';

/** A plan built from an open collection, with the names reports need. */
export interface CollectionPlan {
  readonly plan: BatchPlan;
  readonly stageNames: readonly string[];
  readonly environment: string | undefined;
}

/** Options that do not live in the run configuration. */
export interface PlanOptions {
  /** Only these request paths (re-run failed); undefined = everything the stages target. */
  readonly onlyPaths?: ReadonlySet<string>;
  /** Folder a relative `dataFile` is resolved against (the collection root by default; the CWD for the CLI). */
  readonly dataBase?: string;
}

/**
 * Turns a run configuration into a plan: each stage's targets (request or folder paths, empty =
 * the whole collection) expand to requests in saved order, then to effective requests with their
 * variable layers for the chosen environment (the collection's active one by default).
 */
export async function planFromCollection(access: CollectionAccess, collectionId: string, config: RunConfig, options: PlanOptions = {}): Promise<CollectionPlan> {
  const environment = config.environment ?? access.activeEnvironment(collectionId);
  const stages: PlannedStage[] = [];
  for (const stage of config.stages) {
    const targets = stage.targets.length === 0 ? [''] : stage.targets;
    const paths: string[] = [];
    const seen = new Set<string>();
    for (const target of targets) {
      for (const path of await access.listRequests(collectionId, target)) {
        if (seen.has(path) || (options.onlyPaths !== undefined && !options.onlyPaths.has(path))) continue;
        seen.add(path);
        paths.push(path);
      }
    }
    const requests: EffectiveRequest[] = [];
    for (const path of paths) requests.push(await access.effective(collectionId, path, environment));
    stages.push({ name: stage.name, requests, concurrency: stage.concurrency, iterations: stage.iterations ?? config.iterations });
  }
  if (stages.every((s) => s.requests.length === 0)) throw new SalvoError('invalid-input', 'nothing to run: the targets hold no requests');
  const dataRows = config.dataFile === undefined || config.dataFile === '' ? [] : await loadDataFile(isAbsolute(config.dataFile) ? config.dataFile : resolve(options.dataBase ?? access.rootOf(collectionId), config.dataFile));
  return {
    plan: {
      stages,
      dataRows,
      rateLimit: config.rateLimit,
      delayMs: config.delayMs,
      stopOnFailure: config.stopOnFailure,
      policy: { timeoutMs: config.timeoutMs, insecure: config.insecure, retries: config.retries },
    },
    stageNames: stages.map((s) => s.name),
    environment,
  };
}

import { layerFrom } from '../../shared/lib/variables';
import { newRequestSpec } from '../../shared/model/request';
import type { RequestSpec } from '../../shared/model/request';
import type { EffectiveRequest } from '../../electron/handlers/context';
import type { BatchPlan, PlannedStage } from '../../electron/runner/batch-run';

/** An effective request for tests: `{{base}}` is the target's URL. */
export function request(path: string, base: string, spec: Partial<RequestSpec> & { url: string }, env: Record<string, string> = {}): EffectiveRequest {
  return { path, name: path.replace(/\.yaml$/, ''), spec: newRequestSpec(spec), layers: [layerFrom('environment', Object.entries({ base, ...env }).map(([name, value]) => ({ name, value })))], sensitiveNames: [] };
}

/** A one-stage plan with plain options. */
export function plan(stages: PlannedStage[], options: Partial<BatchPlan> = {}): BatchPlan {
  return { stages, dataRows: [], rateLimit: 0, delayMs: 0, stopOnFailure: false, policy: { timeoutMs: undefined, insecure: false, retries: { max: 0, maxDelayMs: 1000 } }, ...options };
}

/** A stage. */
export function stage(requests: EffectiveRequest[], concurrency: number, iterations = 1, name = 'main'): PlannedStage {
  return { name, requests, concurrency, iterations };
}

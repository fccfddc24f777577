import { RunConfigSchema } from '../../../shared/model/run';
import type { RunConfig, RunStage } from '../../../shared/model/run';
import type { RunCookies } from '../../../shared/model/cookie';

/** What the run dialog edits; numbers are kept as typed text until submit. */
export interface RunForm {
  readonly name: string;
  readonly concurrency: string;
  readonly iterations: string;
  readonly dataFile: string;
  readonly delayMs: string;
  readonly rateLimit: string;
  readonly timeoutMs: string;
  readonly stopOnFailure: boolean;
  readonly environment: string;
  /** Which cookie jar the run uses. */
  readonly cookies: RunCookies;
  /** Ordered stages (empty = one stage over the dialog's targets); targets as typed, comma-separated. */
  readonly stages: ReadonlyArray<{ readonly name: string; readonly targets: string; readonly concurrency: string }>;
}

/** The form for a fresh run over `targets`, or for a saved config. */
export function formFrom(targets: readonly string[], saved?: RunConfig): RunForm {
  const config = saved ?? RunConfigSchema.parse({ stages: [{ name: 'main', targets: [...targets], concurrency: 8 }] });
  const first = config.stages[0];
  return {
    name: config.name,
    concurrency: String(first?.concurrency ?? 8),
    iterations: String(config.iterations),
    dataFile: config.dataFile ?? '',
    delayMs: String(config.delayMs),
    rateLimit: String(config.rateLimit),
    timeoutMs: config.timeoutMs === undefined ? '' : String(config.timeoutMs),
    stopOnFailure: config.stopOnFailure,
    environment: config.environment ?? '',
    cookies: config.cookies,
    stages: config.stages.length > 1 ? config.stages.map((s) => ({ name: s.name, targets: s.targets.join(', '), concurrency: String(s.concurrency) })) : [],
  };
}

/** Comma-separated request/folder paths; empty parts dropped. */
export function splitTargets(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

function int(text: string, label: string, min: number, max: number): number {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) throw new Error(`${label} must be a whole number from ${min} to ${max}`);
  return value;
}

/**
 * Turns the form into a validated RunConfig (throws a readable Error on bad input). Settings the
 * dialog does not show (retries, insecure, connections) are kept from `base`.
 */
export function formToConfig(form: RunForm, targets: readonly string[], base?: RunConfig): RunConfig {
  const concurrency = int(form.concurrency, 'Concurrency', 1, 1000);
  const stages: RunStage[] =
    form.stages.length > 0
      ? form.stages.map((s) => ({ name: s.name.trim() === '' ? 'stage' : s.name.trim(), targets: splitTargets(s.targets), concurrency: int(s.concurrency, `Concurrency of stage "${s.name}"`, 1, 1000) }))
      : [{ name: 'main', targets: [...targets], concurrency }];
  const rate = Number(form.rateLimit.trim() === '' ? '0' : form.rateLimit);
  if (!Number.isFinite(rate) || rate < 0 || rate > 1_000_000) throw new Error('Rate must be a number of requests per second from 0 (unlimited) to 1,000,000');
  const maxConcurrency = Math.max(...stages.map((s) => s.concurrency));
  const parsed = RunConfigSchema.safeParse({
    ...(base ?? {}),
    name: form.name.trim() === '' ? 'run' : form.name.trim(),
    stages,
    iterations: int(form.iterations, 'Iterations', 1, 1_000_000),
    dataFile: form.dataFile.trim() === '' ? undefined : form.dataFile.trim(),
    delayMs: int(form.delayMs.trim() === '' ? '0' : form.delayMs, 'Delay', 0, 3_600_000),
    rateLimit: rate,
    timeoutMs: form.timeoutMs.trim() === '' ? undefined : int(form.timeoutMs, 'Timeout', 0, 86_400_000),
    stopOnFailure: form.stopOnFailure,
    environment: form.environment === '' ? undefined : form.environment,
    cookies: form.cookies,
    // Enough sockets for the chosen concurrency, never fewer than a saved config asked for.
    connectionsPerOrigin: Math.min(1024, Math.max(base?.connectionsPerOrigin ?? 64, maxConcurrency)),
  });
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'invalid run settings');
  return parsed.data;
}

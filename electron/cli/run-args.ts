import type { ReportFormat } from '../../shared/ipc/runs';
import { UsageError } from './io';

/** Usage line of `salvo run`. */
export const RUN_USAGE =
  'usage: salvo run <collection-dir> [--env NAME] [--folder PATH] [--request PATH]... [--concurrency N] [--iterations N] [--data FILE] [--delay MS] [--rate R] [--bail] [--timeout MS] [--insecure] [--no-cookies] [--allow-external-files] [--reporter cli,json,junit,html] [--out DIR] [--config NAME]';

/** Parsed `salvo run` arguments; undefined = not given (the config or the defaults decide). */
export interface RunArgs {
  readonly dir: string;
  readonly env: string | undefined;
  readonly targets: readonly string[];
  readonly concurrency: number | undefined;
  readonly iterations: number | undefined;
  readonly data: string | undefined;
  readonly delay: number | undefined;
  readonly rate: number | undefined;
  readonly bail: boolean;
  readonly timeout: number | undefined;
  readonly insecure: boolean;
  /** `--no-cookies`: the run sends and keeps no cookies (config `cookies: off`). */
  readonly noCookies: boolean;
  /** `--allow-external-files`: body and certificate files outside the collection folder may be read, for this invocation only. */
  readonly allowExternalFiles: boolean;
  readonly cliReporter: boolean;
  readonly fileReporters: readonly ReportFormat[];
  readonly out: string | undefined;
  readonly config: string | undefined;
}

const VALUED = new Set(['--env', '--folder', '--request', '--concurrency', '--iterations', '--data', '--delay', '--rate', '--timeout', '--reporter', '--out', '--config']);

function integer(flag: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`${flag} needs a whole number, got "${text}"`);
  const n = Number(text);
  if (n < min || n > max) throw new UsageError(`${flag} must be between ${min} and ${max}`);
  return n;
}

/** Parses argv (after `run`); throws UsageError on anything unknown or malformed. */
export function parseRunArgs(argv: readonly string[]): RunArgs {
  const values = new Map<string, string[]>();
  const flags = new Set<string>();
  let dir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (VALUED.has(a)) {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      values.set(a, [...(values.get(a) ?? []), v]);
    } else if (a === '--bail' || a === '--insecure' || a === '--no-cookies' || a === '--allow-external-files') flags.add(a);
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else if (dir !== undefined) throw new UsageError(`only one collection folder, got "${dir}" and "${a}"`);
    else dir = a;
  }
  if (dir === undefined) throw new UsageError('missing <collection-dir>');
  const one = (flag: string): string | undefined => {
    const list = values.get(flag);
    if (list !== undefined && list.length > 1) throw new UsageError(`${flag} given more than once`);
    return list?.[0];
  };
  const reporters = (one('--reporter') ?? 'cli').split(',').map((r) => r.trim()).filter((r) => r !== '');
  for (const r of reporters) if (!['cli', 'json', 'junit', 'html'].includes(r)) throw new UsageError(`unknown reporter "${r}" (cli, json, junit, html)`);
  const num = (flag: string, min: number, max: number): number | undefined => {
    const v = one(flag);
    return v === undefined ? undefined : integer(flag, v, min, max);
  };
  const rateText = one('--rate');
  if (rateText !== undefined && !(/^\d+(\.\d+)?$/.test(rateText) && Number(rateText) > 0)) throw new UsageError(`--rate needs a positive number, got "${rateText}"`);
  return {
    dir,
    env: one('--env'),
    targets: [...(values.get('--folder') ?? []), ...(values.get('--request') ?? [])],
    concurrency: num('--concurrency', 1, 1000),
    iterations: num('--iterations', 1, 1_000_000),
    data: one('--data'),
    delay: num('--delay', 0, 3_600_000),
    rate: rateText === undefined ? undefined : Number(rateText),
    bail: flags.has('--bail'),
    timeout: num('--timeout', 1, 86_400_000),
    insecure: flags.has('--insecure'),
    noCookies: flags.has('--no-cookies'),
    allowExternalFiles: flags.has('--allow-external-files'),
    cliReporter: reporters.includes('cli'),
    fileReporters: reporters.filter((r): r is ReportFormat => r === 'json' || r === 'junit' || r === 'html'),
    out: one('--out'),
    config: one('--config'),
  };
}

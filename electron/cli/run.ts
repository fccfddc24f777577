import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SalvoError, toErrorInfo } from '../../shared/model/errors';
import { RunConfigSchema } from '../../shared/model/run';
import type { RunConfig, RunProgress, RunStats } from '../../shared/model/run';
import { CollectionService } from '../collections/service';
import { cliConsent } from '../consent/consent-scope';
import { perRunEngine } from '../runner/engine-lease';
import { reportFileName, writeReport } from '../runner/reports/write-report';
import { findRunConfig } from '../runner/run-config-files';
import { RunHistory } from '../runner/run-history';
import { startRunSession } from '../runner/run-session';
import { createEnvSecretStore } from '../secrets/env-secret-store';
import { EXIT, UsageError } from './io';
import type { CliCommand, CliIo } from './io';
import { parseRunArgs, RUN_USAGE } from './run-args';
import type { RunArgs } from './run-args';
import { failureLines, progressLine, summaryTable } from './run-summary';

/** Plain (non-TTY) progress lines at most this often. */
const PLAIN_EVERY_MS = 1000;
/** The redrawn TTY bar at most this often. */
const TTY_EVERY_MS = 100;

/** Merges a saved configuration (or the defaults) with the command-line options. */
export function configFromArgs(args: RunArgs, saved: RunConfig | undefined, cwd: string): RunConfig {
  const base = saved ?? RunConfigSchema.parse({ name: 'cli', stages: [{ name: 'main', targets: [], concurrency: 1 }] });
  // --folder / --request replace the stages with one stage over exactly those targets.
  const stages = args.targets.length > 0 ? [{ name: 'main', targets: [...args.targets], concurrency: args.concurrency ?? 1 }] : base.stages.map((s) => (args.concurrency === undefined ? s : { ...s, concurrency: args.concurrency }));
  // Without a saved config, let the pool grow to the asked concurrency (one origin would otherwise cap it at 64).
  const connections = saved === undefined ? { connectionsPerOrigin: Math.max(base.connectionsPerOrigin, ...stages.map((s) => s.concurrency)) } : {};
  return RunConfigSchema.parse({
    ...base,
    ...connections,
    stages,
    ...(args.env === undefined ? {} : { environment: args.env }),
    ...(args.iterations === undefined ? {} : { iterations: args.iterations }),
    ...(args.data === undefined ? {} : { dataFile: resolve(cwd, args.data) }),
    ...(args.delay === undefined ? {} : { delayMs: args.delay }),
    ...(args.rate === undefined ? {} : { rateLimit: args.rate }),
    ...(args.bail ? { stopOnFailure: true } : {}),
    ...(args.timeout === undefined ? {} : { timeoutMs: args.timeout }),
    ...(args.insecure ? { insecure: true } : {}),
    // The CLI keeps no jar between invocations: `isolated` and `collection` both mean this run's own in-memory jar.
    ...(args.noCookies ? { cookies: 'off' } : {}),
  });
}

/** Shows progress: a redrawn bar on a TTY, a plain line at most once a second otherwise. */
function progressPrinter(io: CliIo): { onProgress(p: RunProgress): void; end(): void } {
  const tty = io.stdout.isTTY === true;
  let last = 0;
  let drawn = false;
  return {
    onProgress(p: RunProgress) {
      const now = performance.now();
      if (p.state === 'running' && now - last < (tty ? TTY_EVERY_MS : PLAIN_EVERY_MS)) return;
      last = now;
      if (tty) {
        io.stdout.write(`\r${progressLine(p.stats, io.stdout.columns ?? 80)}\x1b[K`);
        drawn = true;
      } else if (p.state === 'running') io.stdout.write(`${progressLine(p.stats, undefined)}\n`);
    },
    end() {
      if (drawn) io.stdout.write('\n');
    },
  };
}

/** `salvo run <collection-dir> ...`: exit 0 all passed, 1 any failure, 2 bad usage or unreadable collection. */
export const runCmd: CliCommand = async (argv, io) => {
  let args: RunArgs;
  try {
    args = parseRunArgs(argv);
  } catch (err) {
    io.stderr.write(`salvo run: ${err instanceof Error ? err.message : String(err)}\n${RUN_USAGE}\n`);
    return EXIT.usage;
  }
  const service = new CollectionService({
    emit: () => undefined,
    secrets: createEnvSecretStore(io.env),
    userDataDir: join(tmpdir(), 'salvo-cli-state'),
    watch: false,
    // The CLI never reads the window's consent store: a run allows outside files only when told so on its command line.
    consent: cliConsent(args.allowExternalFiles),
    // Nothing per-user is kept under ids here, so the app's id registry is neither needed nor written.
    bindIds: false,
  });
  try {
    return await runWith(service, args, io);
  } catch (err) {
    const info = toErrorInfo(err);
    io.stderr.write(`salvo run: ${info.message}\n`);
    return err instanceof UsageError || err instanceof SalvoError ? EXIT.usage : EXIT.failed;
  } finally {
    await service.closeAll();
  }
};

async function runWith(service: CollectionService, args: RunArgs, io: CliIo): Promise<number> {
  const access = service.access();
  const collectionId = await access.openRoot(resolve(io.cwd, args.dir));
  const root = access.rootOf(collectionId);
  const saved = args.config === undefined ? undefined : await findRunConfig(root, args.config);
  const config = configFromArgs(args, saved, io.cwd);
  const out = args.out === undefined ? (args.fileReporters.length > 0 ? resolve(io.cwd, 'salvo-out') : undefined) : resolve(io.cwd, args.out);
  const printer = progressPrinter(io);
  // Progress snapshots only as often as the printer can show them (each one summarises every histogram).
  const progressIntervalMs = io.stdout.isTTY === true ? TTY_EVERY_MS / 2 : PLAIN_EVERY_MS / 2;
  const session = await startRunSession({ access, lease: perRunEngine, history: out === undefined ? undefined : new RunHistory(join(out, 'history')), emit: (p) => args.cliReporter && printer.onProgress(p), progressIntervalMs, keepPassingDetails: false }, collectionId, config);
  const onSignal = (): void => session.batch.cancel();
  process.once('SIGINT', onSignal);
  let outcome;
  try {
    outcome = await session.finished;
  } finally {
    process.removeListener('SIGINT', onSignal);
  }
  printer.end();
  // Reports are written after the run, so a failed or cancelled run still gets its partial report.
  for (const format of args.fileReporters) {
    if (out === undefined) break;
    const path = join(out, reportFileName(format));
    await writeReport(format, path, session.reportData());
    io.stdout.write(`${format} report: ${path}\n`);
  }
  if (args.cliReporter) {
    const data = session.reportData();
    io.stdout.write(`\n${summaryTable(outcome.stats, outcome.state, outcome.error?.message)}\n${failureLines(data.results, data.failedAssertions)}`);
  }
  return allPassed(outcome.stats) && outcome.state === 'done' && outcome.error === undefined ? EXIT.ok : EXIT.failed;
}

function allPassed(stats: RunStats): boolean {
  return stats.failed === 0 && stats.done === stats.planned;
}

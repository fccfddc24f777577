import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunRecord } from '../../shared/ipc/runs';
import { SalvoError } from '../../shared/model/errors';
import { writeFileAtomic } from '../fs/atomic-write';

/** Runs kept per history folder; the oldest go first. */
export const MAX_HISTORY = 50;

/** A history entry on disk: the record plus the collection folder it came from (for filtering). */
export interface StoredRun extends RunRecord {
  readonly collectionRoot: string;
}

const SAFE_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** The bounded run history: one small JSON file per run (stats only, never bodies or secrets). */
export class RunHistory {
  constructor(
    readonly dir: string,
    private readonly max: number = MAX_HISTORY,
  ) {}

  /** Saves a finished run and prunes the oldest beyond the bound. */
  async save(run: StoredRun): Promise<void> {
    if (!SAFE_ID.test(run.runId)) throw new SalvoError('invalid-input', 'bad run id');
    await writeFileAtomic(join(this.dir, fileName(run)), JSON.stringify(run) + '\n');
    const files = (await this.files()).sort();
    for (const old of files.slice(0, Math.max(0, files.length - this.max))) await rm(join(this.dir, old), { force: true });
  }

  /** Runs newest first, optionally only those of one collection folder. */
  async list(collectionRoot?: string): Promise<StoredRun[]> {
    const out: StoredRun[] = [];
    for (const file of (await this.files()).sort().reverse()) {
      const run = await this.read(file);
      if (run !== undefined && (collectionRoot === undefined || run.collectionRoot === collectionRoot)) out.push(run);
    }
    return out;
  }

  /** One run by id, or a not-found error. */
  async get(runId: string): Promise<StoredRun> {
    const file = (await this.files()).find((f) => f.endsWith(`-${runId}.json`));
    const run = file === undefined ? undefined : await this.read(file);
    if (run === undefined) throw new SalvoError('not-found', `run ${runId} is not in the history`);
    return run;
  }

  private async files(): Promise<string[]> {
    try {
      return (await readdir(this.dir)).filter((f) => f.endsWith('.json') && !f.startsWith('.'));
    } catch {
      return [];
    }
  }

  private async read(file: string): Promise<StoredRun | undefined> {
    try {
      const value = JSON.parse(await readFile(join(this.dir, file), 'utf8')) as StoredRun;
      return typeof value.runId === 'string' && typeof value.stats === 'object' ? value : undefined;
    } catch {
      // A corrupt history entry is skipped, never fatal.
      return undefined;
    }
  }
}

function fileName(run: StoredRun): string {
  // Zero-padded start time first: lexical order is chronological order.
  return `${String(run.startedAt).padStart(15, '0')}-${run.runId}.json`;
}

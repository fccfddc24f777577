import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { HistoryEntry } from '../../shared/ipc/history';
import { writeFileAtomic } from '../fs/atomic-write';
import { redactEntry } from './redact-entry';

/** Default number of entries kept. */
export const HISTORY_LIMIT = 1000;
const FILE = 'history.jsonl';

function isEntry(v: unknown): v is HistoryEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return typeof e.id === 'string' && typeof e.at === 'number' && typeof e.method === 'string' && typeof e.url === 'string' && typeof e.status === 'number' && typeof e.spec === 'object' && e.spec !== null;
}

/**
 * Bounded request history in `<userDataDir>/history.jsonl`: appends one JSON line per entry and
 * compacts to the last `limit` entries when the file grows past 1.5× the bound. All I/O is async
 * and serialised; a corrupt line is skipped, never fatal.
 */
export class HistoryStore {
  private entries: HistoryEntry[] | undefined;
  private loading: Promise<HistoryEntry[]> | undefined;
  private lines = 0;
  private chain: Promise<void> = Promise.resolve();
  readonly file: string;

  constructor(
    userDataDir: string,
    private readonly limit = HISTORY_LIMIT,
  ) {
    this.file = join(userDataDir, FILE);
  }

  private load(): Promise<HistoryEntry[]> {
    if (this.entries) return Promise.resolve(this.entries);
    this.loading ??= (async () => {
      const out: HistoryEntry[] = [];
      let text = '';
      try {
        text = await readFile(this.file, 'utf8');
      } catch {
        /* no history yet */
      }
      const lines = text.split('\n').filter((l) => l.trim() !== '');
      for (const line of lines) {
        try {
          const v: unknown = JSON.parse(line);
          if (isEntry(v)) out.push(v);
        } catch {
          // A line torn by a crash is dropped; the next compaction removes it from the file.
        }
      }
      this.lines = lines.length;
      this.entries = out.slice(-this.limit);
      return this.entries;
    })();
    return this.loading;
  }

  private serial(task: () => Promise<void>): Promise<void> {
    const next = this.chain.then(task, task);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async rewrite(entries: HistoryEntry[]): Promise<void> {
    await writeFileAtomic(this.file, entries.map((e) => JSON.stringify(e)).join('\n') + (entries.length > 0 ? '\n' : ''));
    this.lines = entries.length;
  }

  /** Adds an entry (redacted again defensively). */
  record(entry: HistoryEntry): Promise<void> {
    const safe = redactEntry(entry);
    return this.serial(async () => {
      const entries = await this.load();
      entries.push(safe);
      if (entries.length > this.limit) entries.splice(0, entries.length - this.limit);
      if (this.lines + 1 > this.limit * 1.5) {
        await this.rewrite(entries);
        return;
      }
      await mkdir(dirname(this.file), { recursive: true });
      await appendFile(this.file, JSON.stringify(safe) + '\n');
      this.lines++;
    });
  }

  /** Newest first; every whitespace-separated term must match the method, URL or status. */
  async list(query: string, limit: number): Promise<HistoryEntry[]> {
    await this.chain;
    const entries = await this.load();
    const terms = query.toLowerCase().split(/\s+/).filter((t) => t !== '');
    const out: HistoryEntry[] = [];
    for (let i = entries.length - 1; i >= 0 && out.length < limit; i--) {
      const e = entries[i] as HistoryEntry;
      const hay = `${e.method} ${e.url} ${e.status} ${e.errorKind ?? ''}`.toLowerCase();
      if (terms.every((t) => hay.includes(t))) out.push(e);
    }
    return out;
  }

  /** Removes one entry by id. */
  delete(id: string): Promise<void> {
    return this.serial(async () => {
      const entries = await this.load();
      const i = entries.findIndex((e) => e.id === id);
      if (i < 0) return;
      entries.splice(i, 1);
      await this.rewrite(entries);
    });
  }

  /** Removes every entry. */
  clear(): Promise<void> {
    return this.serial(async () => {
      const entries = await this.load();
      entries.splice(0, entries.length);
      await this.rewrite(entries);
    });
  }
}

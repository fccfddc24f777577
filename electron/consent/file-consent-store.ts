import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SalvoError } from '../../shared/model/errors';
import { writeFileAtomic } from '../fs/atomic-write';
import { consentKeys } from './consent-scope';
import type { ConsentScope } from './consent-scope';

/** The consent file in the user-data folder. The list of paths is not secret, but it is the user's: never in a collection. */
export const CONSENT_FILE = 'file-consent.json';
const VERSION = 1;
/** A sanity cap on granted paths (all scopes); a grant beyond it is refused rather than growing the file without end. */
const MAX_PATHS = 10_000;

type Grants = Map<string, Set<string>>;

function parseGrants(text: string): Grants {
  const grants: Grants = new Map();
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || (parsed as { version?: unknown }).version !== VERSION) return grants;
  const raw = (parsed as { grants?: unknown }).grants;
  if (typeof raw !== 'object' || raw === null) return grants;
  for (const [key, paths] of Object.entries(raw)) {
    if (!Array.isArray(paths)) continue;
    const set = new Set(paths.filter((p): p is string => typeof p === 'string' && p !== ''));
    if (set.size > 0) grants.set(key, set);
  }
  return grants;
}

/**
 * The files the user allowed outside their collections: (scope, absolute real path) pairs, held in
 * memory for synchronous checks and saved atomically to `<userData>/file-consent.json` after each
 * change (writes are serialised). A missing or damaged file means no consent: it fails closed.
 */
export class FileConsentStore {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private readonly grants: Grants,
  ) {}

  /** Loads the store of a user-data folder. */
  static async open(userDataDir: string): Promise<FileConsentStore> {
    const file = join(userDataDir, CONSENT_FILE);
    let grants: Grants = new Map();
    try {
      grants = parseGrants(await readFile(file, 'utf8'));
    } catch {
      // Missing or unreadable: nothing is allowed until the user allows it again.
    }
    return new FileConsentStore(file, grants);
  }

  /** Whether the user allowed this absolute real path for the scope. */
  allows(scope: ConsentScope, absolute: string): boolean {
    for (const key of consentKeys(scope)) if (this.grants.get(key)?.has(absolute) === true) return true;
    return false;
  }

  /** Every path allowed for the scope, sorted. */
  list(scope: ConsentScope): string[] {
    const out = new Set<string>();
    for (const key of consentKeys(scope)) for (const p of this.grants.get(key) ?? []) out.add(p);
    return [...out].sort();
  }

  /** Allows these absolute real paths for the scope and saves. */
  async grant(scope: ConsentScope, paths: readonly string[]): Promise<void> {
    const key = consentKeys(scope)[0];
    if (key === undefined) return;
    const fresh = paths.filter((p) => !this.allows(scope, p));
    if (fresh.length === 0) return;
    let total = fresh.length;
    for (const set of this.grants.values()) total += set.size;
    if (total > MAX_PATHS) throw new SalvoError('invalid-input', `too many allowed files (over ${MAX_PATHS}); withdraw some in a request's Options tab first`);
    const set = this.grants.get(key) ?? new Set<string>();
    for (const p of fresh) set.add(p);
    this.grants.set(key, set);
    await this.save();
  }

  /** Withdraws consent for these paths in every key of the scope and saves. */
  async revoke(scope: ConsentScope, paths: readonly string[]): Promise<void> {
    let changed = false;
    for (const key of consentKeys(scope)) {
      const set = this.grants.get(key);
      if (set === undefined) continue;
      for (const p of paths) changed = set.delete(p) || changed;
      if (set.size === 0) this.grants.delete(key);
    }
    if (changed) await this.save();
  }

  /** Waits for pending writes. */
  idle(): Promise<void> {
    return this.writing;
  }

  private save(): Promise<void> {
    // Each write takes the state at its turn, so the last one on disk is the newest.
    const next = this.writing.catch(() => undefined).then(() => {
      const grants: Record<string, string[]> = {};
      for (const [key, set] of [...this.grants].sort(([a], [b]) => a.localeCompare(b))) grants[key] = [...set].sort();
      return writeFileAtomic(this.file, `${JSON.stringify({ version: VERSION, grants }, null, 2)}\n`);
    });
    this.writing = next;
    return next;
  }
}

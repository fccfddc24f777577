import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write';
import type { SecretScope } from '../secrets/secret-key';

/** The file in the user-data folder: the user's choices, never written into a collection. */
export const STATE_FILE = 'collections-state.json';

function stringMap(raw: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof raw !== 'object' || raw === null) return out;
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') out.set(k, v);
  return out;
}

/**
 * Which environment each collection has active: under its stable id (salvo.yaml `id`) when it has
 * one, so the choice follows the folder when it moves, else under its folder path (what earlier
 * versions keyed every choice by; such a choice moves to the id once the collection has one).
 * Read synchronously (asked per send); saved atomically to `<userData>/collections-state.json`
 * as `{ active: {<folder>: name}, activeById: {<id>: name} }`, writes serialised.
 */
export class ActiveEnvironments {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private readonly byRoot: Map<string, string>,
    private readonly byId: Map<string, string>,
  ) {}

  /** Loads the choices of a user-data folder (missing or damaged: none). */
  static async open(userDataDir: string): Promise<ActiveEnvironments> {
    const file = join(userDataDir, STATE_FILE);
    let parsed: { active?: unknown; activeById?: unknown } = {};
    try {
      const raw: unknown = JSON.parse(await readFile(file, 'utf8'));
      if (typeof raw === 'object' && raw !== null) parsed = raw;
    } catch {
      /* no state yet */
    }
    return new ActiveEnvironments(file, stringMap(parsed.active), stringMap(parsed.activeById));
  }

  /** The active environment of a collection. A choice still under its folder path counts until it is moved. */
  get(owner: SecretScope): string | undefined {
    return (owner.id === undefined ? undefined : this.byId.get(owner.id)) ?? this.byRoot.get(owner.root);
  }

  /** Sets (or clears, with undefined) the active environment; a choice left under the folder path goes. */
  async set(owner: SecretScope, name: string | undefined): Promise<void> {
    if (owner.id !== undefined) {
      this.byRoot.delete(owner.root);
      if (name === undefined) this.byId.delete(owner.id);
      else this.byId.set(owner.id, name);
    } else if (name === undefined) this.byRoot.delete(owner.root);
    else this.byRoot.set(owner.root, name);
    await this.save();
  }

  /**
   * One-time migration for a collection with an id: a choice kept under its folder path moves to
   * the id (a choice already under the id wins).
   */
  async adopt(owner: SecretScope): Promise<void> {
    if (owner.id === undefined) return;
    const byPath = this.byRoot.get(owner.root);
    if (byPath === undefined) return;
    this.byRoot.delete(owner.root);
    if (!this.byId.has(owner.id)) this.byId.set(owner.id, byPath);
    await this.save();
  }

  /** Waits for pending writes. */
  idle(): Promise<void> {
    return this.writing;
  }

  private save(): Promise<void> {
    // Each write takes the state at its turn, so the last one on disk is the newest.
    const next = this.writing
      .catch(() => undefined)
      .then(() => writeFileAtomic(this.file, `${JSON.stringify({ active: Object.fromEntries(this.byRoot), activeById: Object.fromEntries(this.byId) }, null, 2)}\n`));
    this.writing = next;
    return next;
  }
}

import { readFile, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { CollectionSettingsSchema } from '../../shared/model/collection';
import { writeFileAtomic } from '../fs/atomic-write';
import { COLLECTION_FILE } from './format';
import { parseYamlFile } from './yaml-io';

/** The file in the user-data folder that binds each collection id to the folder it belongs to. */
export const ID_REGISTRY_FILE = 'collection-ids.json';

/** Decides whether a folder may use the id its salvo.yaml claims (the values kept under the id are handed to it). */
export type ClaimId = (id: string, root: string) => Promise<boolean>;

/** Whether `root` still holds `id`: its salvo.yaml says so. Unreadable for another reason than absence counts as holding it (the safe answer). */
async function stillHolds(root: string, id: string): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(join(root, COLLECTION_FILE), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code !== 'ENOENT' && code !== 'ENOTDIR';
  }
  const parsed = parseYamlFile(COLLECTION_FILE, text, CollectionSettingsSchema);
  // A salvo.yaml that no longer parses still belongs to the user's collection while it names the id.
  return parsed.ok ? parsed.value.id === id : text.includes(id);
}

/** Whether two paths lead to the same folder now (the old one may be a link to where it was moved). */
async function sameFolder(a: string, b: string): Promise<boolean> {
  return (await realpath(a).catch(() => a)) === b;
}

/**
 * Binds each collection id to the folder the app first saw it in, so an id — plain text anyone can
 * copy, and public for a public repository — is not by itself enough to be handed the secret values,
 * file consent, cookies and active environment kept under it. A folder claiming a bound id is a move
 * (trusted, rebound) when the bound folder is gone or no longer holds that id, and a copy (not
 * trusted) while the original still does. Kept in `<userData>/collection-ids.json` as
 * `{ version: 1, roots: { <id>: <folder> } }`, written atomically; claims are decided one at a time
 * so two folders opened together cannot both take one id.
 */
export class CollectionIdRegistry {
  private turn: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private readonly roots: Map<string, string>,
  ) {}

  /** Loads the bindings of a user-data folder (missing or damaged: none yet). */
  static async open(userDataDir: string): Promise<CollectionIdRegistry> {
    const file = join(userDataDir, ID_REGISTRY_FILE);
    const roots = new Map<string, string>();
    try {
      const raw: unknown = JSON.parse(await readFile(file, 'utf8'));
      const entries = typeof raw === 'object' && raw !== null ? (raw as { roots?: unknown }).roots : undefined;
      if (typeof entries === 'object' && entries !== null) for (const [id, root] of Object.entries(entries)) if (typeof root === 'string') roots.set(id, root);
    } catch {
      /* no bindings yet */
    }
    return new CollectionIdRegistry(file, roots);
  }

  /** The folder an id is bound to, if any. */
  rootOf(id: string): string | undefined {
    return this.roots.get(id);
  }

  /**
   * Whether the collection at `root` (a real path) may use `id`: an unseen id is bound to it, a
   * moved collection is rebound, a copy next to a still-present original is refused. Never throws:
   * a binding that cannot be saved still holds for this run.
   */
  claim(id: string, root: string): Promise<boolean> {
    const decided = this.turn.then(() => this.decide(id, root));
    this.turn = decided.catch(() => undefined);
    return decided.catch(() => false);
  }

  private async decide(id: string, root: string): Promise<boolean> {
    const bound = this.roots.get(id);
    if (bound === root) return true;
    if (bound !== undefined && !(await sameFolder(bound, root)) && (await stillHolds(bound, id))) return false;
    this.roots.set(id, root);
    await this.save().catch(() => undefined);
    return true;
  }

  private save(): Promise<void> {
    return writeFileAtomic(this.file, `${JSON.stringify({ version: 1, roots: Object.fromEntries(this.roots) }, null, 2)}\n`);
  }
}

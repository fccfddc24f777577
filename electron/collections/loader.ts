import { lstat, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CollectionSettingsSchema, EnvironmentSchema, FolderSettingsSchema, SavedRequestSchema } from '../../shared/model/collection';
import type { CollectionSettings, Environment, FileProblem, FolderNode, FolderSettings, SavedRequest, TreeNode } from '../../shared/model/collection';
import { TEMP_PREFIX } from '../fs/atomic-write';
import { versionOf, readTextIfExists } from './file-io';
import { COLLECTION_FILE, ENV_DIR, FOLDER_FILE, REQUEST_EXT, RUNS_DIR } from './format';
import { joinRel, segmentProblem } from './names';
import { parseYamlFile } from './yaml-io';

/** One folder as found on disk. */
export interface LoadedFolder {
  readonly path: string;
  readonly settings: FolderSettings;
  /** Request file names and sub-folder names directly inside. */
  readonly requests: string[];
  readonly folders: string[];
}

/** A request file that parsed and validated. */
export interface LoadedRequest {
  readonly request: SavedRequest;
  readonly version: string;
}

/** Everything read from a collection folder in one pass. */
export interface LoadedCollection {
  readonly settings: CollectionSettings;
  readonly folders: Map<string, LoadedFolder>;
  readonly requests: Map<string, LoadedRequest>;
  /** Environment name -> collection-relative file path. */
  readonly environments: Map<string, { readonly file: string; readonly env: Environment }>;
  readonly problems: FileProblem[];
  /** Files that exist but could not be used: never overwritten without the user's choice. */
  readonly corrupt: Set<string>;
  /** Parsed request files by stat signature, so a reload re-reads only what changed. */
  readonly cache: Map<string, CachedFile>;
}

/** A request file's parse outcome keyed by its stat signature. */
interface CachedFile {
  readonly signature: string;
  readonly outcome: { readonly ok: true; readonly value: LoadedRequest } | { readonly ok: false; readonly problem: FileProblem };
}

const SKIP_DIRS = new Set([ENV_DIR, RUNS_DIR, 'node_modules']);
const PARALLEL_READS = 16;

function withName(fallback: string) {
  return (raw: unknown): unknown => (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && !('name' in raw) ? { ...raw, name: fallback } : raw);
}

async function mapLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

class Loader {
  readonly out: LoadedCollection;
  private readonly pendingRequests: string[] = [];

  constructor(
    private readonly root: string,
    private readonly previous: Map<string, CachedFile> | undefined,
  ) {
    this.out = {
      settings: CollectionSettingsSchema.parse({ name: basename(root) }),
      folders: new Map(),
      requests: new Map(),
      environments: new Map(),
      problems: [],
      corrupt: new Set(),
      cache: new Map(),
    };
  }

  private report(path: string, line: number | undefined, reason: string, corrupt = true): void {
    this.out.problems.push({ path, line, reason });
    if (corrupt) this.out.corrupt.add(path);
  }

  async readSettings<T>(rel: string, parse: (text: string) => { ok: true; value: T } | { ok: false; problem: FileProblem }): Promise<T | undefined> {
    let text: string | undefined;
    try {
      text = await readTextIfExists(join(this.root, rel));
    } catch (err) {
      this.report(rel, undefined, (err as Error).message);
      return undefined;
    }
    if (text === undefined) return undefined;
    const parsed = parse(text);
    if (parsed.ok) return parsed.value;
    this.report(rel, parsed.problem.line, parsed.problem.reason);
    return undefined;
  }

  async folder(rel: string, depth: number): Promise<void> {
    const dirName = rel === '' ? basename(this.root) : (rel.split('/').pop() ?? rel);
    const settingsRel = joinRel(rel, rel === '' ? COLLECTION_FILE : FOLDER_FILE);
    let settings: FolderSettings;
    if (rel === '') {
      const s = await this.readSettings(settingsRel, (t) => parseYamlFile(settingsRel, t, CollectionSettingsSchema, withName(dirName)));
      if (s) (this.out as { settings: CollectionSettings }).settings = s;
      settings = this.out.settings;
    } else {
      settings = (await this.readSettings(settingsRel, (t) => parseYamlFile(settingsRel, t, FolderSettingsSchema, withName(dirName)))) ?? FolderSettingsSchema.parse({ name: dirName });
    }
    const folder: LoadedFolder = { path: rel, settings, requests: [], folders: [] };
    this.out.folders.set(rel, folder);
    const entries = await readdir(join(this.root, rel), { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subfolders: string[] = [];
    for (const entry of entries) {
      const name = entry.name;
      const childRel = joinRel(rel, name);
      if (name.startsWith('.') || name.startsWith(TEMP_PREFIX)) continue;
      if (entry.isSymbolicLink()) {
        this.report(childRel, undefined, 'symbolic links are not followed', false);
        continue;
      }
      if (entry.isDirectory()) {
        if (rel === '' && SKIP_DIRS.has(name)) continue;
        if (segmentProblem(name) !== undefined) {
          this.report(childRel, undefined, `unsafe folder name skipped: ${segmentProblem(name) ?? ''}`, false);
        } else if (depth >= 32) {
          this.report(childRel, undefined, 'folders nested too deeply', false);
        } else {
          folder.folders.push(name);
          subfolders.push(childRel);
        }
      } else if (entry.isFile() && name.endsWith(REQUEST_EXT) && name !== COLLECTION_FILE && name !== FOLDER_FILE) {
        folder.requests.push(name);
        this.pendingRequests.push(childRel);
      }
    }
    for (const sub of subfolders) await this.folder(sub, depth + 1);
  }

  private async parseRequest(rel: string, abs: string): Promise<CachedFile['outcome'] | undefined> {
    let text: string | undefined;
    try {
      text = await readTextIfExists(abs);
    } catch (err) {
      return { ok: false, problem: { path: rel, line: undefined, reason: (err as Error).message } };
    }
    if (text === undefined) return undefined;
    const parsed = parseYamlFile(rel, text, SavedRequestSchema, withName(basename(rel, REQUEST_EXT)));
    if (!parsed.ok) return parsed;
    return { ok: true, value: { request: parsed.value, version: await versionOf(text) } };
  }

  async requestsAll(): Promise<void> {
    await mapLimit(this.pendingRequests, PARALLEL_READS, async (rel) => {
      const abs = join(this.root, rel);
      let signature = '';
      try {
        const s = await stat(abs);
        // Inode, size and both timestamps (ns resolution on Linux/macOS) identify an unchanged file.
        signature = `${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
      } catch {
        return;
      }
      const cached = this.previous?.get(rel);
      const outcome = cached?.signature === signature ? cached.outcome : await this.parseRequest(rel, abs);
      if (outcome === undefined) return;
      this.out.cache.set(rel, { signature, outcome });
      if (outcome.ok) this.out.requests.set(rel, outcome.value);
      else this.report(rel, outcome.problem.line, outcome.problem.reason);
    });
    // Drop requests that failed from their folder listings so the tree shows only usable ones.
    for (const folder of this.out.folders.values()) {
      folder.requests.splice(0, folder.requests.length, ...folder.requests.filter((n) => this.out.requests.has(joinRel(folder.path, n))));
    }
  }

  async environmentsAll(): Promise<void> {
    let entries;
    try {
      entries = await readdir(join(this.root, ENV_DIR), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (!entry.isFile() || !entry.name.endsWith(REQUEST_EXT) || entry.name.startsWith('.')) continue;
      const rel = joinRel(ENV_DIR, entry.name);
      const env = await this.readSettings(rel, (t) => parseYamlFile(rel, t, EnvironmentSchema, withName(basename(entry.name, REQUEST_EXT))));
      if (!env) continue;
      if (this.out.environments.has(env.name)) this.report(rel, undefined, `duplicate environment name "${env.name}"`, false);
      else this.out.environments.set(env.name, { file: rel, env });
    }
  }
}

/** Reads a whole collection folder; bad files are reported in `problems` and skipped. */
export async function loadCollection(root: string, previous?: LoadedCollection): Promise<LoadedCollection> {
  const info = await lstat(root);
  if (!info.isDirectory()) throw new Error(`not a folder: ${root}`);
  const loader = new Loader(root, previous?.cache);
  await loader.folder('', 0);
  await loader.requestsAll();
  await loader.environmentsAll();
  return loader.out;
}

/** Child names of a folder in display order: the saved order first, then the rest (folders, then requests, by name). */
export function orderedChildren(folder: LoadedFolder): string[] {
  const present = [...folder.folders, ...folder.requests];
  const set = new Set(present);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of folder.settings.order) {
    if (set.has(name) && !seen.has(name)) {
      out.push(name);
      seen.add(name);
    }
  }
  for (const name of present) if (!seen.has(name)) out.push(name);
  return out;
}

/** Builds the sidebar tree from what was loaded. */
export function buildTree(loaded: LoadedCollection, rel = ''): FolderNode {
  const folder = loaded.folders.get(rel);
  const name = rel === '' ? loaded.settings.name : (folder?.settings.name ?? rel);
  if (!folder) return { type: 'folder', path: rel, name, children: [] };
  const children: TreeNode[] = [];
  for (const child of orderedChildren(folder)) {
    const childRel = joinRel(rel, child);
    const req = loaded.requests.get(childRel);
    if (req) children.push({ type: 'request', path: childRel, name: req.request.name, method: req.request.method, url: req.request.url });
    else if (loaded.folders.has(childRel)) children.push(buildTree(loaded, childRel));
  }
  return { type: 'folder', path: rel, name, children };
}

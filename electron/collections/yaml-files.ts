import { readdir, rm } from 'node:fs/promises';
import type { z } from 'zod';
import { SalvoError } from '../../shared/model/errors';
import type { FileProblem } from '../../shared/model/collection';
import { readTextIfExists, writeIfChanged } from './file-io';
import type { FileQueue } from './file-queue';
import type { OwnChanges } from './own-changes';
import { REQUEST_EXT } from './format';
import { joinRel, segmentProblem, slugify, splitRelPath } from './names';
import { resolveInside } from './safe-path';
import { parseYamlFile, toYaml } from './yaml-io';

/**
 * Safe YAML files in one sub-folder of a collection (e.g. `runs/` for run configurations):
 * names checked, no symlinks, limits on parse, atomic serialised writes.
 */
export class CollectionYamlFiles<S extends z.ZodType> {
  constructor(
    private readonly root: string,
    private readonly dir: string,
    private readonly schema: S,
    private readonly queue: FileQueue,
    private readonly own?: OwnChanges,
  ) {
    splitRelPath(dir);
  }

  /** Parsed files (file stem → value) and the problems of the ones that failed. */
  async list(): Promise<{ items: Array<{ name: string; value: z.output<S> }>; problems: FileProblem[] }> {
    const items: Array<{ name: string; value: z.output<S> }> = [];
    const problems: FileProblem[] = [];
    let entries;
    try {
      entries = await readdir(await resolveInside(this.root, this.dir), { withFileTypes: true });
    } catch {
      return { items, problems };
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (!e.isFile() || !e.name.endsWith(REQUEST_EXT) || e.name.startsWith('.')) continue;
      const stem = e.name.slice(0, -REQUEST_EXT.length);
      const got = await this.read(stem).catch((err: unknown) => {
        problems.push({ path: joinRel(this.dir, e.name), line: undefined, reason: (err as Error).message });
        return undefined;
      });
      if (got !== undefined) items.push({ name: stem, value: got });
    }
    return { items, problems };
  }

  private async fileOf(stem: string): Promise<{ rel: string; abs: string }> {
    const problem = segmentProblem(stem + REQUEST_EXT);
    if (problem !== undefined) throw new SalvoError('invalid-input', `unsafe file name ${stem}: ${problem}`);
    const rel = joinRel(this.dir, stem + REQUEST_EXT);
    return { rel, abs: await resolveInside(this.root, rel) };
  }

  /** Reads one file by stem; undefined when missing; invalid content is an `invalid-input` error with the line. */
  async read(stem: string): Promise<z.output<S> | undefined> {
    const { rel, abs } = await this.fileOf(stem);
    const text = await readTextIfExists(abs);
    if (text === undefined) return undefined;
    const parsed = parseYamlFile(rel, text, this.schema);
    if (!parsed.ok) throw new SalvoError('invalid-input', `${rel}${parsed.problem.line === undefined ? '' : `:${parsed.problem.line}`}: ${parsed.problem.reason}`);
    return parsed.value;
  }

  /** Writes a value (validated first) under a stem; `slugify` a display name before calling if needed. */
  async write(stem: string, value: z.input<S>): Promise<string> {
    const { rel, abs } = await this.fileOf(stem);
    const parsed = this.schema.parse(value);
    const text = toYaml(parsed);
    await this.queue.run(abs, async () => {
      await this.own?.writing(abs, text);
      return writeIfChanged(abs, text);
    });
    return rel;
  }

  async delete(stem: string): Promise<void> {
    const { abs } = await this.fileOf(stem);
    await this.queue.run(abs, () => {
      this.own?.removed(abs);
      return rm(abs, { force: true });
    });
  }

  /** A safe file stem for a display name. */
  static stemFor(name: string): string {
    return slugify(name);
  }
}

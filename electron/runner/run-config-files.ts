import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RunConfigSchema } from '../../shared/model/run';
import type { RunConfig } from '../../shared/model/run';
import { SalvoError } from '../../shared/model/errors';
import type { FileProblem } from '../../shared/model/collection';
import { RUNS_DIR } from '../collections/format';
import { slugify } from '../collections/names';
import { resolveInside } from '../collections/safe-path';
import { parseYamlFile, toYaml } from '../collections/yaml-io';
import { writeFileAtomic } from '../fs/atomic-write';

/** Saved run configurations of a collection, and the files that could not be read. */
export interface RunConfigListing {
  readonly configs: readonly RunConfig[];
  readonly problems: readonly FileProblem[];
}

/** Reads every `runs/*.yaml` of a collection (safe YAML: limits, no prototype keys, schema-checked). */
export async function listRunConfigs(root: string): Promise<RunConfigListing> {
  let names: string[];
  let dir: string;
  try {
    dir = await resolveInside(root, RUNS_DIR);
    names = (await readdir(dir)).filter((n) => n.endsWith('.yaml') && !n.startsWith('.')).sort();
  } catch {
    return { configs: [], problems: [] };
  }
  const configs: RunConfig[] = [];
  const problems: FileProblem[] = [];
  for (const name of names) {
    const rel = `${RUNS_DIR}/${name}`;
    let text: string;
    try {
      text = await readFile(join(dir, name), 'utf8');
    } catch (err) {
      problems.push({ path: rel, line: undefined, reason: err instanceof Error ? err.message : String(err) });
      continue;
    }
    const parsed = parseYamlFile(rel, text, RunConfigSchema);
    if (parsed.ok) configs.push(parsed.value);
    else problems.push(parsed.problem);
  }
  return { configs, problems };
}

/** Finds one saved configuration by name (or file stem). */
export async function findRunConfig(root: string, name: string): Promise<RunConfig> {
  const { configs, problems } = await listRunConfigs(root);
  const found = configs.find((c) => c.name === name || slugify(c.name) === slugify(name));
  if (found !== undefined) return found;
  const problem = problems.find((p) => p.path === `${RUNS_DIR}/${slugify(name)}.yaml`);
  if (problem !== undefined) throw new SalvoError('invalid-input', `run configuration ${problem.path}${problem.line === undefined ? '' : `:${problem.line}`}: ${problem.reason}`);
  throw new SalvoError('not-found', `no run configuration named ${JSON.stringify(name)} in ${RUNS_DIR}/`);
}

/** Saves a configuration as `runs/<slug of name>.yaml` (atomic write, never through a symlink). */
export async function saveRunConfig(root: string, config: RunConfig): Promise<string> {
  const valid = RunConfigSchema.parse(config);
  const rel = `${RUNS_DIR}/${slugify(valid.name)}.yaml`;
  await writeFileAtomic(await resolveInside(root, rel), toYaml(valid));
  return rel;
}

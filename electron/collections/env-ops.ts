import { rm } from 'node:fs/promises';
import type { Environment, Variable } from '../../shared/model/collection';
import { SalvoError } from '../../shared/model/errors';
import { variableSecret } from '../secrets/secret-key';
import { ENV_DIR, REQUEST_EXT, serializeEnvironment } from './format';
import { baseRel, checkDisplayName, joinRel, slugify, uniqueName } from './names';
import type { OpenCollection } from './open-collection';

/** What `env:read` returns for a stored secret when not revealed; saving it back keeps the stored value. */
export const SECRET_MASK = '••••••';

function findEnv(c: OpenCollection, name: string): { file: string; env: Environment } {
  const found = c.loaded.environments.get(name);
  if (!found) throw new SalvoError('not-found', `no such environment: ${name}`);
  return found;
}

/** An environment with secret values filled from the SecretStore (masked unless `reveal`). */
export async function readEnvironment(c: OpenCollection, name: string, reveal: boolean): Promise<Environment> {
  const { env } = findEnv(c, name);
  const variables: Variable[] = [];
  for (const v of env.variables) {
    if (!v.secret) {
      variables.push(v);
      continue;
    }
    const stored = await c.deps.secrets.get(variableSecret(c.secretScope(), env.name, v.name));
    // A value committed into the file by hand still works, but the store wins.
    const value = stored ?? v.value;
    variables.push({ ...v, value: reveal || value === '' ? value : SECRET_MASK });
  }
  return { name: env.name, variables };
}

/** Saves an environment: secret values go to the SecretStore, the file gets them empty. */
export async function saveEnvironment(c: OpenCollection, environment: Environment, previousName: string | undefined): Promise<void> {
  const name = checkDisplayName(environment.name);
  const oldName = previousName ?? name;
  const existing = c.loaded.environments.get(oldName);
  if (previousName !== undefined && previousName !== name && c.loaded.environments.has(name)) throw new SalvoError('conflict', `an environment named "${name}" already exists`);
  const secrets = c.deps.secrets;
  // Values go under the collection id (written into salvo.yaml now if missing), so they survive a move.
  const scope = environment.variables.some((v) => v.secret) ? await c.scopeForWrite() : c.secretScope();
  const key = (env: string, v: string) => variableSecret(scope, env, v);
  const oldVars = new Map((existing?.env.variables ?? []).map((v) => [v.name, v]));
  for (const v of environment.variables) {
    if (!v.secret) continue;
    if (v.value === SECRET_MASK) {
      // Unchanged secret: keep (and move, on rename) the stored value.
      const stored = await secrets.get(key(oldName, v.name));
      // A value committed into the file by hand moves into the store instead of being lost.
      const fromFile = oldVars.get(v.name)?.value ?? '';
      if (stored === undefined && fromFile !== '') await secrets.set(key(name, v.name), fromFile);
      else if (stored !== undefined && oldName !== name) await secrets.set(key(name, v.name), stored);
    } else if (v.value === '') {
      await secrets.delete(key(name, v.name));
    } else {
      await secrets.set(key(name, v.name), v.value);
    }
  }
  const nowSecret = new Set(environment.variables.filter((v) => v.secret).map((v) => v.name));
  for (const [vName, v] of oldVars) if (v.secret && (!nowSecret.has(vName) || oldName !== name)) await secrets.delete(key(oldName, vName));

  let fileRel = existing?.file;
  if (fileRel === undefined || oldName !== name) {
    const taken = new Set([...c.loaded.environments.values()].map((e) => baseRel(e.file)));
    if (fileRel !== undefined) taken.delete(baseRel(fileRel));
    fileRel = joinRel(ENV_DIR, uniqueName(slugify(name), REQUEST_EXT, taken));
  }
  c.guardCorrupt(fileRel);
  const file = await c.abs(fileRel);
  await c.serial(file, () => c.write(file, serializeEnvironment({ name, variables: environment.variables })));
  if (existing && existing.file !== fileRel) {
    const old = await c.abs(existing.file);
    c.deps.own.removed(old);
    await rm(old, { force: true });
  }
  await c.changed([fileRel]);
}

/** Deletes an environment file and its stored secrets. */
export async function deleteEnvironment(c: OpenCollection, name: string): Promise<void> {
  const { file, env } = findEnv(c, name);
  for (const v of env.variables) if (v.secret) await c.deps.secrets.delete(variableSecret(c.secretScope(), name, v.name));
  const abs = await c.abs(file);
  c.deps.own.removed(abs);
  await rm(abs, { force: true });
  await c.changed([file]);
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cliNamesOf, storageKey } from './secret-key';
import type { SecretStore } from './secret-store';

/** Parses a `.env` file: `NAME=value` lines, `#` comments, optional `export `, single or double quotes. */
export function parseDotEnv(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!m || m[1] === undefined) continue;
    let value = m[2] ?? '';
    if (value.length >= 2 && ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'")))) {
      const quote = value[0];
      value = value.slice(1, -1);
      if (quote === '"') value = value.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
    } else {
      value = value.replace(/\s+#.*$/, '');
    }
    out.set(m[1], value);
  }
  return out;
}

/**
 * The CLI's SecretStore: a secret of environment E, variable N comes from the process environment
 * (`SALVO_SECRET_<E>_<N>`, then `SALVO_SECRET_<N>`), a certificate passphrase for host H from
 * `SALVO_SECRET_PASSPHRASE_<H>`, else from the same names in `<collection>/.env`.
 * Values set during the process are kept in memory only; nothing is ever migrated.
 */
export function createEnvSecretStore(env: Readonly<Record<string, string | undefined>>): SecretStore {
  const dotEnvs = new Map<string, Promise<Map<string, string>>>();
  const local = new Map<string, string>();
  const dotEnv = (root: string): Promise<Map<string, string>> => {
    let p = dotEnvs.get(root);
    if (!p) {
      p = readFile(join(root, '.env'), 'utf8').then(parseDotEnv, () => new Map<string, string>());
      dotEnvs.set(root, p);
    }
    return p;
  };
  return {
    persistent: false,
    async get(ref) {
      const key = storageKey(ref);
      if (local.has(key)) return local.get(key);
      const names = cliNamesOf(ref);
      for (const n of names) if (env[n] !== undefined) return env[n];
      const file = await dotEnv(ref.scope.root);
      for (const n of names) if (file.has(n)) return file.get(n);
      return undefined;
    },
    set(ref, value) {
      local.set(storageKey(ref), value);
      return Promise.resolve();
    },
    delete(ref) {
      local.delete(storageKey(ref));
      return Promise.resolve();
    },
    hasPathScoped: () => Promise.resolve(false),
    adopt: () => Promise.resolve(0),
    describe: () => ({ backend: 'environment' }),
  };
}

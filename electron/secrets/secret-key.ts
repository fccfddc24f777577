/** Where a secret belongs: a collection folder, an environment and a variable name. */
export interface SecretRef {
  readonly root: string;
  readonly environment: string;
  readonly name: string;
}

const PREFIX = 'salvo-secret:v1:';

/** The SecretStore key of one environment variable (JSON keeps any character unambiguous). */
export function secretKey(ref: SecretRef): string {
  return PREFIX + JSON.stringify([ref.root, ref.environment, ref.name]);
}

/** Reverses `secretKey`; undefined for keys of another shape. */
export function parseSecretKey(key: string): SecretRef | undefined {
  if (!key.startsWith(PREFIX)) return undefined;
  try {
    const parts: unknown = JSON.parse(key.slice(PREFIX.length));
    if (Array.isArray(parts) && parts.length === 3 && parts.every((p) => typeof p === 'string')) {
      const [root, environment, name] = parts as [string, string, string];
      return { root, environment, name };
    }
  } catch {
    /* not ours */
  }
  return undefined;
}

/** Environment-variable form of a name: uppercase, every non-alphanumeric character becomes `_`. */
export function envVarPart(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

/**
 * Process-environment names the CLI checks for a secret, most specific first:
 * `SALVO_SECRET_<ENV>_<NAME>` then `SALVO_SECRET_<NAME>`.
 */
export function cliSecretNames(environment: string, name: string): string[] {
  return [`SALVO_SECRET_${envVarPart(environment)}_${envVarPart(name)}`, `SALVO_SECRET_${envVarPart(name)}`];
}

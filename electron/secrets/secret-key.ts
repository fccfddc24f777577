/**
 * Which collection a secret belongs to: its folder, and its stable id (salvo.yaml `id`) when it has
 * one the app trusts (collections/id-registry.ts: not a copy of one still elsewhere). Values are kept
 * under the id, so moving, renaming or re-cloning the folder keeps them; a collection without a
 * trusted id (a read-only folder, an old one not saved since, a copy) falls back to its path.
 */
export interface SecretScope {
  readonly root: string;
  readonly id: string | undefined;
}

/** One secret value: an environment variable marked secret, or a certificate entry's passphrase. */
export type SecretRef =
  | { readonly kind: 'variable'; readonly scope: SecretScope; readonly environment: string; readonly name: string }
  | { readonly kind: 'passphrase'; readonly scope: SecretScope; readonly host: string };

/** The ref of an environment variable's secret value. */
export function variableSecret(scope: SecretScope, environment: string, name: string): SecretRef {
  return { kind: 'variable', scope, environment, name };
}

/** The ref of the passphrase of the certificate entry for `host` (as written in salvo.yaml). */
export function passphraseSecret(scope: SecretScope, host: string): SecretRef {
  return { kind: 'passphrase', scope, host };
}

// v1 keys (path-scoped variables) are what earlier versions stored: kept byte-identical so their
// values are still found, then moved under the id once the collection has one.
const V1 = 'salvo-secret:v1:';
const V2 = 'salvo-secret:v2:';

function tail(ref: SecretRef): string[] {
  return ref.kind === 'variable' ? ['variable', ref.environment, ref.name] : ['passphrase', ref.host];
}

/** The storage key under the folder path (JSON keeps any character unambiguous). */
export function pathKey(ref: SecretRef): string {
  if (ref.kind === 'variable') return V1 + JSON.stringify([ref.scope.root, ref.environment, ref.name]);
  return V2 + JSON.stringify(['path', ref.scope.root, ...tail(ref)]);
}

/** The storage key under a collection id. */
export function idKey(ref: SecretRef, id: string): string {
  return V2 + JSON.stringify(['id', id, ...tail(ref)]);
}

/** Where a value is stored: under the id when there is one, else under the folder path. */
export function storageKey(ref: SecretRef): string {
  return ref.scope.id === undefined ? pathKey(ref) : idKey(ref, ref.scope.id);
}

function strings(text: string): string[] | undefined {
  try {
    const parts: unknown = JSON.parse(text);
    if (Array.isArray(parts) && parts.every((p) => typeof p === 'string')) return parts as string[];
  } catch {
    /* not ours */
  }
  return undefined;
}

/**
 * A path-scoped storage key taken apart: the folder it belongs to and the same secret's key under
 * an id. Undefined for id keys and keys of another shape.
 */
export function parsePathKey(key: string): { readonly root: string; rekey(id: string): string } | undefined {
  if (key.startsWith(V1)) {
    const parts = strings(key.slice(V1.length));
    if (parts?.length !== 3) return undefined;
    const [root, environment, name] = parts as [string, string, string];
    return { root, rekey: (id) => idKey(variableSecret({ root, id }, environment, name), id) };
  }
  if (!key.startsWith(V2)) return undefined;
  const parts = strings(key.slice(V2.length));
  if (parts === undefined || parts[0] !== 'path' || parts.length < 3) return undefined;
  const root = parts[1] as string;
  const rest = parts.slice(2);
  return { root, rekey: (id) => V2 + JSON.stringify(['id', id, ...rest]) };
}

/** Environment-variable form of a name: uppercase, every non-alphanumeric character becomes `_`. */
export function envVarPart(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

/**
 * Process-environment names the CLI checks for a secret variable, most specific first:
 * `SALVO_SECRET_<ENV>_<NAME>` then `SALVO_SECRET_<NAME>`.
 */
export function cliSecretNames(environment: string, name: string): string[] {
  return [`SALVO_SECRET_${envVarPart(environment)}_${envVarPart(name)}`, `SALVO_SECRET_${envVarPart(name)}`];
}

/**
 * The process-environment name the CLI reads a certificate passphrase from:
 * `SALVO_SECRET_PASSPHRASE_<HOST>`, where a leading `*.` of the host becomes `WILDCARD_`
 * (`*.corp.example:8443` → `SALVO_SECRET_PASSPHRASE_WILDCARD_CORP_EXAMPLE_8443`).
 */
export function cliPassphraseName(host: string): string {
  const plain = host.startsWith('*.') ? `WILDCARD_${envVarPart(host.slice(2))}` : envVarPart(host);
  return `SALVO_SECRET_PASSPHRASE_${plain}`;
}

/** The names the CLI checks for any secret ref, most specific first. */
export function cliNamesOf(ref: SecretRef): string[] {
  return ref.kind === 'variable' ? cliSecretNames(ref.environment, ref.name) : [cliPassphraseName(ref.host)];
}

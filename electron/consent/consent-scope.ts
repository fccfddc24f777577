/**
 * Whose consent a file outside a collection folder needs: a collection's (known by its salvo.yaml id
 * once the id registry trusts it for this folder — a copy of another folder's id is not —, else by
 * its real folder path), or the one of requests outside any collection.
 */
export type ConsentScope = { readonly kind: 'collection'; readonly id: string | undefined; readonly root: string } | { readonly kind: 'outside' };

/** The scope of requests outside any collection (history, scratch tabs). */
export const OUTSIDE_COLLECTIONS: ConsentScope = { kind: 'outside' };

/**
 * The keys a scope's grants may be stored under, the one new grants go to first. A collection that
 * got its id after a grant keeps the grant made under its folder path (same folder, so no one else's).
 */
export function consentKeys(scope: ConsentScope): readonly string[] {
  if (scope.kind === 'outside') return ['outside'];
  const byRoot = `root:${scope.root}`;
  return scope.id === undefined ? [byRoot] : [`id:${scope.id}`, byRoot];
}

/**
 * Answers whether the user allowed a file outside its collection (synchronous: it is asked per send
 * of a batch) and hears about files refused for want of consent (the app lists them for granting).
 */
export interface ConsentPolicy {
  allows(scope: ConsentScope, absolute: string): boolean;
  noteRefused(scope: ConsentScope, absolute: string): void;
  /** How the user gives consent here, for error messages (the app's prompt, the CLI's flag). */
  readonly howToAllow: string;
}

/** No file outside a collection is ever allowed (the default when no policy is given). */
export const NO_CONSENT: ConsentPolicy = {
  allows: () => false,
  noteRefused: () => undefined,
  howToAllow: 'Salvo was started without a way to allow it.',
};

/** The CLI's policy: `--allow-external-files` allows every file for that invocation only, nothing is kept. */
export function cliConsent(allowExternalFiles: boolean): ConsentPolicy {
  return {
    allows: () => allowExternalFiles,
    noteRefused: () => undefined,
    howToAllow: 'Pass --allow-external-files to allow files outside the collection for this invocation.',
  };
}

import type { ConsentPolicy, ConsentScope } from './consent-scope';

/** Where a request's files may come from: its collection folder, plus what the user allowed outside it. */
export interface FileScope {
  /** The collection folder (real path); undefined outside collections, where every file counts as outside. */
  readonly root: string | undefined;
  /** Whose consent applies (read live: a collection may get its id while open). */
  scope(): ConsentScope;
  /** Whether the user allowed this absolute real path (synchronous: asked per send). */
  allows(absolute: string): boolean;
  /** Notes a file refused for want of consent. */
  refused(absolute: string): void;
  /** How the user gives consent, for the error message. */
  readonly howToAllow: string;
}

/** A file scope over a consent policy. */
export function fileScope(policy: ConsentPolicy, scope: () => ConsentScope, root: string | undefined): FileScope {
  return {
    root,
    scope,
    allows: (absolute) => policy.allows(scope(), absolute),
    refused: (absolute) => policy.noteRefused(scope(), absolute),
    howToAllow: policy.howToAllow,
  };
}

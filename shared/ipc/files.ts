import { z } from 'zod';
import { invoke } from './define';

/** An open collection (its runtime id); absent: requests outside any collection (history, scratch tabs). */
const ScopeSchema = z.object({ collectionId: z.string().min(1).max(128).optional() });
const FilePath = z.string().min(1).max(4096).refine((p) => !p.includes('\0'), 'file path contains NUL');

/** The user's consent for files outside a collection, as the Options tab shows it. */
export interface ExternalFilesView {
  /** Absolute real paths the user allowed for this scope, sorted. */
  readonly granted: readonly string[];
  /** Files refused for want of consent in this scope since the app started (not granted since), sorted. */
  readonly refused: readonly string[];
}

/**
 * Consent to read files outside a collection folder (body files, a request's own TLS files,
 * certificate entry files). It is kept in the user-data folder, never in the collection, so a
 * shared collection cannot grant it to itself. Main decides what a grant may name (see docs/security.md); the renderer only asks.
 */
export const fileInvokes = {
  /**
   * Allows exactly these files for the scope. A collection's grant is accepted only for files its
   * saved requests (body and TLS files) or certificate entries reference (variables resolved with `environment`, or the
   * active one); outside collections only for files a send refused since the app started.
   */
  'files:grantExternal': invoke<ExternalFilesView>()(ScopeSchema.extend({ paths: z.array(FilePath).min(1).max(64), environment: z.string().max(255).optional() })),
  /** Withdraws consent for these files (always allowed). */
  'files:revokeExternal': invoke<ExternalFilesView>()(ScopeSchema.extend({ paths: z.array(FilePath).min(1).max(64) })),
  /** The scope's granted and recently refused files. */
  'files:listExternal': invoke<ExternalFilesView>()(ScopeSchema),
  /**
   * The native file picker; a file chosen in it outside the scope's collection folder is allowed for
   * that scope at once (main saw the user pick it). Browser mode answers `unsupported`.
   */
  'files:pick': invoke<{ canceled: boolean; path?: string; unsupported?: boolean }>()(
    ScopeSchema.extend({ title: z.string().max(200).optional(), extensions: z.array(z.string().max(16)).max(20).optional() }),
  ),
};

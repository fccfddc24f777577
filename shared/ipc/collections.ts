import { z } from 'zod';
import { CertificateEntrySchema, CollectionSettingsSchema, EnvironmentSchema, FolderSettingsSchema, SavedRequestSchema } from '../model/collection';
import type { CertificateEntry, CollectionTree, Environment, FolderSettings, SavedRequest } from '../model/collection';
import { RequestSpecSchema } from '../model/request';
import { invoke } from './define';

const Id = z.string().min(1).max(128);
const RelPath = z.string().max(4096);
const Name = z.string().min(1).max(255);

/** A file's version as the app last read it: a save is refused when the file changed since. */
export const FileVersionSchema = z.string().max(128);

/** A certificate entry as the settings view shows it: whether a passphrase is stored, never the passphrase. */
export type CertificateView = CertificateEntry & { readonly hasPassphrase: boolean };

/**
 * A certificate entry to save. `passphrase`: absent keeps the stored one (moved along when the
 * host changed from `previousHost`), '' removes it, any other text replaces it. It goes to the
 * secret store, never into salvo.yaml.
 */
export const CertificateInputSchema = CertificateEntrySchema.extend({
  passphrase: z.string().max(1024).optional(),
  previousHost: z.string().max(260).optional(),
});
export type CertificateInput = z.infer<typeof CertificateInputSchema>;

export type ImportFormat = 'postman' | 'insomnia' | 'openapi' | 'curl';

/** What an import could not map, listed rather than dropped. */
export interface ImportReport {
  readonly format: ImportFormat;
  readonly requests: number;
  readonly folders: number;
  readonly environments: number;
  readonly unmapped: ReadonlyArray<{ readonly where: string; readonly what: string }>;
}

export const collectionInvokes = {
  'collection:open': invoke<CollectionTree>()(z.object({ root: z.string().min(1).max(4096) })),
  'collection:create': invoke<CollectionTree>()(z.object({ root: z.string().min(1).max(4096), name: Name })),
  'collection:close': invoke<void>()(z.object({ collectionId: Id })),
  'collection:tree': invoke<CollectionTree>()(z.object({ collectionId: Id })),
  'collection:saveSettings': invoke<CollectionTree>()(z.object({ collectionId: Id, settings: CollectionSettingsSchema })),
  'collection:list': invoke<ReadonlyArray<{ id: string; root: string; name: string }>>()(z.object({})),
  /** The collection's per-host TLS settings, with whether each has a stored passphrase. */
  'collection:readCertificates': invoke<ReadonlyArray<CertificateView>>()(z.object({ collectionId: Id })),
  /** Replaces the per-host TLS settings (salvo.yaml) and their passphrases (secret store). */
  'collection:saveCertificates': invoke<CollectionTree>()(z.object({ collectionId: Id, certificates: z.array(CertificateInputSchema).max(500) })),

  'request:read': invoke<{ request: SavedRequest; version: string }>()(z.object({ collectionId: Id, path: RelPath })),
  /** Saves a request. With `baseVersion` set, a newer external change is a `conflict` error unless `force`. */
  'request:save': invoke<{ version: string; path: string }>()(
    z.object({ collectionId: Id, path: RelPath, request: SavedRequestSchema, baseVersion: FileVersionSchema.optional(), force: z.boolean().default(false) }),
  ),
  'request:create': invoke<{ path: string }>()(z.object({ collectionId: Id, folder: RelPath, name: Name, request: RequestSpecSchema.optional() })),

  'folder:create': invoke<{ path: string }>()(z.object({ collectionId: Id, parent: RelPath, name: Name })),
  'folder:readSettings': invoke<FolderSettings>()(z.object({ collectionId: Id, path: RelPath })),
  'folder:saveSettings': invoke<void>()(z.object({ collectionId: Id, path: RelPath, settings: FolderSettingsSchema })),

  /** Rename a request or folder (the display name and the file name follow). */
  'item:rename': invoke<{ path: string }>()(z.object({ collectionId: Id, path: RelPath, name: Name })),
  /** Move into another folder, optionally at an index in its order. */
  'item:move': invoke<{ path: string }>()(z.object({ collectionId: Id, path: RelPath, toFolder: RelPath, index: z.number().int().min(0).optional() })),
  'item:duplicate': invoke<{ path: string }>()(z.object({ collectionId: Id, path: RelPath })),
  'item:delete': invoke<void>()(z.object({ collectionId: Id, path: RelPath })),
  /** Reorder a folder's children (names in display order). */
  'folder:reorder': invoke<void>()(z.object({ collectionId: Id, path: RelPath, order: z.array(z.string().max(255)).max(10_000) })),

  'env:list': invoke<ReadonlyArray<string>>()(z.object({ collectionId: Id })),
  /** Secret values come back masked unless `reveal`. */
  'env:read': invoke<Environment>()(z.object({ collectionId: Id, name: Name, reveal: z.boolean().default(false) })),
  'env:save': invoke<void>()(z.object({ collectionId: Id, environment: EnvironmentSchema, previousName: Name.optional() })),
  'env:delete': invoke<void>()(z.object({ collectionId: Id, name: Name })),
  'env:setActive': invoke<void>()(z.object({ collectionId: Id, name: Name.optional() })),

  'import:run': invoke<{ tree: CollectionTree; report: ImportReport }>()(
    z.object({ source: z.union([z.object({ path: z.string().min(1).max(4096) }), z.object({ text: z.string().max(64 * 1024 * 1024) })]), into: z.string().min(1).max(4096), format: z.enum(['postman', 'insomnia', 'openapi', 'curl']).optional() }),
  ),
  /** Parse a cURL command into a request spec (URL-bar paste). */
  'import:curl': invoke<z.infer<typeof RequestSpecSchema>>()(z.object({ text: z.string().max(1024 * 1024) })),
  'export:curl': invoke<string>()(z.object({ spec: RequestSpecSchema, context: z.object({ collectionId: Id.optional(), requestPath: RelPath.optional(), environment: z.string().optional() }).default({}) })),
  'export:postman': invoke<string>()(z.object({ collectionId: Id })),
};

export interface CollectionEvents {
  /** The tree changed on disk (our own writes or external edits). */
  'collection:changed': { readonly collectionId: string; readonly tree: CollectionTree; readonly changedPaths: readonly string[] };
}

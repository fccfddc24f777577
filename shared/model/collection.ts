import { z } from 'zod';
import { AuthSchema, KeyValueSchema, RequestSpecSchema } from './request';

/** A variable as saved in a collection, folder or environment. Secret values never touch the collection folder. */
export const VariableSchema = z.object({
  name: z.string(),
  value: z.string().default(''),
  enabled: z.boolean().default(true),
  secret: z.boolean().default(false),
  description: z.string().optional(),
});
export type Variable = z.infer<typeof VariableSchema>;

/** A saved request: the spec plus its name and notes. `path` is relative to the collection root, with '/' separators. */
export const SavedRequestSchema = RequestSpecSchema.extend({
  name: z.string(),
  description: z.string().optional(),
  /** Kept from imports (Postman/Insomnia scripts): never run, shown as disabled notes. */
  notes: z.array(z.string()).optional(),
});
export type SavedRequest = z.infer<typeof SavedRequestSchema>;

export const FolderSettingsSchema = z.object({
  name: z.string(),
  variables: z.array(VariableSchema).default([]),
  headers: z.array(KeyValueSchema).default([]),
  auth: AuthSchema.default({ type: 'inherit' }),
  /** Child file/folder names in display order. */
  order: z.array(z.string()).default([]),
  description: z.string().optional(),
});
export type FolderSettings = z.infer<typeof FolderSettingsSchema>;

/**
 * A collection's stable id, written once into salvo.yaml (at creation, or the first save that needs
 * it) and never changed: the app keeps secret values under it, so they survive moving the folder.
 */
export const CollectionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8-64 letters, digits, "-" or "_"');

/** `host`, `host:port`, `*.domain` or `*.domain:port`; IPv6 in brackets (`[::1]:8443`). Case-insensitive. */
export const CertificateHostSchema = z
  .string()
  .max(260)
  .regex(/^(?:(?:\*\.)?[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/, 'must be a host name, optionally with :port or a leading *.');

/**
 * TLS settings for requests to one host (Postman "Certificates", Insomnia client certificates).
 * File paths are relative to the collection folder; a file outside it is used only with the user's
 * consent, kept in the user-data folder (an old entry's `allowExternalFiles` is dropped when parsed:
 * a collection cannot grant itself consent). The passphrase of a key or PFX file is a secret: never in this file.
 */
export const CertificateEntrySchema = z.object({
  host: CertificateHostSchema,
  caFile: z.string().max(4096).optional(),
  certFile: z.string().max(4096).optional(),
  keyFile: z.string().max(4096).optional(),
  pfxFile: z.string().max(4096).optional(),
  verifyTls: z.boolean().optional(),
});
export type CertificateEntry = z.infer<typeof CertificateEntrySchema>;

export const CollectionSettingsSchema = FolderSettingsSchema.extend({
  formatVersion: z.number().int().default(1),
  id: CollectionIdSchema.optional(),
  auth: AuthSchema.default({ type: 'none' }),
  /** Per-host TLS settings; the first entry matching a request's host applies. */
  certificates: z.array(CertificateEntrySchema).max(500).default([]),
});
export type CollectionSettings = z.infer<typeof CollectionSettingsSchema>;

export const EnvironmentSchema = z.object({
  name: z.string(),
  variables: z.array(VariableSchema).default([]),
});
export type Environment = z.infer<typeof EnvironmentSchema>;

/** A file that could not be read, reported and skipped. */
export interface FileProblem {
  readonly path: string;
  readonly line: number | undefined;
  readonly reason: string;
}

/** A request in the tree: enough for the sidebar; the full request is read on demand. */
export interface RequestNode {
  readonly type: 'request';
  /** Collection-relative path with '/' separators, e.g. `users/get-user.yaml`. */
  readonly path: string;
  readonly name: string;
  readonly method: string;
  readonly url: string;
}

export interface FolderNode {
  readonly type: 'folder';
  /** Collection-relative path; '' for the root. */
  readonly path: string;
  readonly name: string;
  readonly children: readonly TreeNode[];
}

export type TreeNode = RequestNode | FolderNode;

/** The whole open collection as the sidebar sees it. */
export interface CollectionTree {
  readonly id: string;
  /** Absolute folder path on disk. */
  readonly root: string;
  readonly name: string;
  readonly settings: CollectionSettings;
  readonly tree: FolderNode;
  readonly environments: readonly string[];
  readonly activeEnvironment: string | undefined;
  readonly problems: readonly FileProblem[];
}

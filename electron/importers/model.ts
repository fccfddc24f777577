import type { Environment, SavedRequest, Variable } from '../../shared/model/collection';
import type { ImportFormat, ImportReport } from '../../shared/ipc/collections';
import type { Auth, KeyValue } from '../../shared/model/request';

/** A folder produced by an importer, before it is written to disk. */
export interface ImportedFolder {
  readonly name: string;
  readonly description?: string;
  readonly variables: Variable[];
  readonly headers: KeyValue[];
  readonly auth: Auth;
  readonly items: ImportedItem[];
}

/** One child of an imported folder. */
export type ImportedItem = { readonly kind: 'folder'; readonly folder: ImportedFolder } | { readonly kind: 'request'; readonly request: SavedRequest };

/** A whole imported collection (the root folder plus environments). */
export interface ImportedCollection extends ImportedFolder {
  readonly environments: Environment[];
}

/** An importer's output: the model and what it could not map. */
export interface ImportResult {
  readonly collection: ImportedCollection;
  readonly report: ImportReport;
}

/** Collects unmapped items while an importer runs. */
export class Unmapped {
  readonly items: Array<{ where: string; what: string }> = [];
  add(where: string, what: string): void {
    this.items.push({ where, what });
  }
}

/** An empty folder with inherited auth. */
export function emptyFolder(name: string): ImportedFolder {
  return { name, variables: [], headers: [], auth: { type: 'inherit' }, items: [] };
}

/** Counts requests and folders and builds the report. */
export function makeReport(format: ImportFormat, collection: ImportedCollection, unmapped: Unmapped): ImportReport {
  let requests = 0;
  let folders = 0;
  const walk = (f: ImportedFolder): void => {
    for (const item of f.items) {
      if (item.kind === 'request') requests++;
      else {
        folders++;
        walk(item.folder);
      }
    }
  };
  walk(collection);
  return { format, requests, folders, environments: collection.environments.length, unmapped: unmapped.items };
}

/** Plain-object check for untrusted JSON/YAML. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A string field or a fallback. */
export function str(v: unknown, fallback = ''): string {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : fallback;
}

/** An array field or []. */
export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

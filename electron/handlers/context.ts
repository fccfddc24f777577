import type { Emit } from '../../shared/ipc/contract';
import type { SavedRequest } from '../../shared/model/collection';
import type { RequestSpec } from '../../shared/model/request';
import type { VariableLayer } from '../../shared/lib/variables';
import type { HostTls } from '../collections/host-tls';
import type { ConsentPolicy } from '../consent/consent-scope';
import type { FileScope } from '../consent/file-scope';
import type { Engine } from '../engine/types';
import type { SecretStore } from '../secrets/secret-store';

/** A request as it will be sent: inherited headers/auth merged, with the variable layers that apply. */
export interface EffectiveRequest {
  readonly path: string;
  readonly name: string;
  readonly spec: RequestSpec;
  /** collection < environment < folders (outer to inner); the request's own variables are in `spec.variables`. */
  readonly layers: readonly VariableLayer[];
  /** Header / query names filled from auth settings (dropped on cross-origin redirects). */
  readonly sensitiveNames: readonly string[];
  /** The collection folder and the user's consent: body files are relative to it and stay inside it unless the user consents. */
  readonly files?: FileScope;
  /** The collection's per-host TLS settings, applied after variables are resolved (`applyHostTls`); absent when it has none. */
  readonly hostTls?: HostTls;
}

/** What other domains (http send, batch runs, CLI) need from open collections. */
export interface CollectionAccess {
  /** Opens (or returns the already open) collection at a folder; returns its id. */
  openRoot(root: string): Promise<string>;
  rootOf(collectionId: string): string;
  nameOf(collectionId: string): string;
  readRequest(collectionId: string, path: string): Promise<SavedRequest>;
  /** Request paths under a target in saved order: '' = the whole collection, a folder path, or one request path. */
  listRequests(collectionId: string, target: string): Promise<string[]>;
  /** Inherited headers/auth and variable layers for a request (or for an unsaved one, `requestPath` undefined). */
  effective(collectionId: string, requestPath: string | undefined, environment: string | undefined, spec?: RequestSpec): Promise<EffectiveRequest>;
  activeEnvironment(collectionId: string): string | undefined;
  /** The collection's folder and the user's consent for files outside it. */
  filesOf(collectionId: string): FileScope;
}

/** Secret storage: encrypted values kept outside collection folders (defined with the stores). */
export type { SecretStore } from '../secrets/secret-store';

/** Everything the handler factories share. */
export interface AppContext {
  readonly engine: Engine;
  readonly emit: Emit;
  /** The app's user-data folder (history, run history, secrets, settings). */
  readonly userDataDir: string;
  readonly secrets: SecretStore;
  readonly mode: 'electron' | 'web' | 'cli' | 'test';
  /** The user's consent for files outside collection folders (kept in userDataDir); absent: none is allowed. */
  readonly consent?: ConsentPolicy;
}

/** Adds sent requests to the bounded history (secrets already redacted by the caller). */
export interface HistoryRecorder {
  record(entry: import('../../shared/ipc/history').HistoryEntry): Promise<void>;
}

/** Native pieces only the Electron shell has; browser mode answers `unsupported`. */
export interface NativeBridge {
  openFolder(title?: string): Promise<{ canceled: boolean; path?: string; unsupported?: boolean }>;
  openFile(title?: string, extensions?: readonly string[]): Promise<{ canceled: boolean; path?: string; unsupported?: boolean }>;
  saveFile(title?: string, defaultName?: string): Promise<{ canceled: boolean; path?: string; unsupported?: boolean }>;
  /** Called only with http(s) URLs (checked before). */
  openExternal(url: string): Promise<void>;
}

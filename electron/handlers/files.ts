import type { Handlers } from '../../shared/ipc/contract';
import type { ExternalFilesView } from '../../shared/ipc/files';
import { SalvoError } from '../../shared/model/errors';
import { locateInScope } from '../collections/request-files';
import { OUTSIDE_COLLECTIONS } from '../consent/consent-scope';
import type { ConsentScope } from '../consent/consent-scope';
import type { FileConsentStore } from '../consent/file-consent-store';
import { fileScope } from '../consent/file-scope';
import type { FileScope } from '../consent/file-scope';
import type { RefusedFiles } from '../consent/refused-files';
import { referencedExternalFiles } from '../consent/referenced-files';
import type { CollectionAccess, NativeBridge } from './context';

type FileChannels = 'files:grantExternal' | 'files:revokeExternal' | 'files:listExternal' | 'files:pick';

/**
 * `files:*`: the user's consent for files outside collection folders. The renderer is untrusted
 * input, so a grant it asks for names only files the main process can tie to something the user
 * sees: in a collection, a file its saved requests (body or TLS files) or certificate entries reference; outside
 * collections, a file a send refused since the app started. A file chosen in the native picker is
 * allowed by main itself. Revoking is always allowed. See docs/security.md.
 */
export function createFileHandlers(deps: { collections: CollectionAccess; store: FileConsentStore; refused: RefusedFiles; native: NativeBridge }): Pick<Handlers, FileChannels> {
  const { store, refused } = deps;
  const outside = fileScope({ allows: (s, p) => store.allows(s, p), noteRefused: (s, p) => refused.note(s, p), howToAllow: '' }, () => OUTSIDE_COLLECTIONS, undefined);
  const filesOf = (collectionId: string | undefined): FileScope => (collectionId === undefined ? outside : deps.collections.filesOf(collectionId));
  const view = (scope: ConsentScope): ExternalFilesView => ({ granted: store.list(scope), refused: refused.list(scope).filter((p) => !store.allows(scope, p)) });
  /** The real paths of those outside the scope's folder (inside ones need no consent). */
  const outsidePaths = async (files: FileScope, paths: readonly string[]): Promise<string[]> => {
    const out = new Set<string>();
    for (const p of paths) {
      const found = await locateInScope(files, p);
      if (!found.insideCollection) out.add(found.absolute);
    }
    return [...out];
  };

  return {
    'files:grantExternal': async ({ collectionId, paths, environment }) => {
      const files = filesOf(collectionId);
      const scope = files.scope();
      const wanted = await outsidePaths(files, paths);
      const known = collectionId === undefined ? undefined : await referencedExternalFiles(deps.collections, collectionId, environment);
      const unknown = wanted.filter((p) => (known === undefined ? !refused.has(scope, p) : !known.has(p)));
      if (unknown.length > 0) {
        throw new SalvoError(
          'invalid-input',
          collectionId === undefined
            ? `${unknown.join(', ')}: only a file that a send just refused can be allowed here; send the request first, or choose the file with the file picker`
            : `${unknown.join(', ')}: not referenced by a saved request or certificate entry of this collection; save the request first, or choose the file with the file picker`,
          { paths: unknown, reason: 'not-referenced' },
        );
      }
      await store.grant(scope, wanted);
      return view(scope);
    },
    'files:revokeExternal': async ({ collectionId, paths }) => {
      const files = filesOf(collectionId);
      const scope = files.scope();
      // Both the given text and its real path: a file that is gone can still be withdrawn.
      await store.revoke(scope, [...paths, ...(await outsidePaths(files, paths))]);
      return view(scope);
    },
    'files:listExternal': async ({ collectionId }) => view(filesOf(collectionId).scope()),
    'files:pick': async ({ collectionId, title, extensions }) => {
      const files = filesOf(collectionId);
      const picked = await deps.native.openFile(title, extensions);
      if (picked.canceled || picked.path === undefined) return picked;
      // The native dialog is main's own: the user chose this file, which is consent to read it.
      const outsideFolder = await outsidePaths(files, [picked.path]);
      if (outsideFolder.length > 0) await store.grant(files.scope(), outsideFolder);
      return picked;
    },
  };
}

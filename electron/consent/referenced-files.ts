import { resolveRequest } from '../../shared/lib/variables';
import { RequestSpecSchema } from '../../shared/model/request';
import { locateInScope, requestFilePaths } from '../collections/request-files';
import { externalHostTlsFiles } from '../collections/host-tls';
import type { CollectionAccess } from '../handlers/context';

const NO_REQUEST = RequestSpecSchema.parse({ method: 'GET', url: '' });

/**
 * The files outside a collection's folder (real paths) that it references as saved: its requests'
 * body files and own TLS files (CA, client certificate, key, PFX; variables resolved with
 * `environment`, undefined = the active one) and the files of its certificate entries. What the
 * renderer may ask consent for in that collection.
 */
export async function referencedExternalFiles(access: CollectionAccess, collectionId: string, environment: string | undefined): Promise<Set<string>> {
  const files = access.filesOf(collectionId);
  const out = new Set<string>();
  const settings = await access.effective(collectionId, undefined, '', NO_REQUEST);
  for (const p of externalHostTlsFiles(settings.hostTls)) out.add(p);
  for (const path of await access.listRequests(collectionId, '')) {
    const effective = await access.effective(collectionId, path, environment);
    if (requestFilePaths(effective.spec).length === 0) continue;
    // Unresolved names stay as typed: such a path is not the one a send refused, so it grants nothing.
    const resolved = resolveRequest(effective.spec, effective.layers).value;
    for (const file of requestFilePaths(resolved)) {
      const found = await locateInScope(files, file);
      if (!found.insideCollection) out.add(found.absolute);
    }
  }
  return out;
}

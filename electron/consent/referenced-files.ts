import { resolveRequest } from '../../shared/lib/variables';
import type { Body } from '../../shared/model/request';
import { RequestSpecSchema } from '../../shared/model/request';
import { locateInScope } from '../collections/body-files';
import { externalHostTlsFiles } from '../collections/host-tls';
import type { CollectionAccess } from '../handlers/context';

const NO_REQUEST = RequestSpecSchema.parse({ method: 'GET', url: '' });

function bodyFiles(body: Body): string[] {
  if (body.mode === 'binary') return [body.path];
  if (body.mode === 'multipart') return body.fields.flatMap((f) => (f.kind === 'file' && f.enabled ? [f.path] : []));
  return [];
}

/**
 * The files outside a collection's folder (real paths) that it references as saved: body files of
 * its requests (variables resolved with `environment`, undefined = the active one) and the files of
 * its certificate entries. What the renderer may ask consent for in that collection.
 */
export async function referencedExternalFiles(access: CollectionAccess, collectionId: string, environment: string | undefined): Promise<Set<string>> {
  const files = access.filesOf(collectionId);
  const out = new Set<string>();
  const settings = await access.effective(collectionId, undefined, '', NO_REQUEST);
  for (const p of externalHostTlsFiles(settings.hostTls)) out.add(p);
  for (const path of await access.listRequests(collectionId, '')) {
    const effective = await access.effective(collectionId, path, environment);
    if (bodyFiles(effective.spec.body).length === 0) continue;
    // Unresolved names stay as typed: such a path is not the one a send refused, so it grants nothing.
    const resolved = resolveRequest(effective.spec, effective.layers).value;
    for (const file of bodyFiles(resolved.body)) {
      const found = await locateInScope(files, file);
      if (!found.insideCollection) out.add(found.absolute);
    }
  }
  return out;
}

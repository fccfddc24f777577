import { SalvoError } from '../../shared/model/errors';
import type { Body, RequestSpec } from '../../shared/model/request';
import { locateReferencedFile } from './safe-path';

/**
 * Binds a collection request's body files to the collection: relative paths are relative to the
 * collection root, and a file outside it (after following links) is sent only with the user's
 * consent (`options.allowExternalFiles`), so a shared collection cannot quietly upload
 * `~/.ssh/id_rsa`. Call it after variables are resolved, since a path may contain `{{vars}}`.
 */
export async function bindBodyFiles(spec: RequestSpec, root: string): Promise<RequestSpec> {
  const body = spec.body;
  if (body.mode !== 'binary' && body.mode !== 'multipart') return spec;
  const allowed = spec.options.allowExternalFiles;
  const locate = async (path: string): Promise<string> => {
    const found = await locateReferencedFile(root, path);
    if (!found.insideCollection && !allowed) {
      throw new SalvoError(
        'invalid-input',
        `The body file ${path} is outside the collection folder; nothing was sent. Allow files outside the collection in this request's options to send it.`,
        { path, reason: 'external-file' },
      );
    }
    return found.absolute;
  };
  let bound: Body;
  if (body.mode === 'binary') bound = { ...body, path: await locate(body.path) };
  else {
    const fields = [];
    for (const field of body.fields) fields.push(field.kind === 'file' && field.enabled ? { ...field, path: await locate(field.path) } : field);
    bound = { ...body, fields };
  }
  return { ...spec, body: bound };
}

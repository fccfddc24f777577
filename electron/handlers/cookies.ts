import { join } from 'node:path';
import type { Handlers } from '../../shared/ipc/contract';
import type { SalvoCookieJar } from '../cookies/cookie-jar';
import { CookieJars } from '../cookies/cookie-jars';
import type { SecretCipher } from '../secrets/cipher';
import type { AppContext, CollectionAccess } from './context';

type CookieChannels = 'cookies:list' | 'cookies:delete' | 'cookies:clear' | 'cookies:set';

/** Finds the jar of a scope: a collection's (by id) or, without an id, the one of requests outside collections. */
export type JarOf = (collectionId: string | undefined) => Promise<SalvoCookieJar>;

/**
 * `cookies:*`: the manager's view of the jars, kept in `<userData>/cookies/` (encrypted with the
 * secrets cipher). A collection's jar belongs to its stable id (its folder when it has none), so it
 * survives closing, reopening and moving the folder; changes are announced as coalesced
 * `cookies:changed` events.
 */
export function createCookieHandlers(
  ctx: AppContext,
  deps: { collections: CollectionAccess; cipher: SecretCipher; settleMs?: number },
): { handlers: Pick<Handlers, CookieChannels>; jarOf: JarOf; close(): Promise<void> } {
  // The collection id a folder was last used under, to address its change events.
  const idOfRoot = new Map<string, string>();
  const jars = new CookieJars({
    dir: join(ctx.userDataDir, 'cookies'),
    cipher: deps.cipher,
    ...(deps.settleMs === undefined ? {} : { settleMs: deps.settleMs }),
    onChange: (root) => {
      const collectionId = root === undefined ? undefined : idOfRoot.get(root);
      ctx.emit('cookies:changed', collectionId === undefined ? {} : { collectionId });
    },
  });
  const jarOf: JarOf = (collectionId) => {
    if (collectionId === undefined) return jars.jarFor(undefined);
    // filesOf throws `not-found` for an id that is not open: no jar is made up for it. Its scope
    // is read live (the collection may have got its stable id since the last use).
    const scope = deps.collections.filesOf(collectionId).scope();
    if (scope.kind !== 'collection') return jars.jarFor(undefined);
    idOfRoot.set(scope.root, collectionId);
    return jars.jarFor({ root: scope.root, id: scope.id });
  };
  const handlers: Pick<Handlers, CookieChannels> = {
    'cookies:list': async ({ collectionId }) => (await jarOf(collectionId)).list(),
    'cookies:delete': async ({ collectionId, key }) => (await jarOf(collectionId)).delete(key),
    'cookies:clear': async ({ collectionId }) => (await jarOf(collectionId)).clear(),
    'cookies:set': async ({ collectionId, cookie, replaces }) => (await jarOf(collectionId)).set(cookie, replaces),
  };
  const close = async (): Promise<void> => {
    // A collection that got its id since its jar was last used (its first save): the jar moves
    // under the id now, while the collection is still open, so moving the folder later keeps it.
    for (const collectionId of new Set(idOfRoot.values())) await jarOf(collectionId).catch(() => undefined);
    await jars.close();
  };
  return { handlers, jarOf, close };
}

import { CookieInputSchema, CookieKeySchema, CookieScopeSchema } from '../model/cookie';
import type { CookieInfo } from '../model/cookie';
import { invoke } from './define';

/** The cookie jars: one per open collection (`collectionId`) and one for requests outside collections. */
export const cookieInvokes = {
  /** Every unexpired cookie of a jar, by domain, path and name. */
  'cookies:list': invoke<readonly CookieInfo[]>()(CookieScopeSchema),
  /** Removes one cookie; false when it was not in the jar. */
  'cookies:delete': invoke<boolean>()(CookieScopeSchema.extend({ key: CookieKeySchema })),
  /** Empties a jar. */
  'cookies:clear': invoke<void>()(CookieScopeSchema),
  /** Adds a cookie, or replaces `replaces` (the one being edited) with it. */
  'cookies:set': invoke<CookieInfo>()(CookieScopeSchema.extend({ cookie: CookieInputSchema, replaces: CookieKeySchema.optional() })),
};

/** Main -> renderer: a jar changed (a response set cookies, or the manager edited it), at most a few times a second. */
export interface CookieEvents {
  'cookies:changed': { readonly collectionId?: string };
}

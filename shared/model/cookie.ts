import { z } from 'zod';

/** SameSite as stored; `undefined` = the attribute was not given. */
export type CookieSameSite = 'strict' | 'lax' | 'none';

/** One cookie of a jar as the manager shows it. */
export interface CookieInfo {
  readonly name: string;
  readonly value: string;
  /** Without a leading dot; `hostOnly` says whether subdomains match too. */
  readonly domain: string;
  readonly path: string;
  /** Expiry (epoch ms); undefined = a session cookie (kept until deleted or the jar is cleared). */
  readonly expires: number | undefined;
  readonly secure: boolean;
  readonly httpOnly: boolean;
  readonly sameSite: CookieSameSite | undefined;
  /** Sent only to exactly `domain` (no Domain attribute was given). */
  readonly hostOnly: boolean;
  /** When the cookie was first stored (epoch ms). */
  readonly createdAt: number;
}

/** Which cookie of a jar: name, domain and path identify one (RFC 6265 5.3 step 11). */
export const CookieKeySchema = z.object({
  name: z.string().min(1).max(256),
  domain: z.string().min(1).max(253),
  path: z.string().min(1).max(1024),
});
export type CookieKey = z.infer<typeof CookieKeySchema>;

/** A cookie name: an RFC 6265 token (no separators, spaces or controls). */
const NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** A cookie value: printable ASCII except `"`, `,`, `;`, `\` and space (cookie-octet), optionally quoted. */
const VALUE = /^(?:"[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*"|[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*)$/;
/** A host name or IPv4 address (letters, digits, hyphens, dots). */
const DOMAIN = /^\.?[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)*\.?$/i;

/** A cookie the user adds or edits in the manager. */
export const CookieInputSchema = z.object({
  name: z.string().max(256).regex(NAME, 'a cookie name is a token: letters, digits and !#$%&\'*+-.^_`|~'),
  value: z.string().max(4096).regex(VALUE, 'a cookie value cannot hold spaces, quotes (except around it), commas, semicolons, backslashes or control characters'),
  domain: z.string().min(1).max(253).regex(DOMAIN, 'the domain must be a host name such as api.example.com'),
  path: z.string().max(1024).regex(/^\/[^\s;]*$/, 'the path starts with / and has no spaces or semicolons').default('/'),
  /** Epoch ms; absent = a session cookie. */
  expires: z.number().int().min(0).max(8_640_000_000_000_000).optional(),
  secure: z.boolean().default(false),
  httpOnly: z.boolean().default(false),
  sameSite: z.enum(['strict', 'lax', 'none']).optional(),
  /** Only this exact host (true) or the domain and its subdomains (false). */
  hostOnly: z.boolean().default(true),
});
export type CookieInput = z.infer<typeof CookieInputSchema>;

/** Which jar: the one of an open collection, or (no id) the jar of requests outside any collection. */
export const CookieScopeSchema = z.object({ collectionId: z.string().min(1).max(128).optional() });
export type CookieScope = z.infer<typeof CookieScopeSchema>;

/** How a batch run uses cookies (see README "Batch runs"). */
export const RunCookiesSchema = z.enum(['isolated', 'collection', 'off']);
export type RunCookies = z.infer<typeof RunCookiesSchema>;

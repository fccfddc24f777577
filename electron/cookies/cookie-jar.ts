import { Cookie, CookieJar, MemoryCookieStore, cookieCompare } from 'tough-cookie';
import type { CookieInfo, CookieInput, CookieKey, CookieSameSite } from '../../shared/model/cookie';
import { SalvoError } from '../../shared/model/errors';
import type { CookieJarPort } from '../engine/types';

/** Bounds of one jar. */
export interface JarLimits {
  /** Cookies kept at most; past it the least recently used go first (browsers keep ~3000). */
  readonly maxCookies: number;
  /** Longest Set-Cookie value accepted (RFC 6265 6.1 asks for at least 4096 bytes per cookie). */
  readonly maxCookieBytes: number;
}

/** Salvo's jar bounds. */
export const JAR_LIMITS: JarLimits = { maxCookies: 3000, maxCookieBytes: 8192 };

/**
 * tough-cookie settings. Public suffixes are refused (a server cannot set a cookie for `.com`);
 * `Secure` cookies are stored from and sent to https only, on loopback too (RFC 6265: an API tester
 * should show what a server does over plain http, not a browser's localhost exception). SameSite is
 * stored and shown but not enforced on retrieval: requests from an API client have no site.
 */
const JAR_OPTIONS = { rejectPublicSuffixes: true, looseMode: false, allowSecureOnLocal: false, prefixSecurity: 'strict' } as const;

function epoch(d: Date | 'Infinity' | null | undefined): number | undefined {
  return d instanceof Date ? d.getTime() : undefined;
}

function sameSiteOf(value: string | undefined): CookieSameSite | undefined {
  const lower = value?.toLowerCase();
  return lower === 'strict' || lower === 'lax' || lower === 'none' ? lower : undefined;
}

/** A stored cookie as the manager shows it. */
export function cookieInfo(c: Cookie): CookieInfo {
  const expiry = c.expiryTime();
  return {
    name: c.key,
    value: c.value,
    domain: c.domain ?? '',
    path: c.path ?? '/',
    expires: expiry === undefined || !Number.isFinite(expiry) ? undefined : expiry,
    secure: c.secure,
    httpOnly: c.httpOnly,
    sameSite: sameSiteOf(c.sameSite),
    hostOnly: c.hostOnly === true,
    createdAt: epoch(c.creation) ?? 0,
  };
}

function isExpired(c: Cookie, now: number): boolean {
  const expiry = c.expiryTime();
  // Max-Age=0 or less gives -Infinity; no expiry gives undefined (or Infinity for a cookie made here).
  return expiry !== undefined && expiry <= now;
}

/** Headers remembered per URL (scheme, host, path) between changes of the jar. */
const HEADER_CACHE_MAX = 256;

/** What a URL's Cookie header was, and until when it holds (the soonest expiry among its cookies). */
interface CachedHeader {
  readonly header: string | undefined;
  readonly validUntil: number;
}

function lastUsed(c: Cookie): number {
  return epoch(c.lastAccessed) ?? epoch(c.creation) ?? 0;
}

/**
 * One cookie jar: RFC 6265 matching, expiry, Secure, HttpOnly, host-only and public-suffix rules
 * from tough-cookie (its asynchronous API only), bounded in size. `onChange` is called after any
 * change, so the owner can persist it. The header lookup of a jar that has never held a cookie
 * answers synchronously: a batch run with an empty jar waits for nothing.
 */
export class SalvoCookieJar implements CookieJarPort {
  private readonly memory = new MemoryCookieStore();
  private readonly jar = new CookieJar(this.memory, JAR_OPTIONS);
  /** Upper bound of the cookies held (a replaced cookie counts twice until the next recount). */
  private count = 0;
  /** Bumped on every change; a lookup that raced a change is not remembered. */
  private version = 0;
  /**
   * A batch sends one URL thousands of times: its header is looked up once and reused until the
   * jar changes or one of its cookies expires (their last-access times are then not refreshed,
   * which only the size cap's least-recently-used order reads).
   */
  private readonly headers = new Map<string, CachedHeader>();
  onChange: (() => void) | undefined;

  constructor(private readonly limits: JarLimits = JAR_LIMITS) {}

  cookieHeaderFor(url: URL): string | undefined | Promise<string | undefined> {
    if (this.count === 0) return undefined;
    // Query and fragment never change which cookies match (RFC 6265 5.4: scheme, host, path).
    const key = `${url.protocol}//${url.hostname}${url.pathname}`;
    const cached = this.headers.get(key);
    if (cached !== undefined && cached.validUntil > Date.now()) return cached.header;
    return this.lookup(key, url);
  }

  private async lookup(key: string, url: URL): Promise<string | undefined> {
    const version = this.version;
    let cookies: Cookie[];
    try {
      cookies = await this.jar.getCookies(url.href);
    } catch {
      return undefined;
    }
    const header = cookies.length === 0 ? undefined : cookies.sort(cookieCompare).map((c) => c.cookieString()).join('; ');
    if (version === this.version) {
      let validUntil = Number.POSITIVE_INFINITY;
      for (const c of cookies) validUntil = Math.min(validUntil, c.expiryTime() ?? Number.POSITIVE_INFINITY);
      if (this.headers.size >= HEADER_CACHE_MAX) this.headers.clear();
      this.headers.set(key, { header, validUntil });
    }
    return header;
  }

  /** Every change goes through here: remembered headers are forgotten, the owner is told. */
  private changed(): void {
    this.version++;
    this.headers.clear();
    this.onChange?.();
  }

  async store(url: URL, setCookies: readonly string[]): Promise<void> {
    let changed = false;
    for (const text of setCookies) {
      if (text.length > this.limits.maxCookieBytes) continue;
      const parsed = Cookie.parse(text);
      if (parsed === undefined) continue;
      // Refused cookies (public suffix, foreign domain, Secure over http, bad prefix) resolve undefined.
      const stored = await this.jar.setCookie(parsed, url.href, { ignoreError: true }).catch(() => undefined);
      if (stored === undefined) continue;
      this.count++;
      changed = true;
    }
    if (!changed) return;
    if (this.count > this.limits.maxCookies) await this.prune();
    this.changed();
  }

  /** Every unexpired cookie, by domain then path then name; expired ones are dropped on the way. */
  async list(): Promise<CookieInfo[]> {
    const all = await this.live();
    return all.map(cookieInfo).sort((a, b) => a.domain.localeCompare(b.domain) || a.path.localeCompare(b.path) || a.name.localeCompare(b.name));
  }

  /** Removes one cookie; false when it was not there. */
  async delete(key: CookieKey): Promise<boolean> {
    const found = await this.memory.findCookie(key.domain, key.path, key.name);
    if (found === undefined || found === null) return false;
    await this.memory.removeCookie(key.domain, key.path, key.name);
    this.changed();
    return true;
  }

  /** Empties the jar. */
  async clear(): Promise<void> {
    await this.memory.removeAllCookies();
    this.count = 0;
    this.changed();
  }

  /**
   * Adds or replaces a cookie the user typed, through the same rules as a server's Set-Cookie (a
   * public suffix or a malformed domain is refused). `replaces` is the cookie being edited, removed
   * when the name, domain or path changed.
   */
  async set(input: CookieInput, replaces?: CookieKey): Promise<CookieInfo> {
    const domain = input.domain.replace(/^\./, '').replace(/\.$/, '').toLowerCase();
    if (input.expires !== undefined && input.expires <= Date.now()) throw new SalvoError('invalid-input', 'the expiry date is in the past: delete the cookie instead');
    const cookie = new Cookie({
      key: input.name,
      value: input.value,
      domain: input.hostOnly ? null : domain,
      path: input.path,
      expires: input.expires === undefined ? 'Infinity' : new Date(input.expires),
      secure: input.secure,
      httpOnly: input.httpOnly,
      ...(input.sameSite === undefined ? {} : { sameSite: input.sameSite }),
    });
    let stored: Cookie | undefined;
    try {
      stored = await this.jar.setCookie(cookie, `${input.secure ? 'https' : 'http'}://${domain}${input.path}`);
    } catch (err) {
      throw new SalvoError('invalid-input', `the cookie was refused: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (stored === undefined) throw new SalvoError('invalid-input', 'the cookie was refused');
    this.count++;
    if (replaces !== undefined && (replaces.name !== stored.key || replaces.domain !== stored.domain || replaces.path !== stored.path)) {
      await this.memory.removeCookie(replaces.domain, replaces.path, replaces.name);
    }
    if (this.count > this.limits.maxCookies) await this.prune();
    this.changed();
    return cookieInfo(stored);
  }

  /** The unexpired cookies in tough-cookie's JSON form (what the jar file keeps). */
  async toJSON(): Promise<unknown[]> {
    return (await this.live()).map((c) => c.toJSON());
  }

  /** Loads cookies saved by `toJSON` (expired or malformed entries are skipped); no change event. */
  async restore(saved: readonly unknown[]): Promise<void> {
    const now = Date.now();
    const cookies: Cookie[] = [];
    for (const item of saved) {
      const cookie = Cookie.fromJSON(item);
      if (cookie === undefined || cookie.domain === null || cookie.path === null || isExpired(cookie, now)) continue;
      cookies.push(cookie);
    }
    // The most recently used survive the cap.
    cookies.sort((a, b) => lastUsed(b) - lastUsed(a));
    for (const cookie of cookies.slice(0, this.limits.maxCookies)) await this.memory.putCookie(cookie);
    this.count = Math.min(cookies.length, this.limits.maxCookies);
    this.version++;
    this.headers.clear();
  }

  /** Unexpired cookies; expired ones are removed from the store. */
  private async live(): Promise<Cookie[]> {
    const now = Date.now();
    const all = await this.memory.getAllCookies();
    const kept: Cookie[] = [];
    for (const c of all) {
      if (isExpired(c, now)) await this.memory.removeCookie(c.domain ?? '', c.path ?? '', c.key);
      else kept.push(c);
    }
    this.count = kept.length;
    return kept;
  }

  /** Drops expired cookies, then the least recently used beyond the cap. */
  private async prune(): Promise<void> {
    const kept = await this.live();
    if (kept.length <= this.limits.maxCookies) return;
    kept.sort((a, b) => lastUsed(a) - lastUsed(b));
    for (const c of kept.slice(0, kept.length - this.limits.maxCookies)) await this.memory.removeCookie(c.domain ?? '', c.path ?? '', c.key);
    this.count = this.limits.maxCookies;
  }
}

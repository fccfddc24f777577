import { create } from 'zustand';
import type { CookieInfo, CookieKey } from '../../shared/model/cookie';

/** Which jar the manager shows: a collection's (by id) or, with none, the one of requests outside collections. */
export interface JarScope {
  readonly collectionId: string | undefined;
}

/** The cookie manager: open or not, which jar, its cookies, the search and the cookie being edited. */
export interface CookiesState {
  readonly isOpen: boolean;
  readonly scope: JarScope;
  readonly cookies: readonly CookieInfo[];
  readonly isLoading: boolean;
  readonly query: string;
  /** Values are masked until the user asks to see them (they are session credentials). */
  readonly showValues: boolean;
  /** The cookie in the edit form: `replaces` is the edited one, undefined when adding. */
  readonly editing: { readonly replaces: CookieKey | undefined; readonly initial: CookieInfo | undefined } | undefined;
  open(scope: JarScope): void;
  close(): void;
  setScope(scope: JarScope): void;
  setCookies(cookies: readonly CookieInfo[]): void;
  setLoading(isLoading: boolean): void;
  setQuery(query: string): void;
  setShowValues(showValues: boolean): void;
  edit(editing: CookiesState['editing']): void;
}

const initial = { isOpen: false, scope: { collectionId: undefined }, cookies: [], isLoading: false, query: '', showValues: false, editing: undefined };

/** The cookies store. */
export const useCookiesStore = create<CookiesState>()((set) => ({
  ...initial,
  open: (scope) => set({ isOpen: true, scope, query: '', showValues: false, editing: undefined }),
  close: () => set({ isOpen: false, editing: undefined, cookies: [], showValues: false }),
  setScope: (scope) => set({ scope, cookies: [], editing: undefined }),
  setCookies: (cookies) => set({ cookies, isLoading: false }),
  setLoading: (isLoading) => set({ isLoading }),
  setQuery: (query) => set({ query }),
  setShowValues: (showValues) => set({ showValues }),
  edit: (editing) => set({ editing }),
}));

/** Resets the store (tests). */
export function resetCookiesStore(): void {
  useCookiesStore.setState(initial);
}

/** Cookies of one domain, in the jar's order. */
export interface DomainGroup {
  readonly domain: string;
  readonly cookies: readonly CookieInfo[];
}

/** Identity of a cookie in lists and test ids. */
export function cookieId(c: CookieKey): string {
  return `${c.domain}|${c.path}|${c.name}`;
}

/**
 * Cookies matching the search (every term in the name, domain or path; values are not searched,
 * as they are masked), grouped by domain in order.
 */
export function groupByDomain(cookies: readonly CookieInfo[], query: string): DomainGroup[] {
  const terms = query.toLowerCase().split(/\s+/).filter((t) => t !== '');
  const groups = new Map<string, CookieInfo[]>();
  for (const c of cookies) {
    const hay = `${c.name} ${c.domain} ${c.path}`.toLowerCase();
    if (!terms.every((t) => hay.includes(t))) continue;
    const list = groups.get(c.domain) ?? [];
    list.push(c);
    groups.set(c.domain, list);
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([domain, list]) => ({ domain, cookies: list }));
}

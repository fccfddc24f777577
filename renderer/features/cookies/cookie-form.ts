import { CookieInputSchema } from '../../../shared/model/cookie';
import type { CookieInfo, CookieInput, CookieSameSite } from '../../../shared/model/cookie';

/** What the cookie form edits, as typed. */
export interface CookieFormValues {
  readonly name: string;
  readonly value: string;
  readonly domain: string;
  readonly path: string;
  /** `datetime-local` text; empty = a session cookie. */
  readonly expires: string;
  readonly secure: boolean;
  readonly httpOnly: boolean;
  readonly sameSite: CookieSameSite | '';
  readonly hostOnly: boolean;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Epoch ms as a `datetime-local` value in local time. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The form for a new cookie (on `domain`, if one is known) or for an existing one. */
export function formFromCookie(cookie: CookieInfo | undefined, domain = ''): CookieFormValues {
  if (cookie === undefined) return { name: '', value: '', domain, path: '/', expires: '', secure: false, httpOnly: false, sameSite: '', hostOnly: true };
  return {
    name: cookie.name,
    value: cookie.value,
    domain: cookie.domain,
    path: cookie.path,
    expires: cookie.expires === undefined ? '' : toLocalInput(cookie.expires),
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    sameSite: cookie.sameSite ?? '',
    hostOnly: cookie.hostOnly,
  };
}

/** The form as a cookie the main process accepts, or the first problem in words. */
export function cookieFromForm(form: CookieFormValues): { readonly cookie: CookieInput } | { readonly error: string } {
  let expires: number | undefined;
  if (form.expires.trim() !== '') {
    expires = new Date(form.expires).getTime();
    if (!Number.isFinite(expires)) return { error: 'Expires is not a date' };
  }
  const parsed = CookieInputSchema.safeParse({
    name: form.name.trim(),
    value: form.value,
    domain: form.domain.trim(),
    path: form.path.trim() === '' ? '/' : form.path.trim(),
    ...(expires === undefined ? {} : { expires }),
    secure: form.secure,
    httpOnly: form.httpOnly,
    ...(form.sameSite === '' ? {} : { sameSite: form.sameSite }),
    hostOnly: form.hostOnly,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: `${String(issue?.path[0] ?? 'cookie')}: ${issue?.message ?? 'invalid'}` };
  }
  return { cookie: parsed.data };
}

/** Expiry for the list: a local date and time, or "session". */
export function expiryLabel(expires: number | undefined): string {
  return expires === undefined ? 'session' : new Date(expires).toLocaleString();
}

import type { Auth } from '../../shared/model/request';

/** What an auth setting adds to a request before it is sent. */
export interface AuthEffect {
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly query: ReadonlyArray<readonly [string, string]>;
  /** Names filled from the auth setting: dropped on a cross-origin redirect. */
  readonly sensitiveNames: readonly string[];
  /** Credentials for the 401 Digest round trip. */
  readonly digest: { readonly username: string; readonly password: string } | undefined;
}

const NONE: AuthEffect = { headers: [], query: [], sensitiveNames: [], digest: undefined };

/** Basic credentials, UTF-8 encoded (RFC 7617 charset=UTF-8). */
export function basicHeader(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

/** Applies a resolved auth setting ('inherit' has been resolved by the caller; here it means none). */
export function authEffect(auth: Auth): AuthEffect {
  switch (auth.type) {
    case 'none':
    case 'inherit':
      return NONE;
    case 'basic':
      return { ...NONE, headers: [['Authorization', basicHeader(auth.username, auth.password)]], sensitiveNames: ['authorization'] };
    case 'bearer': {
      const prefix = auth.prefix ?? 'Bearer';
      return { ...NONE, headers: [['Authorization', prefix === '' ? auth.token : `${prefix} ${auth.token}`]], sensitiveNames: ['authorization'] };
    }
    case 'apikey':
      if (auth.key === '') return NONE;
      return auth.in === 'header'
        ? { ...NONE, headers: [[auth.key, auth.value]], sensitiveNames: [auth.key.toLowerCase()] }
        : { ...NONE, query: [[auth.key, auth.value]], sensitiveNames: [auth.key.toLowerCase()] };
    case 'digest':
      return { ...NONE, sensitiveNames: ['authorization'], digest: { username: auth.username, password: auth.password } };
  }
}

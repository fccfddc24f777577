/** One cookie from a Set-Cookie header, attributes split out. */
export interface ParsedCookie {
  readonly name: string;
  readonly value: string;
  readonly domain: string;
  readonly path: string;
  readonly expires: string;
  readonly maxAge: string;
  readonly httpOnly: boolean;
  readonly secure: boolean;
  readonly sameSite: string;
}

/** Parses one Set-Cookie header value; attribute names are case-insensitive. */
export function parseSetCookie(header: string): ParsedCookie {
  const [pair = '', ...attrs] = header.split(';');
  const eq = pair.indexOf('=');
  const cookie = {
    name: (eq >= 0 ? pair.slice(0, eq) : pair).trim(),
    value: eq >= 0 ? pair.slice(eq + 1).trim() : '',
    domain: '',
    path: '',
    expires: '',
    maxAge: '',
    httpOnly: false,
    secure: false,
    sameSite: '',
  };
  for (const attr of attrs) {
    const at = attr.indexOf('=');
    const key = (at >= 0 ? attr.slice(0, at) : attr).trim().toLowerCase();
    const val = at >= 0 ? attr.slice(at + 1).trim() : '';
    if (key === 'domain') cookie.domain = val;
    else if (key === 'path') cookie.path = val;
    else if (key === 'expires') cookie.expires = val;
    else if (key === 'max-age') cookie.maxAge = val;
    else if (key === 'httponly') cookie.httpOnly = true;
    else if (key === 'secure') cookie.secure = true;
    else if (key === 'samesite') cookie.sameSite = val;
  }
  return cookie;
}

/** Every cookie set by a response's headers, in received order. */
export function cookiesFromHeaders(headers: ReadonlyArray<readonly [string, string]>): ParsedCookie[] {
  return headers.filter(([name]) => name.toLowerCase() === 'set-cookie').map(([, value]) => parseSetCookie(value));
}

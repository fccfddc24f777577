import type { CertificateEntry } from '../../shared/model/collection';
import { SalvoError } from '../../shared/model/errors';
import type { RequestSpec } from '../../shared/model/request';
import { parseRequestUrl } from '../engine/prepare';
import { passphraseSecret } from '../secrets/secret-key';
import type { SecretScope } from '../secrets/secret-key';
import type { SecretStore } from '../secrets/secret-store';
import { locateReferencedFile } from './safe-path';

/** A certificate entry ready to apply: host pattern split, files absolute and checked, passphrase loaded. */
interface BoundEntry {
  readonly host: string;
  readonly wildcard: boolean;
  readonly port: number | undefined;
  readonly caFile: string | undefined;
  readonly certFile: string | undefined;
  readonly keyFile: string | undefined;
  readonly pfxFile: string | undefined;
  readonly passphrase: string | undefined;
  readonly verifyTls: boolean | undefined;
  /** Set when a file is outside the collection without consent: requests to this host fail with it, nothing is sent. */
  readonly refusal: SalvoError | undefined;
}

/** A collection's per-host TLS settings, bound to its folder (see `bindHostTls`). */
export interface HostTls {
  readonly entries: readonly BoundEntry[];
  /** Request URL text → index of the matching entry (-1: none); bounded, since a batch sends one URL many times. */
  readonly matches: Map<string, number>;
}

const MATCH_CACHE_MAX = 256;

/** Splits `host`, `host:port`, `*.domain[:port]`, `[v6]:port` into lower-case host, wildcard flag and port. */
export function parseHostPattern(pattern: string): { host: string; wildcard: boolean; port: number | undefined } {
  const wildcard = pattern.startsWith('*.');
  const rest = wildcard ? pattern.slice(2) : pattern;
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(rest);
  const host = (m?.[1] ?? rest).toLowerCase();
  return { host: host.startsWith('[') ? host.slice(1, -1) : host, wildcard, port: m?.[2] === undefined ? undefined : Number(m[2]) };
}

/**
 * Whether a pattern matches a URL's host and port: `api.example.com` that host on any port,
 * `api.example.com:8443` only that port (443 when an https URL names none), `*.example.com` any
 * sub-domain at any depth but not `example.com` itself.
 */
export function hostMatches(pattern: { host: string; wildcard: boolean; port: number | undefined }, url: URL): boolean {
  const hostname = (url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname).toLowerCase();
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  if (pattern.port !== undefined && pattern.port !== port) return false;
  return pattern.wildcard ? hostname.endsWith(`.${pattern.host}`) : hostname === pattern.host;
}

async function bindEntry(entry: CertificateEntry, root: string, scope: SecretScope, secrets: SecretStore): Promise<BoundEntry> {
  let refusal: SalvoError | undefined;
  const locate = async (path: string | undefined, what: string): Promise<string | undefined> => {
    if (path === undefined || path === '') return undefined;
    const found = await locateReferencedFile(root, path);
    if (!found.insideCollection && entry.allowExternalFiles !== true) {
      refusal ??= new SalvoError(
        'invalid-input',
        `The ${what} file ${path} of the certificate entry for ${entry.host} is outside the collection folder; nothing was sent. Allow files outside the collection for this entry in the collection's Certificates settings to use it.`,
        { path, host: entry.host, reason: 'external-file' },
      );
    }
    return found.absolute;
  };
  const [caFile, certFile, keyFile, pfxFile] = [await locate(entry.caFile, 'CA'), await locate(entry.certFile, 'certificate'), await locate(entry.keyFile, 'key'), await locate(entry.pfxFile, 'PFX')];
  const needsPassphrase = keyFile !== undefined || pfxFile !== undefined;
  const passphrase = needsPassphrase ? await secrets.get(passphraseSecret(scope, entry.host)) : undefined;
  return { ...parseHostPattern(entry.host), caFile, certFile, keyFile, pfxFile, passphrase: passphrase === '' ? undefined : passphrase, verifyTls: entry.verifyTls, refusal };
}

/** Binds a collection's certificate entries to its folder and secret store; undefined when it has none (nothing to do per send). */
export async function bindHostTls(entries: readonly CertificateEntry[], root: string, scope: SecretScope, secrets: SecretStore): Promise<HostTls | undefined> {
  if (entries.length === 0) return undefined;
  const bound: BoundEntry[] = [];
  for (const entry of entries) bound.push(await bindEntry(entry, root, scope, secrets));
  return { entries: bound, matches: new Map() };
}

function matchIndex(tls: HostTls, rawUrl: string): number {
  const cached = tls.matches.get(rawUrl);
  if (cached !== undefined) return cached;
  let index = -1;
  let url: URL | undefined;
  try {
    url = parseRequestUrl(rawUrl);
  } catch {
    // An invalid URL is the engine's to report; no entry applies.
  }
  if (url?.protocol === 'https:') index = tls.entries.findIndex((e) => url !== undefined && hostMatches(e, url));
  if (tls.matches.size >= MATCH_CACHE_MAX) tls.matches.clear();
  tls.matches.set(rawUrl, index);
  return index;
}

/**
 * The resolved spec with the first matching entry's TLS settings filled in where the request sets
 * none of its own: its CA file, its client identity (certificate + key, or PFX; a request naming
 * its own certificate or PFX keeps it), and verification (off when either says off). Synchronous:
 * files are read by the engine once per agent, not per request. Throws the entry's refusal (a file
 * outside the collection without consent) before anything is sent.
 */
export function applyHostTls(spec: RequestSpec, tls: HostTls | undefined): RequestSpec {
  if (tls === undefined) return spec;
  const index = matchIndex(tls, spec.url);
  const entry = index < 0 ? undefined : tls.entries[index];
  if (entry === undefined) return spec;
  if (entry.refusal !== undefined) throw entry.refusal;
  const o = spec.options;
  const ownIdentity = o.clientCertFile !== undefined || o.clientPfxFile !== undefined;
  const options = {
    ...o,
    verifyTls: o.verifyTls && entry.verifyTls !== false,
    ...(o.caFile === undefined && entry.caFile !== undefined ? { caFile: entry.caFile } : {}),
    ...(ownIdentity
      ? {}
      : {
          ...(entry.certFile === undefined ? {} : { clientCertFile: entry.certFile }),
          ...(entry.keyFile === undefined ? {} : { clientKeyFile: entry.keyFile }),
          ...(entry.pfxFile === undefined ? {} : { clientPfxFile: entry.pfxFile }),
          ...(entry.passphrase === undefined ? {} : { clientPassphrase: entry.passphrase }),
        }),
  };
  return { ...spec, options };
}

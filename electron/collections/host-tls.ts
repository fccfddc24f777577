import type { CertificateEntry } from '../../shared/model/collection';
import type { RequestSpec } from '../../shared/model/request';
import { parseRequestUrl } from '../engine/prepare';
import { passphraseSecret } from '../secrets/secret-key';
import type { SecretScope } from '../secrets/secret-key';
import type { SecretStore } from '../secrets/secret-store';
import type { FileScope } from '../consent/file-scope';
import { externalFileError } from './request-files';
import { locateReferencedFile } from './safe-path';

/** A certificate entry ready to apply: host pattern split, files absolute and checked, passphrase loaded. */
interface BoundEntry {
  /** The entry's host as written (`*.example.com:8443`), for messages. */
  readonly pattern: string;
  readonly host: string;
  readonly wildcard: boolean;
  readonly port: number | undefined;
  readonly caFile: string | undefined;
  readonly certFile: string | undefined;
  readonly keyFile: string | undefined;
  readonly pfxFile: string | undefined;
  readonly passphrase: string | undefined;
  readonly verifyTls: boolean | undefined;
  /** Files outside the collection folder (real paths): used only while the user allows every one of them. */
  readonly external: readonly string[];
}

/** A collection's per-host TLS settings, bound to its folder (see `bindHostTls`). */
export interface HostTls {
  readonly entries: readonly BoundEntry[];
  /** Request URL text → index of the matching entry (-1: none); bounded, since a batch sends one URL many times. */
  readonly matches: Map<string, number>;
  /** The collection's files and the user's consent for those outside it (asked per send: consent can change while bound). */
  readonly files: FileScope;
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
  const external: string[] = [];
  const locate = async (path: string | undefined): Promise<string | undefined> => {
    if (path === undefined || path === '') return undefined;
    const found = await locateReferencedFile(root, path);
    if (!found.insideCollection && !external.includes(found.absolute)) external.push(found.absolute);
    return found.absolute;
  };
  const [caFile, certFile, keyFile, pfxFile] = [await locate(entry.caFile), await locate(entry.certFile), await locate(entry.keyFile), await locate(entry.pfxFile)];
  const needsPassphrase = keyFile !== undefined || pfxFile !== undefined;
  const passphrase = needsPassphrase ? await secrets.get(passphraseSecret(scope, entry.host)) : undefined;
  return { pattern: entry.host, ...parseHostPattern(entry.host), caFile, certFile, keyFile, pfxFile, passphrase: passphrase === '' ? undefined : passphrase, verifyTls: entry.verifyTls, external };
}

/** Binds a collection's certificate entries to its folder, consent and secret store; undefined when it has none (nothing to do per send). */
export async function bindHostTls(entries: readonly CertificateEntry[], files: FileScope & { readonly root: string }, scope: SecretScope, secrets: SecretStore): Promise<HostTls | undefined> {
  if (entries.length === 0) return undefined;
  const bound: BoundEntry[] = [];
  for (const entry of entries) bound.push(await bindEntry(entry, files.root, scope, secrets));
  return { entries: bound, matches: new Map(), files };
}

/** Every file of the collection's certificate entries that lies outside its folder (real paths). */
export function externalHostTlsFiles(tls: HostTls | undefined): string[] {
  return tls === undefined ? [] : [...new Set(tls.entries.flatMap((e) => e.external))];
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
 * files are read by the engine once per agent, not per request. Throws `external-file` before
 * anything is sent while a file of the entry is outside the collection without the user's consent.
 */
export function applyHostTls(spec: RequestSpec, tls: HostTls | undefined): RequestSpec {
  if (tls === undefined) return spec;
  const index = matchIndex(tls, spec.url);
  const entry = index < 0 ? undefined : tls.entries[index];
  if (entry === undefined) return spec;
  if (entry.external.length > 0) {
    const refused = entry.external.filter((p) => !tls.files.allows(p));
    if (refused.length > 0) {
      for (const p of refused) tls.files.refused(p);
      throw externalFileError(`${refused.length === 1 ? 'file' : 'files'} of the certificate entry for ${entry.pattern},`, refused, tls.files, { host: entry.pattern });
    }
  }
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

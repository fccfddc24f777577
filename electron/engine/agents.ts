import { readFile } from 'node:fs/promises';
import { createSecureContext, rootCertificates } from 'node:tls';
import { Agent, ProxyAgent } from 'undici';
import type { Dispatcher } from 'undici';
import { SalvoError } from '../../shared/model/errors';
import type { RequestOptions } from '../../shared/model/request';
import { createConnector } from './connector';
import { RecentByIdentity } from './recent-by-identity';

/** Pool-wide settings shared by every agent the engine creates. */
export interface AgentSettings {
  readonly connectionsPerOrigin: number;
  readonly pipelining: number;
  readonly maxHeaderSize: number;
  readonly keepAliveTimeoutMs: number;
}

/** Agents differ only in what a socket is: TLS trust, client identity, connect timeout, proxy, ALPN. */
type AgentKey = Pick<RequestOptions, 'verifyTls' | 'caFile' | 'clientCertFile' | 'clientKeyFile' | 'clientPfxFile' | 'clientPassphrase' | 'proxyUrl' | 'http2'> & { readonly connectTimeoutMs: number };

const MAX_AGENTS = 16;

async function readPem(path: string | undefined, what: string): Promise<string | undefined> {
  const bytes = await readTlsFile(path, what);
  return bytes?.toString('utf8');
}

// Files are read once per agent: every request with the same settings shares it (a batch run reads them once).
async function readTlsFile(path: string | undefined, what: string): Promise<Buffer | undefined> {
  if (path === undefined || path === '') return undefined;
  try {
    return await readFile(path);
  } catch (err) {
    throw new SalvoError('io', `Could not read the ${what} file ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

// Plain concatenation (a separator no path or URL field can make ambiguous): this runs once per send.
function keyOf(key: AgentKey): string {
  const identity = key.clientPfxFile === undefined && key.clientPassphrase === undefined ? '' : `\u0000${key.clientPfxFile ?? ''}\u0000${key.clientPassphrase ?? ''}`;
  return `${key.verifyTls ? 1 : 0}\u0000${key.caFile ?? ''}\u0000${key.clientCertFile ?? ''}\u0000${key.clientKeyFile ?? ''}\u0000${key.proxyUrl ?? ''}\u0000${key.http2 ? 1 : 0}\u0000${key.connectTimeoutMs}${identity}`;
}

/**
 * Parses the client identity once, when the agent is made, so a wrong passphrase or a damaged
 * file is a clear error for the request instead of a throw inside the connector.
 */
function checkIdentity(options: { cert?: string; key?: string; pfx?: Buffer; passphrase?: string }): void {
  if (options.cert === undefined && options.key === undefined && options.pfx === undefined) return;
  try {
    createSecureContext(options);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const hint = /bad decrypt|mac verify|passphrase|bad password/i.test(message) ? ' (wrong or missing passphrase?)' : '';
    throw new SalvoError('tls', `Could not use the client certificate: ${message}${hint}`);
  }
}

/** A cached agent: the creation promise, and the agent itself once it exists. */
interface Entry {
  readonly created: Promise<Dispatcher>;
  ready: Dispatcher | undefined;
}

/** Agent keys by options object (options are never mutated): a batch's sends share one, whose key is built once. */
const keyIds = new RecentByIdentity<RequestOptions, string>();

/**
 * Owns the shared undici Agent and the few variants that socket-level settings require
 * (a custom CA or a disabled verification must never leak into the default pool).
 * Requests with default settings all share one Agent and its per-origin keep-alive pools.
 */
export class AgentPool {
  private readonly agents = new Map<string, Entry>();
  /** The most recently used key: it is already last in recency order. */
  private newest: string | undefined;

  constructor(private readonly settings: AgentSettings) {}

  /** The dispatcher for a request's socket-level options (created on first use, then reused). */
  get(options: RequestOptions): Promise<Dispatcher> {
    const found = this.dispatcherFor(options);
    return found instanceof Promise ? found : Promise.resolve(found);
  }

  /**
   * Like `get`, but returns the agent itself once it exists, so the per-send path does not wait
   * a microtask for a promise that resolved long ago.
   */
  dispatcherFor(options: RequestOptions): Dispatcher | Promise<Dispatcher> {
    let id = keyIds.get(options);
    if (id === undefined) {
      id = keyOf({ verifyTls: options.verifyTls, caFile: options.caFile, clientCertFile: options.clientCertFile, clientKeyFile: options.clientKeyFile, clientPfxFile: options.clientPfxFile, clientPassphrase: options.clientPassphrase, proxyUrl: options.proxyUrl, http2: options.http2, connectTimeoutMs: options.timeouts.connect });
      keyIds.set(options, id);
    }
    const existing = this.agents.get(id);
    if (existing !== undefined) {
      // Map order doubles as recency order for eviction; the newest needs no move.
      if (this.newest !== id) {
        this.agents.delete(id);
        this.agents.set(id, existing);
        this.newest = id;
      }
      return existing.ready ?? existing.created;
    }
    const key: AgentKey = { ...options, connectTimeoutMs: options.timeouts.connect };
    const entry: Entry = { created: this.create(key), ready: undefined };
    this.agents.set(id, entry);
    this.newest = id;
    entry.created.then(
      (d) => {
        entry.ready = d;
      },
      // A failed creation (unreadable CA file) must not stay cached.
      () => {
        if (this.agents.get(id) === entry) this.agents.delete(id);
        if (this.newest === id) this.newest = undefined;
      },
    );
    this.evict();
    return entry.created;
  }

  private evict(): void {
    while (this.agents.size > MAX_AGENTS) {
      const oldest = this.agents.entries().next().value;
      if (oldest === undefined) return;
      this.agents.delete(oldest[0]);
      oldest[1].created.then((d) => d.close(), () => undefined).catch(() => undefined);
    }
  }

  private async create(key: AgentKey): Promise<Dispatcher> {
    const [caText, cert, keyText, pfx] = await Promise.all([readPem(key.caFile, 'CA'), readPem(key.clientCertFile, 'client certificate'), readPem(key.clientKeyFile, 'client key'), readTlsFile(key.clientPfxFile, 'PFX')]);
    const ca = caText === undefined ? undefined : [...rootCertificates, caText];
    const identity = { ...(pfx === undefined ? {} : { pfx }), ...(key.clientPassphrase === undefined ? {} : { passphrase: key.clientPassphrase }) };
    checkIdentity({ ...(cert === undefined ? {} : { cert }), ...(keyText === undefined ? {} : { key: keyText }), ...identity });
    const common = {
      connections: this.settings.connectionsPerOrigin,
      pipelining: this.settings.pipelining,
      maxHeaderSize: this.settings.maxHeaderSize,
      keepAliveTimeout: this.settings.keepAliveTimeoutMs,
      // Salvo's own defaults are passed per request; these only stop undici's 300 s from applying.
      headersTimeout: 30_000,
      bodyTimeout: 30_000,
    };
    if (key.proxyUrl !== undefined && key.proxyUrl !== '') {
      const tlsOptions = { rejectUnauthorized: key.verifyTls, ...(ca === undefined ? {} : { ca }), ...(cert === undefined ? {} : { cert }), ...(keyText === undefined ? {} : { key: keyText }), ...identity };
      try {
        return new ProxyAgent({ ...common, uri: key.proxyUrl, requestTls: tlsOptions, proxyTls: { timeout: key.connectTimeoutMs } });
      } catch (err) {
        throw new SalvoError('invalid-url', `Invalid proxy URL ${key.proxyUrl}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    const connect = createConnector({
      timeoutMs: key.connectTimeoutMs,
      verifyTls: key.verifyTls,
      allowH2: key.http2,
      ...(ca === undefined ? {} : { ca }),
      ...(cert === undefined ? {} : { cert }),
      ...(keyText === undefined ? {} : { key: keyText }),
      ...identity,
    });
    return new Agent({ ...common, connect, allowH2: key.http2 });
  }

  /** Closes every agent (in-flight requests are destroyed). */
  async close(): Promise<void> {
    const all = [...this.agents.values()];
    this.agents.clear();
    this.newest = undefined;
    await Promise.all(all.map((e) => e.created.then((d) => d.destroy(), () => undefined).catch(() => undefined)));
  }
}

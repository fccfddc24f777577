import { readFile } from 'node:fs/promises';
import { rootCertificates } from 'node:tls';
import { Agent, ProxyAgent } from 'undici';
import type { Dispatcher } from 'undici';
import { SalvoError } from '../../shared/model/errors';
import type { RequestOptions } from '../../shared/model/request';
import { createConnector } from './connector';

/** Pool-wide settings shared by every agent the engine creates. */
export interface AgentSettings {
  readonly connectionsPerOrigin: number;
  readonly pipelining: number;
  readonly maxHeaderSize: number;
  readonly keepAliveTimeoutMs: number;
}

/** Agents differ only in what a socket is: TLS trust, client identity, connect timeout, proxy, ALPN. */
type AgentKey = Pick<RequestOptions, 'verifyTls' | 'caFile' | 'clientCertFile' | 'clientKeyFile' | 'proxyUrl' | 'http2'> & { readonly connectTimeoutMs: number };

const MAX_AGENTS = 16;

async function readPem(path: string | undefined, what: string): Promise<string | undefined> {
  if (path === undefined || path === '') return undefined;
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    throw new SalvoError('io', `Could not read the ${what} file ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function keyOf(key: AgentKey): string {
  return JSON.stringify([key.verifyTls, key.caFile ?? '', key.clientCertFile ?? '', key.clientKeyFile ?? '', key.proxyUrl ?? '', key.http2, key.connectTimeoutMs]);
}

/**
 * Owns the shared undici Agent and the few variants that socket-level settings require
 * (a custom CA or a disabled verification must never leak into the default pool).
 * Requests with default settings all share one Agent and its per-origin keep-alive pools.
 */
export class AgentPool {
  private readonly agents = new Map<string, Promise<Dispatcher>>();

  constructor(private readonly settings: AgentSettings) {}

  /** The dispatcher for a request's socket-level options (created on first use, then reused). */
  get(options: RequestOptions): Promise<Dispatcher> {
    const key: AgentKey = { ...options, connectTimeoutMs: options.timeouts.connect };
    const id = keyOf(key);
    const existing = this.agents.get(id);
    if (existing !== undefined) {
      // Map order doubles as recency order for eviction.
      this.agents.delete(id);
      this.agents.set(id, existing);
      return existing;
    }
    const created = this.create(key);
    this.agents.set(id, created);
    // A failed creation (unreadable CA file) must not stay cached.
    created.catch(() => this.agents.delete(id));
    this.evict();
    return created;
  }

  private evict(): void {
    while (this.agents.size > MAX_AGENTS) {
      const oldest = this.agents.entries().next().value;
      if (oldest === undefined) return;
      this.agents.delete(oldest[0]);
      oldest[1].then((d) => d.close(), () => undefined).catch(() => undefined);
    }
  }

  private async create(key: AgentKey): Promise<Dispatcher> {
    const [caText, cert, keyText] = await Promise.all([readPem(key.caFile, 'CA'), readPem(key.clientCertFile, 'client certificate'), readPem(key.clientKeyFile, 'client key')]);
    const ca = caText === undefined ? undefined : [...rootCertificates, caText];
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
      const tlsOptions = { rejectUnauthorized: key.verifyTls, ...(ca === undefined ? {} : { ca }), ...(cert === undefined ? {} : { cert }), ...(keyText === undefined ? {} : { key: keyText }) };
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
    });
    return new Agent({ ...common, connect, allowH2: key.http2 });
  }

  /** Closes every agent (in-flight requests are destroyed). */
  async close(): Promise<void> {
    const all = [...this.agents.values()];
    this.agents.clear();
    await Promise.all(all.map((p) => p.then((d) => d.destroy(), () => undefined).catch(() => undefined)));
  }
}

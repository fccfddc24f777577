import net from 'node:net';
import type { Socket } from 'node:net';
import tls from 'node:tls';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import type { buildConnector } from 'undici';
import { SalvoError } from '../../shared/model/errors';
import { describeTlsProblem, timeoutError } from './errors';

/** Connection phases of one socket, measured when it was opened. */
export interface SocketFacts {
  readonly dns: number;
  readonly connect: number;
  readonly tls: number;
  /** How many requests have been written on this socket (1 = fresh). */
  uses: number;
}

const facts = new WeakMap<object, SocketFacts>();

/** Connection facts of a socket, creating zeroed ones for sockets we did not open (proxy tunnels). */
export function socketFacts(socket: object): SocketFacts {
  let found = facts.get(socket);
  if (found === undefined) {
    found = { dns: 0, connect: 0, tls: 0, uses: 0 };
    facts.set(socket, found);
  }
  return found;
}

/** TLS and timeout settings of one connector (one Agent). */
export interface ConnectorConfig {
  readonly timeoutMs: number;
  readonly verifyTls: boolean;
  readonly ca?: readonly string[];
  readonly cert?: string;
  readonly key?: string;
  /** A PKCS#12 client identity and the passphrase of it or of `key`. */
  readonly pfx?: Buffer;
  readonly passphrase?: string;
  readonly allowH2: boolean;
}

function certName(part: Record<string, string | string[] | undefined> | undefined): string {
  if (part === undefined) return '';
  return Object.entries(part)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : (v ?? '')}`)
    .join(', ');
}

/** A TLS verification failure with the certificate facts a user needs to judge it. */
export function certificateError(code: string, cert: PeerCertificate | undefined): SalvoError {
  const detail: Record<string, string> = { code };
  if (cert !== undefined && Object.keys(cert).length > 0) {
    detail.subject = certName(cert.subject as unknown as Record<string, string>);
    detail.issuer = certName(cert.issuer as unknown as Record<string, string>);
    detail.validFrom = cert.valid_from;
    detail.validTo = cert.valid_to;
    detail.fingerprint256 = cert.fingerprint256;
    if (cert.subjectaltname !== undefined) detail.altNames = cert.subjectaltname;
  }
  const problem = describeTlsProblem(code);
  const facts = detail.subject === undefined ? '' : ` (subject ${detail.subject}; issuer ${detail.issuer}; valid to ${detail.validTo})`;
  return new SalvoError('tls', `TLS error: ${problem}${facts}`, detail);
}

function bareHost(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/**
 * An undici connector that measures DNS / TCP / TLS per socket and verifies certificates itself
 * (rejectUnauthorized off at the TLS layer, checked on `secureConnect` before undici gets the
 * socket), so a verification failure carries the peer certificate and no request byte is sent.
 */
export function createConnector(config: ConnectorConfig): buildConnector.connector {
  return (options, callback) => {
    const start = performance.now();
    const host = bareHost(options.hostname);
    const isTls = options.protocol === 'https:';
    const port = Number(options.port) || (isTls ? 443 : 80);
    let socket: Socket;
    if (isTls) {
      const servername = options.servername ?? (net.isIP(host) === 0 ? host : undefined);
      socket = tls.connect({
        host,
        port,
        ...(servername === undefined ? {} : { servername }),
        ...(options.httpSocket === undefined ? {} : { socket: options.httpSocket }),
        ALPNProtocols: config.allowH2 ? ['h2', 'http/1.1'] : ['http/1.1'],
        rejectUnauthorized: false,
        ...(config.ca === undefined ? {} : { ca: [...config.ca] }),
        ...(config.cert === undefined ? {} : { cert: config.cert }),
        ...(config.key === undefined ? {} : { key: config.key }),
        ...(config.pfx === undefined ? {} : { pfx: config.pfx }),
        ...(config.passphrase === undefined ? {} : { passphrase: config.passphrase }),
      });
    } else {
      socket = net.connect({ host, port });
    }
    let lookupAt = start;
    let connectAt = start;
    let settled = false;
    const timer = config.timeoutMs > 0 ? setTimeout(() => fail(timeoutError('connect', config.timeoutMs)), config.timeoutMs) : undefined;
    const fail = (err: Error): void => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      socket.destroy();
      callback(err, null);
    };
    const ready = (): void => {
      if (settled) return;
      if (isTls && config.verifyTls) {
        const tlsSocket = socket as TLSSocket;
        if (!tlsSocket.authorized) {
          const code = String(tlsSocket.authorizationError ?? 'UNKNOWN');
          fail(certificateError(code, tlsSocket.getPeerCertificate()));
          return;
        }
      }
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      const end = performance.now();
      facts.set(socket, { dns: lookupAt - start, connect: connectAt - lookupAt, tls: isTls ? end - connectAt : 0, uses: 0 });
      socket.off('error', fail);
      socket.setNoDelay(true);
      socket.setKeepAlive(true, 60_000);
      callback(null, socket);
    };
    socket.once('lookup', () => {
      lookupAt = performance.now();
    });
    socket.once('connect', () => {
      connectAt = performance.now();
    });
    socket.once(isTls ? 'secureConnect' : 'connect', ready);
    socket.once('error', fail);
  };
}

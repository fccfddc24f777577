import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SalvoError } from '../../shared/model/errors';
import type { RequestSpec } from '../../shared/model/request';
import type { ResponseResult } from '../../shared/model/response';
import { AgentPool } from './agents';
import { cancelledError, timeoutError } from './errors';
import { performSend, SendControl } from './send';
import { holdSocketTap } from './socket-tap';
import type { Engine, EngineOptions, SendOptions } from './types';

/** Salvo's defaults for the shared client session. */
export const ENGINE_DEFAULTS = {
  connectionsPerOrigin: 64,
  pipelining: 1,
  bodyCapBytes: 50 * 1024 * 1024,
  maxBodyBytes: 1024 * 1024 * 1024,
  maxHeaderSize: 64 * 1024,
  keepAliveTimeoutMs: 10_000,
} as const;

function failedResult(spec: RequestSpec, options: SendOptions, error: SalvoError): ResponseResult {
  return {
    id: options.id,
    method: spec.method,
    url: spec.url,
    status: 0,
    statusText: '',
    httpVersion: '',
    headers: [],
    body: { kind: 'memory', bytes: new Uint8Array(0) },
    contentType: '',
    charset: undefined,
    isBinary: false,
    sizes: { headers: 0, bodyWire: 0, bodyDecoded: 0 },
    timings: { dns: 0, connect: 0, tls: 0, send: 0, ttfb: 0, download: 0, total: 0 },
    reusedConnection: false,
    remoteAddress: '',
    remotePort: 0,
    redirects: [],
    incomplete: false,
    spilledToFile: false,
    error: error.info,
    startedAt: Date.now(),
    sent: { method: spec.method, url: spec.url, headers: [] },
  };
}

/** Creates the request engine: one shared undici Agent, cancel by id, results that never reject. */
export function createEngine(options: EngineOptions = {}): Engine {
  const releaseTap = holdSocketTap();
  // Created on the first spill (no sync fs at start-up); spilled bodies live here until released.
  const tempDir = options.tempDir ?? join(tmpdir(), `salvo-bodies-${process.pid}-${randomBytes(6).toString('hex')}`);
  const ownsTempDir = options.tempDir === undefined;
  const agents = new AgentPool({
    connectionsPerOrigin: options.connectionsPerOrigin ?? ENGINE_DEFAULTS.connectionsPerOrigin,
    pipelining: options.pipelining ?? ENGINE_DEFAULTS.pipelining,
    maxHeaderSize: options.maxHeaderSize ?? ENGINE_DEFAULTS.maxHeaderSize,
    keepAliveTimeoutMs: options.keepAliveTimeoutMs ?? ENGINE_DEFAULTS.keepAliveTimeoutMs,
  });
  const deps = { agents, tempDir, bodyCapBytes: options.bodyCapBytes ?? ENGINE_DEFAULTS.bodyCapBytes, maxBodyBytes: options.maxBodyBytes ?? ENGINE_DEFAULTS.maxBodyBytes };
  const running = new Map<string, SendControl>();
  let closed = false;

  // Not async: the result is performSend's own promise, with no second promise and await per send.
  function send(spec: RequestSpec, sendOptions: SendOptions): Promise<ResponseResult> {
    if (closed) return Promise.resolve(failedResult(spec, sendOptions, new SalvoError('internal', 'The request engine is closed')));
    const id = sendOptions.id;
    if (running.has(id)) return Promise.resolve(failedResult(spec, sendOptions, new SalvoError('invalid-input', `A request with id ${id} is already running`)));
    const control = new SendControl();
    running.set(id, control);
    const total = spec.options.timeouts.total;
    const timer = total > 0 ? setTimeout(() => control.stop(timeoutError('total', total)), total) : undefined;
    // The abort listener exists only for callers that pass a signal (batch runs cancel by id).
    const signal = sendOptions.signal;
    const onAbort = signal === undefined ? undefined : (): void => control.stop(cancelledError());
    if (signal !== undefined && onAbort !== undefined) {
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    }
    control.settle = () => {
      if (timer !== undefined) clearTimeout(timer);
      if (signal !== undefined && onAbort !== undefined) signal.removeEventListener('abort', onAbort);
      running.delete(id);
    };
    return performSend(deps, spec, sendOptions, control);
  }

  return {
    send,
    cancel(id) {
      const control = running.get(id);
      if (control === undefined) return false;
      control.stop(cancelledError());
      return true;
    },
    inFlight: () => running.size,
    async close() {
      closed = true;
      for (const control of running.values()) control.stop(cancelledError());
      await agents.close();
      releaseTap();
      if (ownsTempDir) await rm(tempDir, { recursive: true, force: true });
    },
  };
}

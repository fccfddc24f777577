import { randomBytes } from 'node:crypto';
import { bindRequestFiles } from '../collections/request-files';
import { applyHostTls } from '../collections/host-tls';
import type { HostTls } from '../collections/host-tls';
import { NO_CONSENT, OUTSIDE_COLLECTIONS } from '../consent/consent-scope';
import { fileScope } from '../consent/file-scope';
import type { FileScope } from '../consent/file-scope';
import { copyFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Handlers } from '../../shared/ipc/contract';
import type { SendContext } from '../../shared/ipc/http';
import { lookup, redact, resolveRequest } from '../../shared/lib/variables';
import type { VariableLayer } from '../../shared/lib/variables';
import { SalvoError } from '../../shared/model/errors';
import type { RequestSpec } from '../../shared/model/request';
import type { ResponseResult } from '../../shared/model/response';
import { ChunkCoalescer } from '../engine/chunk-coalescer';
import { ResponseStore } from '../engine/response-store';
import { DEFAULT_PREVIEW_BYTES, sliceBody, toResponseView } from '../engine/response-view';
import { TEMP_PREFIX, writeFileAtomic } from '../fs/atomic-write';
import type { CookieJarPort } from '../engine/types';
import type { AppContext, CollectionAccess, HistoryRecorder } from './context';

type HttpChannels = 'http:send' | 'http:cancel' | 'http:body' | 'http:saveBody' | 'http:release' | 'vars:resolve';

const MASK = '••••••';

interface Layered {
  readonly spec: RequestSpec;
  readonly layers: readonly VariableLayer[];
  readonly sensitiveNames: readonly string[];
  readonly hostTls: HostTls | undefined;
  readonly files: FileScope | undefined;
}

async function layeredFor(collections: CollectionAccess, spec: RequestSpec | undefined, context: SendContext): Promise<Layered | undefined> {
  if (context.collectionId === undefined) return undefined;
  const environment = context.environment ?? collections.activeEnvironment(context.collectionId);
  const effective = await collections.effective(context.collectionId, context.requestPath, environment, spec);
  return { spec: effective.spec, layers: effective.layers, sensitiveNames: effective.sensitiveNames, hostTls: effective.hostTls, files: effective.files };
}

/** Every secret value visible in the layers (redacted from history even when not substituted). */
function layerSecrets(layers: readonly VariableLayer[]): string[] {
  const out: string[] = [];
  for (const layer of layers) for (const name of layer.secrets ?? []) {
    const value = layer.values.get(name);
    if (value !== undefined && value !== '') out.push(value);
  }
  return out;
}

function redactSpec(spec: RequestSpec, secrets: readonly string[]): RequestSpec {
  if (secrets.length === 0) return spec;
  return JSON.parse(redact(JSON.stringify(spec), secrets.map((s) => JSON.stringify(s).slice(1, -1)))) as RequestSpec;
}

async function copyAtomic(source: string, target: string): Promise<void> {
  const temp = join(dirname(target), `${TEMP_PREFIX}${basename(target)}.${randomBytes(6).toString('hex')}`);
  try {
    await copyFile(source, temp);
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw new SalvoError('io', `Could not save the body to ${target}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function stored(responses: ResponseStore, id: string): ResponseResult {
  const result = responses.get(id);
  if (result === undefined) throw new SalvoError('not-found', `No stored response ${id} (it was released or evicted)`);
  return result;
}

/**
 * `http:*` and `vars:resolve`: resolve variables (nothing is sent while one is unresolved), send
 * through the engine with coalesced `http:chunk` events, keep the full result in a bounded store,
 * record redacted history, and return a view with a capped preview.
 */
export function createHttpHandlers(
  ctx: AppContext,
  deps: {
    collections: CollectionAccess;
    history: HistoryRecorder;
    previewBytes?: number;
    /** The cookie jar of a send's scope (its collection, or the jar of requests outside collections). */
    cookies?: (collectionId: string | undefined) => Promise<CookieJarPort>;
  },
): { handlers: Pick<Handlers, HttpChannels>; responses: ResponseStore } {
  const responses = new ResponseStore();
  const previewBytes = deps.previewBytes ?? DEFAULT_PREVIEW_BYTES;
  // Requests outside collections (history, scratch tabs) read files with the user's consent too: a
  // pasted cURL command or an old history entry must not upload a file nobody chose.
  const outsideFiles = fileScope(ctx.consent ?? NO_CONSENT, () => OUTSIDE_COLLECTIONS, undefined);

  async function record(id: string, original: RequestSpec, result: ResponseResult, secrets: readonly string[]): Promise<void> {
    try {
      await deps.history.record({
        id,
        at: result.startedAt,
        method: result.sent.method,
        url: redact(result.sent.url, secrets),
        status: result.status,
        errorKind: result.error?.kind,
        durationMs: result.timings.total,
        bytes: result.sizes.bodyDecoded,
        spec: redactSpec(original, secrets),
      });
    } catch {
      // History is a convenience: failing to write it must not fail the request.
    }
  }

  const handlers: Pick<Handlers, HttpChannels> = {
    'http:send': async ({ id, spec, context }) => {
      const layered = await layeredFor(deps.collections, spec, context);
      const effective = layered?.spec ?? spec;
      const layers = layered?.layers ?? [];
      const resolved = resolveRequest(effective, layers);
      if (resolved.unresolved.length > 0) {
        const names = resolved.unresolved;
        throw new SalvoError('unresolved-variable', `Unresolved variable${names.length === 1 ? '' : 's'}: ${names.map((n) => `{{${n}}}`).join(', ')}; nothing was sent`, { names });
      }
      // Body files and the request's own TLS files stay inside the collection unless the user
      // consented (outside collections, every file needs consent). The collection's certificate
      // entry for the resolved host applies unless the request sets its own.
      const bound = await bindRequestFiles(resolved.value, layered?.files ?? outsideFiles);
      const toSend = layered === undefined ? bound : applyHostTls(bound, layered.hostTls);
      const secrets = [...new Set([...resolved.secretValues, ...layerSecrets(layers)])];
      // The jar's cookies go on the wire (and in the response's `sent` view) only: history keeps the spec as typed.
      const cookies = toSend.options.useCookieJar && deps.cookies !== undefined ? await deps.cookies(context.collectionId) : undefined;
      const coalescer = new ChunkCoalescer((chunk) => ctx.emit('http:chunk', { id, ...chunk }));
      const result = await ctx.engine.send(toSend, {
        id,
        onChunk: (chunk) => coalescer.push(chunk),
        secretValues: resolved.secretValues,
        sensitiveNames: layered?.sensitiveNames ?? [],
        ...(cookies === undefined ? {} : { cookies }),
      });
      coalescer.finish();
      responses.put(id, result);
      await record(id, spec, result, secrets);
      return toResponseView(result, previewBytes);
    },
    'http:cancel': ({ id }) => Promise.resolve(ctx.engine.cancel(id)),
    'http:body': async ({ id, offset, limit }) => sliceBody(id, stored(responses, id), offset, limit),
    'http:saveBody': async ({ id, path }) => {
      const result = stored(responses, id);
      if (result.body.kind === 'file') {
        await copyAtomic(result.body.path, path);
        return { bytes: result.body.bytes };
      }
      try {
        await writeFileAtomic(path, result.body.bytes);
      } catch (err) {
        throw new SalvoError('io', `Could not save the body to ${path}: ${err instanceof Error ? err.message : String(err)}`);
      }
      return { bytes: result.body.bytes.length };
    },
    'http:release': ({ id }) => {
      responses.release(id);
      return Promise.resolve();
    },
    'vars:resolve': async (context) => {
      const layered = await layeredFor(deps.collections, undefined, context);
      if (layered === undefined) return [];
      const names = new Set<string>();
      for (const layer of layered.layers) for (const name of layer.values.keys()) names.add(name);
      const out: Array<{ name: string; value: string; secret: boolean; scope: string }> = [];
      for (const name of [...names].sort()) {
        const found = lookup(layered.layers, name);
        if (found === undefined) continue;
        const scope = [...layered.layers].reverse().find((l) => l.values.has(name))?.scope ?? 'collection';
        out.push({ name, value: found.secret ? MASK : found.value, secret: found.secret, scope });
      }
      return out;
    },
  };
  return { handlers, responses };
}

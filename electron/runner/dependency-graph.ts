import { lookup, referencedNames } from '../../shared/lib/variables';
import type { VariableLayer } from '../../shared/lib/variables';
import { SalvoError } from '../../shared/model/errors';
import type { Body, RequestSpec } from '../../shared/model/request';
import type { EffectiveRequest } from '../handlers/context';

/** For each request of a stage (by index), the indices of the requests it must wait for, and why. */
export interface DependencyGraph {
  readonly producers: ReadonlyArray<ReadonlyArray<{ readonly index: number; readonly variable: string }>>;
  /** True when some request waits for another (the scheduler then tracks passes). */
  readonly hasEdges: boolean;
}

/**
 * Builds the wait-for graph of one stage: request A waits for request B of the same pass when A
 * references (directly or through variable values) a variable that B extracts. A request that
 * extracts a variable it also uses is not its own producer (it sees the previous value).
 * A cycle is refused before anything is sent.
 */
export function buildDependencyGraph(requests: readonly EffectiveRequest[], extraLayers: readonly VariableLayer[] = []): DependencyGraph {
  const extractedBy = new Map<string, number[]>();
  requests.forEach((request, index) => {
    for (const e of request.spec.extractions) {
      const list = extractedBy.get(e.variable) ?? [];
      list.push(index);
      extractedBy.set(e.variable, list);
    }
  });
  const producers = requests.map((request, index) => {
    const out: Array<{ index: number; variable: string }> = [];
    if (extractedBy.size === 0) return out;
    for (const name of namesUsedBy(request, extraLayers)) {
      for (const producer of extractedBy.get(name) ?? []) if (producer !== index) out.push({ index: producer, variable: name });
    }
    return out;
  });
  const cycle = findCycle(producers.map((list) => list.map((p) => p.index)));
  if (cycle !== undefined) {
    const names = cycle.map((i) => requests[i]?.path ?? String(i));
    throw new SalvoError('invalid-input', `requests wait for each other's extracted variables: ${names.join(' -> ')}`, { cycle: names });
  }
  return { producers, hasEdges: producers.some((list) => list.length > 0) };
}

/** Every variable name a request references, following variable values through its layers. */
export function namesUsedBy(request: EffectiveRequest, extraLayers: readonly VariableLayer[] = []): Set<string> {
  const layers: VariableLayer[] = [...request.layers, ...extraLayers, { scope: 'request', values: new Map(request.spec.variables.filter((v) => v.enabled).map((v) => [v.name, v.value])) }];
  const pending = specTexts(request.spec).flatMap(referencedNames);
  const seen = new Set<string>();
  while (pending.length > 0) {
    const name = pending.pop();
    if (name === undefined || seen.has(name)) continue;
    seen.add(name);
    const found = lookup(layers, name);
    if (found !== undefined) pending.push(...referencedNames(found.value));
  }
  return seen;
}

function specTexts(spec: RequestSpec): string[] {
  const rows = [...spec.params, ...spec.headers].filter((r) => r.enabled).flatMap((r) => [r.name, r.value]);
  return [spec.url, ...rows, ...bodyTexts(spec.body), ...authTexts(spec)];
}

function bodyTexts(body: Body): string[] {
  switch (body.mode) {
    case 'none':
      return [];
    case 'json':
    case 'xml':
    case 'text':
      return [body.text];
    case 'form':
      return body.fields.filter((f) => f.enabled).flatMap((f) => [f.name, f.value]);
    case 'multipart':
      return body.fields.filter((f) => f.enabled).flatMap((f) => (f.kind === 'text' ? [f.name, f.value] : [f.name, f.path]));
    case 'binary':
      return [body.path];
  }
}

function authTexts(spec: RequestSpec): string[] {
  const auth = spec.auth;
  switch (auth.type) {
    case 'none':
    case 'inherit':
      return [];
    case 'basic':
    case 'digest':
      return [auth.username, auth.password];
    case 'bearer':
      return [auth.token, auth.prefix ?? ''];
    case 'apikey':
      return [auth.key, auth.value];
  }
}

/** Returns one cycle (as indices, first repeated at the end) or undefined. */
function findCycle(edges: ReadonlyArray<readonly number[]>): number[] | undefined {
  const state = new Array<0 | 1 | 2>(edges.length).fill(0);
  const stack: number[] = [];
  const visit = (node: number): number[] | undefined => {
    state[node] = 1;
    stack.push(node);
    for (const next of edges[node] ?? []) {
      if (state[next] === 1) return [...stack.slice(stack.indexOf(next)), next];
      if (state[next] === 0) {
        const found = visit(next);
        if (found !== undefined) return found;
      }
    }
    stack.pop();
    state[node] = 2;
    return undefined;
  };
  for (let i = 0; i < edges.length; i++) {
    if (state[i] !== 0) continue;
    const found = visit(i);
    if (found !== undefined) return found;
  }
  return undefined;
}

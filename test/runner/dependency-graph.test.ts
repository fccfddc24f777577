import { describe, expect, it } from 'vitest';
import { layerFrom } from '../../shared/lib/variables';
import { newRequestSpec } from '../../shared/model/request';
import type { RequestSpec } from '../../shared/model/request';
import { SalvoError } from '../../shared/model/errors';
import { buildDependencyGraph } from '../../electron/runner/dependency-graph';
import type { EffectiveRequest } from '../../electron/handlers/context';

function req(path: string, spec: Partial<RequestSpec> & { url: string }, env: Record<string, string> = {}): EffectiveRequest {
  return { path, name: path, spec: newRequestSpec(spec), layers: [layerFrom('environment', Object.entries(env).map(([name, value]) => ({ name, value })))], sensitiveNames: [] };
}

describe('dependency graph', () => {
  it('links consumers to the producers of the variables they use, also through variable values', () => {
    const login = req('login', { url: 'http://h/login', extractions: [{ from: 'json', variable: 'token', path: '$.t' }] });
    const direct = req('direct', { url: 'http://h/a', headers: [{ name: 'Authorization', value: 'Bearer {{token}}', enabled: true }] });
    const indirect = req('indirect', { url: 'http://h/{{authPath}}' }, { authPath: 'x/{{token}}' });
    const free = req('free', { url: 'http://h/free' });
    const graph = buildDependencyGraph([direct, login, indirect, free]);
    expect(graph.producers[0]).toEqual([{ index: 1, variable: 'token' }]);
    expect(graph.producers[1]).toEqual([]);
    expect(graph.producers[2]).toEqual([{ index: 1, variable: 'token' }]);
    expect(graph.producers[3]).toEqual([]);
    expect(graph.hasEdges).toBe(true);
  });

  it('a request that extracts what it uses is not its own producer', () => {
    const refresh = req('refresh', { url: 'http://h/{{token}}', extractions: [{ from: 'json', variable: 'token', path: '$.t' }] });
    expect(buildDependencyGraph([refresh]).hasEdges).toBe(false);
  });

  it('refuses a cycle with invalid-input, naming the requests', () => {
    const a = req('a.yaml', { url: 'http://h/{{y}}', extractions: [{ from: 'status', variable: 'x' }] });
    const b = req('b.yaml', { url: 'http://h/{{x}}', extractions: [{ from: 'status', variable: 'y' }] });
    let caught: unknown;
    try {
      buildDependencyGraph([a, b]);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(SalvoError);
    expect((caught as SalvoError).info.kind).toBe('invalid-input');
    expect((caught as SalvoError).message).toMatch(/a\.yaml -> b\.yaml -> a\.yaml/);
  });
});

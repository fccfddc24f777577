import { describe, expect, it } from 'vitest';
import { layerFrom, lookup, redact, referencedNames, resolveRequest, resolveText } from '../../shared/lib/variables';
import { newRequestSpec } from '../../shared/model/request';

const layers = [
  layerFrom('collection', [
    { name: 'a', value: 'collection' },
    { name: 'b', value: 'collection' },
    { name: 'c', value: 'collection' },
    { name: 'd', value: 'collection' },
    { name: 'e', value: 'collection' },
    { name: 'f', value: 'collection' },
    { name: 'off', value: 'x', enabled: false },
  ]),
  layerFrom('environment', [
    { name: 'b', value: 'environment' },
    { name: 'c', value: 'environment' },
    { name: 'd', value: 'environment' },
    { name: 'e', value: 'environment' },
    { name: 'f', value: 'environment' },
  ]),
  layerFrom('folder', [
    { name: 'c', value: 'folder' },
    { name: 'd', value: 'folder' },
    { name: 'e', value: 'folder' },
    { name: 'f', value: 'folder' },
  ]),
  layerFrom('data', [
    { name: 'e', value: 'data' },
    { name: 'f', value: 'data' },
  ]),
  layerFrom('runtime', [{ name: 'f', value: 'runtime' }]),
];

describe('variables', () => {
  it('layers collection < environment < folder < request < data row < runtime', () => {
    const spec = newRequestSpec({ url: 'http://h/{{a}}/{{b}}/{{c}}/{{d}}/{{e}}/{{f}}', variables: [{ name: 'd', value: 'request', enabled: true }, { name: 'e', value: 'request', enabled: true }, { name: 'f', value: 'request', enabled: true }] });
    const out = resolveRequest(spec, layers);
    expect(out.value.url).toBe('http://h/collection/environment/folder/request/data/runtime');
    expect(out.unresolved).toEqual([]);
  });

  it('resolves in params, headers, every body kind and auth; disabled rows are left alone', () => {
    const vars = [layerFrom('environment', [{ name: 'v', value: 'V' }])];
    const spec = newRequestSpec({
      url: 'http://h',
      params: [{ name: 'p{{v}}', value: '{{v}}', enabled: true }, { name: 'q', value: '{{missing}}', enabled: false }],
      headers: [{ name: 'X-{{v}}', value: 'h{{v}}', enabled: true }],
      body: { mode: 'multipart', fields: [{ kind: 'text', name: 't', value: '{{v}}', enabled: true }, { kind: 'file', name: 'f', path: '/tmp/{{v}}.bin', enabled: true }] },
      auth: { type: 'basic', username: '{{v}}', password: 'p{{v}}' },
    });
    const out = resolveRequest(spec, vars);
    expect(out.value.params[0]).toMatchObject({ name: 'pV', value: 'V' });
    expect(out.value.params[1]?.value).toBe('{{missing}}');
    expect(out.value.headers[0]).toMatchObject({ name: 'X-V', value: 'hV' });
    expect(out.value.body).toMatchObject({ fields: [{ value: 'V' }, { path: '/tmp/V.bin' }] });
    expect(out.value.auth).toMatchObject({ username: 'V', password: 'pV' });
    expect(out.unresolved).toEqual([]);
    for (const body of [{ mode: 'json', text: '{"x":"{{v}}"}' }, { mode: 'xml', text: '<x>{{v}}</x>' }, { mode: 'text', text: '{{v}}' }, { mode: 'binary', path: '{{v}}' }] as const) {
      const r = resolveRequest(newRequestSpec({ url: 'http://h', body }), vars);
      expect(JSON.stringify(r.value.body)).toContain('V');
      expect(JSON.stringify(r.value.body)).not.toContain('{{v}}');
    }
    const form = resolveRequest(newRequestSpec({ url: 'http://h', body: { mode: 'form', fields: [{ name: 'k', value: '{{v}}', enabled: true }] } }), vars);
    expect(form.value.body).toMatchObject({ fields: [{ value: 'V' }] });
    for (const auth of [{ type: 'bearer', token: '{{v}}' }, { type: 'apikey', key: 'k', value: '{{v}}', in: 'header' }, { type: 'digest', username: '{{v}}', password: '{{v}}' }] as const) {
      expect(JSON.stringify(resolveRequest(newRequestSpec({ url: 'http://h', auth }), vars).value.auth)).not.toContain('{{v}}');
    }
  });

  it('reports unresolved names (sorted, unique), including disabled and nested ones, and never substitutes them', () => {
    const vars = [layerFrom('collection', [{ name: 'outer', value: '{{inner}}' }, { name: 'off', value: 'x', enabled: false }])];
    const out = resolveRequest(newRequestSpec({ url: 'http://h/{{zeta}}/{{alpha}}/{{zeta}}/{{outer}}/{{off}}' }), vars);
    expect(out.unresolved).toEqual(['alpha', 'inner', 'off', 'zeta']);
    expect(out.value.url).toContain('{{zeta}}');
  });

  it('resolves nested references and stops on cycles', () => {
    const vars = [layerFrom('collection', [{ name: 'base', value: 'http://{{host}}:{{port}}' }, { name: 'host', value: 'h' }, { name: 'port', value: '1' }, { name: 'x', value: '{{y}}' }, { name: 'y', value: '{{x}}' }])];
    expect(resolveText('{{base}}/p', vars).value).toBe('http://h:1/p');
    const cyc = resolveText('{{x}}', vars);
    expect(cyc.unresolved.length).toBeGreaterThan(0);
  });

  it('produces fresh dynamic values on every use', () => {
    const out = resolveText('{{$uuid}} {{$uuid}} {{$timestamp}} {{$isoTimestamp}} {{$randomInt}}', []);
    const [u1, u2, ts, iso, rnd] = out.value.split(' ');
    expect(u1).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(u1).not.toBe(u2);
    expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(5);
    expect(new Date(iso ?? '').toISOString()).toBe(iso);
    expect(Number(rnd)).toBeGreaterThanOrEqual(0);
    expect(Number(rnd)).toBeLessThanOrEqual(1000);
    expect(out.unresolved).toEqual([]);
  });

  it('collects substituted secret values for redaction', () => {
    const vars = [layerFrom('environment', [{ name: 'token', value: 's3cr3t', secret: true }, { name: 'auth', value: 'Bearer {{token}}' }, { name: 'plain', value: 'p' }])];
    const out = resolveRequest(newRequestSpec({ url: 'http://h/{{plain}}', headers: [{ name: 'Authorization', value: '{{auth}}', enabled: true }] }), vars);
    expect(out.value.headers[0]?.value).toBe('Bearer s3cr3t');
    expect(out.secretValues).toEqual(['s3cr3t']);
    expect(redact('x s3cr3t y s3cr3t', out.secretValues)).toBe('x •••••• y ••••••');
    expect(lookup(vars, 'token')).toEqual({ value: 's3cr3t', secret: true });
  });

  it('lists referenced names', () => {
    expect(referencedNames('{{a}} and {{ b }} and {{$uuid}}')).toEqual(['a', 'b', '$uuid']);
  });
});

import react from '@vitejs/plugin-react';
import { build as esbuild } from 'esbuild';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build as viteBuild } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
let outDir: string;

/** Parses a CSP string into directive -> source list. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name?.toLowerCase() ?? '', values] as const),
  );
}

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'salvo-renderer-'));
  // Same root and plugins as the renderer section of electron.vite.config.ts.
  await viteBuild({ configFile: false, root: join(root, 'renderer'), logLevel: 'silent', plugins: [react()], build: { outDir, emptyOutDir: true } });
}, 120_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('built renderer', () => {
  it('index.html carries a strict CSP meta and only external same-origin scripts', async () => {
    const html = await readFile(join(outDir, 'index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta, 'CSP meta tag').not.toBeNull();
    const csp = directives(meta?.[1] ?? '');
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(meta?.[1]).not.toMatch(/unsafe-eval|wasm-unsafe-eval/);
    expect(html).not.toMatch(/<base[\s>]/i);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(body?.trim(), 'inline script').toBe('');
      const src = /\bsrc="([^"]+)"/.exec(attrs ?? '')?.[1] ?? '';
      expect(src).toMatch(/^\.?\//);
    }
  });

  it('JavaScript has no ipcRenderer, require(), eval or new Function', async () => {
    const assets = join(outDir, 'assets');
    const files = (await readdir(assets)).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const code = await readFile(join(assets, file), 'utf8');
      expect(code.includes('ipcRenderer'), `${file}: ipcRenderer`).toBe(false);
      expect(/\brequire\(/.test(code), `${file}: require(`).toBe(false);
      expect(/\beval\(|new Function\(/.test(code), `${file}: eval`).toBe(false);
    }
  });
});

describe('preload bundle', () => {
  it('is tiny, loads only electron, and carries no schema library', async () => {
    const result = await esbuild({
      entryPoints: [join(root, 'electron', 'preload', 'index.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    expect([...new Set(code.match(/require\("[^"]+"\)/g))]).toEqual(['require("electron")']);
    expect(code).toContain('exposeInMainWorld("salvo"');
    expect(code).not.toMatch(/zod|ZodError/);
    expect(code.length).toBeLessThan(20_000);
  });
});

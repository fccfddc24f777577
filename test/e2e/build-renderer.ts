import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '../..');
/** Where the built renderer lives (the same folder `electron-vite build` writes). */
export const RENDERER_OUT = join(ROOT, 'out', 'renderer');
const SOURCES = [join(ROOT, 'renderer'), join(ROOT, 'shared')];
/** Files whose change also changes the bundle (this builder included). */
const BUILD_INPUTS = [import.meta.filename, join(ROOT, 'package-lock.json')];

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const info = await stat(join(entry.parentPath, entry.name));
    newest = Math.max(newest, info.mtimeMs);
  }
  return newest;
}

/** True when out/renderer is missing or older than any renderer/shared source file. */
export async function isRendererStale(): Promise<boolean> {
  let built: number;
  try {
    built = (await stat(join(RENDERER_OUT, 'index.html'))).mtimeMs;
  } catch {
    return true;
  }
  const sources = await Promise.all(SOURCES.map(newestMtime));
  const inputs = await Promise.all(BUILD_INPUTS.map((f) => stat(f).then((i) => i.mtimeMs, () => 0)));
  return Math.max(...sources, ...inputs) > built;
}

/**
 * Builds the renderer the way electron-vite's renderer section does, into a temp folder that
 * then replaces out/renderer, so a concurrent reader never sees a half-written bundle.
 */
export async function buildRenderer(): Promise<void> {
  const temp = `${RENDERER_OUT}.build-${process.pid}`;
  await mkdir(join(ROOT, 'out'), { recursive: true });
  // Vitest sets NODE_ENV=test, which Vite would honour and bundle React's development build
  // (several times slower, with dev-only warnings): the e2e flows must measure the real bundle.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await buildBundle(temp);
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const old = `${RENDERER_OUT}.old-${process.pid}`;
  await rename(RENDERER_OUT, old).catch(() => undefined);
  await rename(temp, RENDERER_OUT);
  await rm(old, { recursive: true, force: true });
}

async function buildBundle(outDir: string): Promise<void> {
  await build({
    configFile: false,
    mode: 'production',
    root: join(ROOT, 'renderer'),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: { outDir, emptyOutDir: true, rollupOptions: { input: join(ROOT, 'renderer', 'index.html') } },
  });
}

/** Builds the renderer when it is missing or stale; returns whether it built. */
export async function ensureRendererBuilt(): Promise<boolean> {
  if (!(await isRendererStale())) return false;
  await buildRenderer();
  return true;
}
